"use client";

import { useEffect, useState } from "react";
import type { SimilarClaim } from "@/lib/match/find-similar";

/** Below this many letters a text says too little to match. */
const MIN_LETTERS = 12;

/**
 * The similar claims at `url` (GET /api/similar or /api/claims/{id}/similar), fetched after
 * `delayMs`; null while `url` is null or the answer is pending. A failed lookup is an
 * error message, never a wrong list.
 */
export function useSimilarAt(url: string | null, delayMs = 0): { items: SimilarClaim[] | null; error: string | null } {
  const [items, setItems] = useState<SimilarClaim[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!url) {
      setItems(null);
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => {
      fetch(url, { signal: abort.signal })
        .then(async (r) => {
          const body = (await r.json()) as { items?: SimilarClaim[]; error?: { message: string } };
          if (!r.ok || !body.items) throw new Error(body.error?.message ?? `HTTP ${r.status}`);
          setItems(body.items);
          setError(null);
        })
        .catch((err: unknown) => {
          if (!abort.signal.aborted) setError(`Similar claims could not be looked up: ${(err as Error).message}`);
        });
    }, delayMs);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [url, delayMs]);
  return { items, error };
}

/**
 * The claims most like `text` (GET /api/similar), fetched a moment after the editor stops
 * typing; null until asked or while the text is too short.
 */
export function useSimilar(text: string, enabled = true, limit = 5): { items: SimilarClaim[] | null; error: string | null } {
  const wanted = enabled && (text.match(/\p{L}/gu)?.length ?? 0) >= MIN_LETTERS ? text.trim().slice(0, 4_000) : "";
  return useSimilarAt(wanted ? `/api/similar?${new URLSearchParams({ text: wanted, limit: String(limit) })}` : null, 350);
}
