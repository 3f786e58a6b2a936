"use client";

import { useCallback, useEffect, useState } from "react";
import { ReviewForm, VERDICTS } from "../_components/editing/review-form";
import type { QueueItem } from "@/lib/reviews/review-queue";

const LABELS: Record<string, string> = { unreviewed: "Unreviewed", supported: "Supported", disputed: "Disputed", stale: "Stale" };

const typing = (el: EventTarget | null) => el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

/**
 * The queue with keyboard shortcuts: j/k (or ↓/↑) move between claims, s/d/t/u pick a
 * verdict and jump to the rationale, Ctrl+Enter saves, Esc leaves the text box.
 */
export function QueueNavigator({ items }: { items: QueueItem[] }) {
  const [index, setIndex] = useState(0);
  const [verdict, setVerdict] = useState<{ id: string; status: string; n: number } | null>(null);
  const current = items[index];

  const move = useCallback((delta: number) => {
    setIndex((i) => Math.min(items.length - 1, Math.max(0, i + delta)));
    setVerdict(null);
  }, [items.length]);

  useEffect(() => {
    document.querySelector<HTMLElement>(`[data-queue-index="${index}"]`)?.scrollIntoView({ block: "nearest" });
  }, [index]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
        document.querySelector<HTMLFormElement>("#queue-review")?.requestSubmit();
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
    return () => window.removeEventListener("keydown", onKey);
  }, [current, move]);

  if (!current) return <p>Nothing needs attention with these filters.</p>;
  const chosen = verdict?.id === current.id ? verdict : null;

  return (
    <div className="two-col queue">
      <ol className="queue-list" aria-label="Claims to review">
        {items.map((item, i) => (
          <li key={item.id} data-queue-index={i} aria-current={i === index ? "true" : undefined} className={i === index ? "current" : undefined}>
            <button type="button" className="linkish" onClick={() => { setIndex(i); setVerdict(null); }}>
              {item.text}
            </button>
            <div className="byline">
              <span className={`badge badge-${item.status}`}>{LABELS[item.status] ?? item.status}</span>
              {item.person ? <span>{item.person.name}</span> : <span>publication</span>}
              <span>{item.lastReviewedAt ? `last reviewed ${item.lastReviewedAt.slice(0, 10)}` : "never reviewed"}</span>
            </div>
          </li>
        ))}
      </ol>
      <section aria-label="Current claim" className="queue-current">
        <p className="muted">
          {index + 1} of {items.length} on this page · <kbd>j</kbd>/<kbd>k</kbd> next/previous · <kbd>s</kbd> supported · <kbd>d</kbd> disputed ·{" "}
          <kbd>t</kbd> stale · <kbd>u</kbd> unreviewed · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> save
        </p>
        <h2>
          <a href={`/claims/${current.id}`}>{current.text}</a>
        </h2>
        {current.quote ? <blockquote className="context">{current.quote}</blockquote> : null}
        <ReviewForm
          key={`${current.id}-${current.version}-${chosen?.n ?? 0}`}
          formId="queue-review"
          claimId={current.id}
          version={current.version}
          status={current.status}
          initialStatus={chosen?.status}
          onSaved={() => move(1)}
        />
      </section>
    </div>
  );
}
