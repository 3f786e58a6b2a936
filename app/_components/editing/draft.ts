"use client";

import { useEffect, useRef } from "react";

// What an editor typed survives a sign-in: when a save is refused because the session
// ended, the form's values are kept in this tab's sessionStorage and put back when the
// form is shown again (after signing in and coming back). Nothing leaves the browser.

const PREFIX = "verbatim-draft:";

export function saveDraft(key: string, values: Record<string, string>): void {
  try {
    sessionStorage.setItem(PREFIX + key, JSON.stringify(values));
  } catch {
    // Storage full or disabled: the values are still in the open form.
  }
}

export function clearDraft(key: string): void {
  try {
    sessionStorage.removeItem(PREFIX + key);
  } catch {
    // nothing to clear
  }
}

/** Calls `restore` once, after mounting, with a draft saved for this key (then forgets it). */
export function useRestoreDraft(key: string, restore: (values: Record<string, string>) => void): void {
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    let raw: string | null = null;
    try {
      raw = sessionStorage.getItem(PREFIX + key);
    } catch {
      return;
    }
    if (!raw) return;
    clearDraft(key);
    try {
      const parsed = JSON.parse(raw) as unknown;
      if (parsed && typeof parsed === "object") restore(parsed as Record<string, string>);
    } catch {
      // a damaged draft is dropped
    }
  }, [key, restore]);
}
