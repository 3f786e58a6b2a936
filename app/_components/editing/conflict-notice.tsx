"use client";

import type { FormError as ApiError } from "@/lib/http/form-state";
import { SignInAgain } from "./sign-in-again";

type Change =
  | { type: "review"; version: number | null; at: string; by: string; from: string; to: string; rationale: string | null }
  | { type: "edit"; version: number; at: string; by: string; kind: string; changes: Record<string, { from: unknown; to: unknown }> };

type Details = { expectedVersion: number; currentVersion: number; current: { status: string; text: string }; changes: Change[] };

const show = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

/** What changed under the editor (from a 409), so they can decide instead of overwriting. */
export function ConflictNotice({ error, onReload }: { error: ApiError; onReload: () => void }) {
  const d = error.details as Details | undefined;
  return (
    <div className="conflict" role="alert" data-testid="conflict">
      <p>
        <strong>This claim changed while you were working on it</strong>
        {d ? ` (you saw version ${d.expectedVersion}; it is now version ${d.currentVersion})` : ""}. Nothing was saved.
      </p>
      {d ? (
        <ul>
          {d.changes.map((c, i) => (
            <li key={i}>
              {c.by}, {c.at.slice(0, 16).replace("T", " ")} UTC:{" "}
              {c.type === "review"
                ? `marked it ${c.to} (was ${c.from})${c.rationale ? ` — “${c.rationale}”` : ""}`
                : Object.entries(c.changes)
                    .map(([field, ch]) => `${field}: ${show(ch.from)} → ${show(ch.to)}`)
                    .join("; ")}
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        Your input is kept below. <a href="" onClick={(e) => { e.preventDefault(); onReload(); }}>Load the current version</a>, check it, then save again.
      </p>
    </div>
  );
}

/** A failed save: the conflict (409) with what changed, a way to sign in again (401), or the server's message. */
export function SaveError({ error, onReload }: { error: ApiError | null; onReload: () => void }) {
  if (!error) return null;
  // A version conflict (the claim changed meanwhile); other 409s ("already linked") are plain messages.
  const versionConflict = error.status === 409 && typeof (error.details as { currentVersion?: unknown } | undefined)?.currentVersion === "number";
  if (versionConflict) return <ConflictNotice error={error} onReload={onReload} />;
  if (error.status === 401) {
    return (
      <p role="alert" className="error" data-testid="signed-out">
        {error.message} What you typed is kept in this form: <SignInAgain />, then come back here to save it.
      </p>
    );
  }
  return (
    <p role="alert" className="error">
      {error.message}
    </p>
  );
}
