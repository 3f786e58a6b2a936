// An in-memory BM25 index over token lists (Robertson–Spärck Jones idf, k1 = 1.2,
// b = 0.75), scoring only the documents that share a term with the query. Pure: the
// matching core's ranking, used on claims (matchTokens) and, with plain tokens, as the
// baseline the evaluation reports beside it.

export type Hit = { id: string; score: number; shared: string[] };

export class Bm25Index {
  private readonly ids: string[] = [];
  private readonly lengths: number[] = [];
  private readonly postings = new Map<string, { doc: number; tf: number }[]>();
  private totalLength = 0;

  constructor(private readonly k1 = 1.2, private readonly b = 0.75) {}

  get size(): number {
    return this.ids.length;
  }

  add(id: string, tokens: string[]): void {
    const doc = this.ids.length;
    this.ids.push(id);
    this.lengths.push(tokens.length);
    this.totalLength += tokens.length;
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [term, n] of tf) {
      const list = this.postings.get(term);
      if (list) list.push({ doc, tf: n });
      else this.postings.set(term, [{ doc, tf: n }]);
    }
  }

  /** Inverse document frequency of `term` (0 for a term no document has). */
  idf(term: string): number {
    const df = this.postings.get(term)?.length ?? 0;
    return df === 0 ? 0 : Math.log(1 + (this.ids.length - df + 0.5) / (df + 0.5));
  }

  /** The `limit` best documents for the query tokens, best first (ties: earlier added first). */
  search(query: string[], limit: number): Hit[] {
    const avg = this.totalLength / Math.max(1, this.ids.length);
    const scores = new Map<number, { score: number; shared: string[] }>();
    for (const term of new Set(query)) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf(term);
      for (const { doc, tf } of list) {
        const s = (idf * tf * (this.k1 + 1)) / (tf + this.k1 * (1 - this.b + (this.b * this.lengths[doc]!) / avg));
        const entry = scores.get(doc);
        if (entry) {
          entry.score += s;
          entry.shared.push(term);
        } else scores.set(doc, { score: s, shared: [term] });
      }
    }
    return [...scores.entries()]
      .sort((x, y) => y[1].score - x[1].score || x[0] - y[0])
      .slice(0, limit)
      .map(([doc, { score, shared }]) => ({ id: this.ids[doc]!, score, shared }));
  }
}
