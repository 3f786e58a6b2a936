"use client";

import { useCallback, useEffect, useState } from "react";

export type HighlightStop = { id: string; index: number };
type Props = {
  // The ids themselves are not passed (a source can hold hundreds): the page's anchors have them.
  count: number;
  /** The highlight the server rendered as current (from ?at=), if any. */
  current: HighlightStop | null;
  prevId: string;
  nextId: string;
};

const typing = (el: EventTarget | null) => el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
const href = (id: string) => `?at=${encodeURIComponent(id)}#span-${id}`;

/** Span ids in reading order, read from the anchors HighlightedText puts before each span. */
function spanIds(): string[] {
  return [...document.querySelectorAll<HTMLElement>("#source-text .anchor[id^='span-']")].map((a) => a.id.slice("span-".length));
}

/**
 * "Previous / next highlight". Without JavaScript these are links to ?at=<span>#span-<span>,
 * and the server renders the neighbours of that span (one nav, not one per span). With
 * JavaScript the links, and the keys n and p, move between the marks already on the page:
 * nothing is re-rendered, the current span's marks get a class and its link gets focus.
 */
export function HighlightNav({ count, current, prevId, nextId }: Props) {
  const [at, setAt] = useState<HighlightStop | null>(current);
  const [ids, setIds] = useState<string[] | null>(null);

  const show = useCallback((id: string, index: number, focus: boolean) => {
    document.querySelectorAll("mark.hl-current").forEach((m) => m.classList.remove("hl-current"));
    const marks = [...document.querySelectorAll<HTMLElement>(`mark[data-span-ids~="${CSS.escape(id)}"]`)];
    marks.forEach((m) => m.classList.add("hl-current"));
    setAt({ id, index });
    const first = marks[0];
    if (!first || !focus) return;
    // Focus the span's link so Enter opens its claim; a mark without one is made focusable.
    const target = first.querySelector<HTMLElement>("a") ?? first;
    if (target === first) first.tabIndex = -1;
    target.focus({ preventScroll: true });
    first.scrollIntoView({ block: "center", behavior: window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth" });
    history.replaceState(null, "", href(id));
  }, []);

  const step = useCallback(
    (delta: number) => {
      const list = ids ?? spanIds();
      if (list.length === 0) return;
      const from = at ? list.indexOf(at.id) : -1;
      // Wrapping: n from the last goes to the first, p before any goes to the last.
      const index = from === -1 ? (delta > 0 ? 0 : list.length - 1) : (from + delta + list.length) % list.length;
      show(list[index]!, index, true);
    },
    [at, ids, show],
  );

  // Follow the URL: the server's ?at=, or a #span- link (the claims list, a claim page's "Show in source").
  useEffect(() => {
    const list = spanIds();
    setIds(list);
    const sync = () => {
      const id = location.hash.startsWith("#span-") ? decodeURIComponent(location.hash.slice("#span-".length)) : null;
      const index = id ? list.indexOf(id) : -1;
      if (id && index !== -1) show(id, index, false);
    };
    sync();
    window.addEventListener("hashchange", sync);
    return () => window.removeEventListener("hashchange", sync);
  }, [show]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      if (e.key === "n" || e.key === "p") {
        step(e.key === "n" ? 1 : -1);
        e.preventDefault();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [step]);

  const list = ids;
  const pos = list && at ? list.indexOf(at.id) : -1;
  const prev = list && pos !== -1 ? list[(pos - 1 + list.length) % list.length]! : prevId;
  const next = list && pos !== -1 ? list[(pos + 1) % list.length]! : nextId;
  const click = (delta: number) => (e: React.MouseEvent) => {
    if (!list) return; // not hydrated yet: let the link navigate
    e.preventDefault();
    step(delta);
  };

  return (
    <nav aria-label="Highlights" className="hl-nav">
      <a href={href(prev)} onClick={click(-1)} data-step="prev">
        ← Previous<span className="visually-hidden"> highlight</span>
      </a>
      <span aria-live="polite" data-testid="hl-position">
        {at ? `Highlight ${at.index + 1} of ${count}` : `${count} ${count === 1 ? "highlight" : "highlights"}`}
      </span>
      <a href={href(next)} onClick={click(1)} data-step="next">
        Next<span className="visually-hidden"> highlight</span> →
      </a>
      {list ? (
        <span className="muted hl-keys">
          <kbd>p</kbd>/<kbd>n</kbd> keys
        </span>
      ) : null}
    </nav>
  );
}
