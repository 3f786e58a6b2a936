"use client";

import { useState } from "react";

/** Fetches a citation and copies it to the clipboard. Without JavaScript the link beside it still opens the text. */
export function CopyCitation({ url, label }: { url: string; label: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      const res = await fetch(url);
      if (!res.ok) throw new Error(String(res.status));
      await navigator.clipboard.writeText(await res.text());
      setState("copied");
    } catch {
      setState("failed");
    }
  }
  return (
    <button type="button" className="copy" onClick={copy} aria-label={`Copy ${label} citation`} data-format-url={url}>
      {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : "Copy"}
    </button>
  );
}
