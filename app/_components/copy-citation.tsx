"use client";

import { useEffect } from "react";

/**
 * Makes every `button[data-copy-url]` on the page copy the text at that URL. One
 * delegated listener instead of a client component per button keeps the claim page's
 * payload small; without JavaScript the buttons stay hidden and the links still work.
 */
export function CopyButtons() {
  useEffect(() => {
    const buttons = document.querySelectorAll<HTMLButtonElement>("button[data-copy-url]");
    buttons.forEach((b) => (b.hidden = false));
    async function onClick(event: MouseEvent) {
      const button = (event.target as Element | null)?.closest<HTMLButtonElement>("button[data-copy-url]");
      if (!button) return;
      try {
        const res = await fetch(button.dataset.copyUrl!);
        if (!res.ok) throw new Error(String(res.status));
        await navigator.clipboard.writeText(await res.text());
        button.textContent = "Copied";
      } catch {
        button.textContent = "Copy failed";
      }
    }
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, []);
  return null;
}
