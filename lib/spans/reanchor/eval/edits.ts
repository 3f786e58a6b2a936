// Synthetic news-style revisions with known answers, for measuring re-anchoring. Pure and
// seeded: an article (paragraphs of sentences), spans on whole words, then edits of the
// kinds newsrooms make — sentences added, deleted, reordered and reworded; numbers, names
// and negations changed; quotes trimmed; typographic quotes and dashes swapped; emoji and
// combining marks added. Each span's truth is tracked through the edits: where its words
// are now (survived), the words it turned into (changed), or nothing (vanished).

export type Truth = { kind: "survived" | "changed"; start: number; end: number } | { kind: "vanished" };
export type Case = { oldText: string; newText: string; spans: { start: number; end: number }[]; truth: Truth[] };

/** A text as pieces; each span is a run of whole pieces, tracked by piece identity. */
type Piece = { text: string; span: number | null; changed: boolean };

export function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const SWAPS: [RegExp, string][] = [[/“|”/g, '"'], [/’/g, "'"], [/—/g, "--"], [/\u00a0/g, " "]];
const NUMBERS = /\b\d[\d,.]*\b/;
const cpLen = (s: string) => Array.from(s).length;

function words(paragraph: string): string[] {
  return paragraph.match(/\S+\s*/gu) ?? [];
}

/** Builds one case from an article: `spanCount` spans, then `editCount` random edits. */
export function makeCase(article: string, seed: number, spanCount = 20, editCount = 6): Case {
  const rnd = prng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  // A paragraph that occurs twice makes "where is this quote now" a question without one
  // answer (the Caspian Post article repeats one): each paragraph is kept once.
  const unique = [...new Set(article.split("\n").map((p) => p.trim()).filter(Boolean))];
  const paragraphs: Piece[][] = unique.map((p) => words(p).map((text) => ({ text, span: null, changed: false })));
  // Spans: 3–20 whole words inside one paragraph, not overlapping.
  let made = 0;
  for (let tries = 0; made < spanCount && tries < spanCount * 20; tries++) {
    const p = pick(paragraphs);
    const length = 3 + Math.floor(rnd() * 18);
    if (p.length < length) continue;
    const from = Math.floor(rnd() * (p.length - length + 1));
    if (p.slice(from, from + length).some((w) => w.span !== null)) continue;
    for (let k = from; k < from + length; k++) p[k]!.span = made;
    made++;
  }
  const render = (ps: Piece[][]) => ps.map((p) => p.map((w) => w.text).join("").trimEnd()).join("\n");
  const locate = (ps: Piece[][]) => {
    const at = new Map<number, { start: number; end: number; changed: boolean }>();
    let offset = 0;
    ps.forEach((p, i) => {
      const last = p.length - 1;
      p.forEach((w, k) => {
        const text = k === last ? w.text.trimEnd() : w.text;
        if (w.span !== null) {
          const core = w.text.trimEnd();
          const r = at.get(w.span);
          at.set(w.span, { start: r ? r.start : offset, end: offset + cpLen(core), changed: (r?.changed ?? false) || w.changed });
        }
        offset += cpLen(text);
      });
      if (i < ps.length - 1) offset += 1;
    });
    return at;
  };
  const oldText = render(paragraphs);
  const before = locate(paragraphs);
  const spans = [...before.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => ({ start: r.start, end: r.end }));

  const edits: (() => void)[] = [
    () => paragraphs.splice(Math.floor(rnd() * (paragraphs.length + 1)), 0, words("A sentence the editors added later, with 12 new words 🙂 in it.").map((text) => ({ text, span: null, changed: false }))),
    () => {
      const p = pick(paragraphs);
      const k = Math.floor(rnd() * (p.length + 1));
      const inserted = words("Update: officials said more details would follow. ").map((text) => ({ text, span: null as number | null, changed: false }));
      // Words put inside a span change its quote.
      const inside = k > 0 && k < p.length && p[k - 1]!.span !== null && p[k - 1]!.span === p[k]!.span;
      if (inside) for (const w of inserted) Object.assign(w, { span: p[k]!.span, changed: true });
      p.splice(k, 0, ...inserted);
    },
    () => { if (paragraphs.length > 2) paragraphs.splice(Math.floor(rnd() * paragraphs.length), 1); },
    () => { const i = Math.floor(rnd() * paragraphs.length); const j = Math.floor(rnd() * paragraphs.length); [paragraphs[i], paragraphs[j]] = [paragraphs[j]!, paragraphs[i]!]; },
    () => { const w = pick(pick(paragraphs)); if (NUMBERS.test(w.text)) { w.text = w.text.replace(NUMBERS, (n) => String(Number(n.replace(/\D/g, "")) + 7)); w.changed = true; } },
    () => { const w = pick(pick(paragraphs)); if (/^[\p{Lu}]\p{Ll}{3,}/u.test(w.text)) { w.text = w.text.replace(/^(\p{Lu})(\p{Ll})/u, "$1e$2"); w.changed = true; } },
    () => {
      // A negation: "not" after a verb. Inside a quote it changes the quote; after its last word, only its context.
      const p = pick(paragraphs);
      const k = p.findIndex((w) => /^(is|was|will|has|did)\s/.test(w.text));
      if (k < 0) return;
      const inside = p[k]!.span !== null && p[k + 1]?.span === p[k]!.span;
      p.splice(k + 1, 0, { text: "not ", span: inside ? p[k]!.span : null, changed: inside });
    },
    () => {
      const p = pick(paragraphs);
      const k = Math.floor(rnd() * p.length);
      const span = p[k]?.span ?? null;
      if (span !== null && p.filter((w) => w.span === span).length > 4) {
        p.splice(k, 1);
        markChanged(p, k, span);
      }
    },
    () => { const w = pick(pick(paragraphs)); const swapped = SWAPS.reduce((t, [re, to]) => t.replace(re, to), w.text); if (swapped !== w.text) { w.text = swapped; w.changed = true; } },
    () => { const p = pick(paragraphs); p.unshift({ text: "🇰🇿 e\u0301 ", span: null, changed: false }); },
  ];
  function markChanged(p: Piece[], k: number, span: number) {
    // A word taken out of a span: its neighbours in that span carry the change (a
    // neighbouring span whose own words are untouched keeps its quote).
    for (const w of [p[k - 1], p[k]]) if (w && w.span === span) w.changed = true;
  }
  for (let e = 0; e < editCount; e++) pick(edits)();
  const newText = render(paragraphs);
  const after = locate(paragraphs);
  const truth: Truth[] = [...before.keys()].sort((a, b) => a - b).map((id) => {
    const r = after.get(id);
    if (!r) return { kind: "vanished" };
    return { kind: r.changed ? "changed" : "survived", start: r.start, end: r.end };
  });
  return { oldText, newText, spans, truth };
}
