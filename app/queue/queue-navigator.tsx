"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ReviewForm, VERDICTS } from "../_components/editing/review-form";
import type { SourceOption } from "../_components/editing/evidence-rows";
import type { QueueItem } from "@/lib/reviews/review-queue";
import { nextAfterSave } from "@/lib/reviews/next-after-save";

const LABELS: Record<string, string> = { unreviewed: "Unreviewed", supported: "Supported", disputed: "Disputed", stale: "Stale" };

/** Typing into a field (not a radio, checkbox or button, where the shortcuts still work). */
const typing = (el: EventTarget | null) =>
  el instanceof HTMLElement &&
  (el.isContentEditable || /^(TEXTAREA|SELECT)$/.test(el.tagName) || (el instanceof HTMLInputElement && !/^(radio|checkbox|button|submit)$/.test(el.type)));

/**
 * The queue with keyboard shortcuts: j/k (or ↓/↑) move between claims, s/d/t/u pick a
 * verdict and jump to the rationale, Ctrl+Enter saves, Esc leaves the text box.
 * The current claim is tracked by id: after a save the list is reloaded (the saved claim
 * may leave it or move), and the queue goes to the claim that was below the saved one.
 */
export function QueueNavigator({ items, sources }: { items: QueueItem[]; sources: SourceOption[] }) {
  const [currentId, setCurrentId] = useState<string | null>(items[0]?.id ?? null);
  const [verdict, setVerdict] = useState<{ id: string; status: string; n: number } | null>(null);
  const below = useRef<string[] | null>(null); // ids below the claim being saved, captured as it was sent
  const lastIndex = useRef(0);
  const [keysReady, setKeysReady] = useState(false); // the shortcuts listen only once hydrated
  const found = items.findIndex((i) => i.id === currentId);
  const index = found >= 0 ? found : Math.min(lastIndex.current, Math.max(0, items.length - 1));
  lastIndex.current = index;
  const current = items[index];

  useEffect(() => {
    if (!below.current) return;
    const next = nextAfterSave(below.current, items.map((i) => i.id));
    below.current = null;
    if (next) setCurrentId(next);
    setVerdict(null);
  }, [items]);

  const move = useCallback((delta: number) => {
    const target = items[Math.min(items.length - 1, Math.max(0, index + delta))];
    if (target) setCurrentId(target.id);
    setVerdict(null);
  }, [items, index]);

  useEffect(() => {
    document.querySelector<HTMLElement>(`[data-queue-index="${index}"]`)?.scrollIntoView({ block: "nearest" });
  }, [index]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
        document.querySelector<HTMLFormElement>("#queue-review")?.requestSubmit(document.querySelector<HTMLButtonElement>('#queue-review button[value="save"]'));
        e.preventDefault();
        return;
      }
      if (e.key === "Escape") return (document.activeElement as HTMLElement | null)?.blur();
      if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === "j" || e.key === "ArrowDown") move(1);
      else if (e.key === "k" || e.key === "ArrowUp") move(-1);
      else {
        const v = VERDICTS.find((x) => x.key === e.key);
        if (!v || !current) return;
        setVerdict((old) => ({ id: current.id, status: v.status, n: (old?.n ?? 0) + 1 }));
        setTimeout(() => document.querySelector<HTMLTextAreaElement>("#queue-review textarea")?.focus(), 0);
      }
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    setKeysReady(true);
    return () => window.removeEventListener("keydown", onKey);
  }, [current, move]);

  const onSaving = useCallback(() => {
    below.current = items.slice(index + 1).map((i) => i.id);
  }, [items, index]);
  const onFailed = useCallback(() => { below.current = null; }, []);

  if (!current) return <p>Nothing needs attention with these filters.</p>;
  const chosen = verdict?.id === current.id ? verdict : null;

  return (
    <div className="two-col queue" data-keys={keysReady ? "ready" : undefined}>
      <ol className="queue-list" aria-label="Claims to review">
        {items.map((item, i) => (
          <li key={item.id} data-queue-index={i} data-claim-id={item.id} aria-current={i === index ? "true" : undefined} className={i === index ? "current" : undefined}>
            <button type="button" className="linkish" onClick={() => { setCurrentId(item.id); setVerdict(null); }}>
              {item.text}
            </button>
            <div className="byline">
              <span className={`badge badge-${item.status}`}>{LABELS[item.status] ?? item.status}</span>
              {item.changedSinceVerdict ? <span className="badge badge-changed">changed since its verdict</span> : null}
              {item.sourceChanged ? <span className="badge badge-changed">source changed</span> : null}
              {item.person ? <span>{item.person.name}</span> : <span>publication</span>}
              <span>{item.lastReviewedAt ? `last reviewed ${item.lastReviewedAt.slice(0, 10)}` : "never reviewed"}</span>
            </div>
          </li>
        ))}
      </ol>
      <section aria-label="Current claim" className="queue-current" data-current-claim={current.id}>
        <p className="muted">
          {index + 1} of {items.length} on this page · <kbd>j</kbd>/<kbd>k</kbd> next/previous · <kbd>s</kbd> supported · <kbd>d</kbd> disputed ·{" "}
          <kbd>t</kbd> stale · <kbd>u</kbd> unreviewed · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> save
        </p>
        <h2>
          <a href={`/claims/${current.id}`}>{current.text}</a>
        </h2>
        {current.quote ? <blockquote className="context">{current.quote}</blockquote> : null}
        <ReviewForm
          key={`${current.id}-${chosen?.n ?? 0}`}
          formId="queue-review"
          claimId={current.id}
          version={current.version}
          sources={sources}
          initialStatus={chosen?.status}
          onSaving={onSaving}
          onFailed={onFailed}
          onSaved={() => {}}
        />
      </section>
    </div>
  );
}
