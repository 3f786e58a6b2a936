"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

type Result = { ok: true; body: unknown } | { ok: false };

/** The API's own error message (its JSON error body), or the status when there is none. */
async function errorMessage(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: { message?: unknown } };
    if (typeof body.error?.message === "string") return body.error.message;
  } catch {
    // Not JSON (e.g. a proxy's error page): fall through to the status.
  }
  return `The request failed (HTTP ${res.status}).`;
}

/**
 * Sends JSON to the API and re-renders the server page on success, so what is shown
 * always comes from the database; on failure, `error` holds the server's message.
 */
export function useJsonAction() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send(url: string, method: "POST" | "DELETE", body?: unknown): Promise<Result> {
    setPending(true);
    setError(null);
    try {
      const res = await fetch(url, {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) {
        setError(await errorMessage(res));
        return { ok: false };
      }
      const parsed: unknown = res.status === 204 ? null : await res.json();
      router.refresh();
      return { ok: true, body: parsed };
    } catch {
      setError("Could not reach the server.");
      return { ok: false };
    } finally {
      setPending(false);
    }
  }

  return { send, pending, error };
}
