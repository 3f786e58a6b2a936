// The sentence encoder's tokenizer: SentencePiece (unigram) pieces by the best-scoring
// split, as @energetic-ai/embeddings 0.2.0 (after TensorFlow.js's universal-sentence-
// encoder) computes them — the same lattice, the same tie-breaking, the same unknown
// piece (id 0, runs merged) — so that a text gets the ids, and so the vector, it got
// before the encoder moved to ONNX Runtime. pieces.test.ts checks the ids against that
// package's tokenizer on the seeds and on random text. Pure: no I/O.

/** [piece, log-probability] by id, as in the model package's vocab.json. */
export type Vocabulary = readonly (readonly [string, number])[];

type Node = { children: Map<string, Node>; id: number; score: number; end: boolean };
type Arc = { start: number; id: number; score: number };

const SEPARATOR = "\u2581";
/** <unk>, <s>, </s> and three extra ids: never matched in text. */
const RESERVED = 6;
const newNode = (): Node => ({ children: new Map(), id: 0, score: 0, end: false });

export class PieceTokenizer {
  private readonly root = newNode();

  constructor(private readonly vocabulary: Vocabulary) {
    for (let id = RESERVED; id < vocabulary.length; id++) {
      const [piece, score] = vocabulary[id]!;
      let node = this.root;
      for (const symbol of piece) {
        let next = node.children.get(symbol);
        if (!next) node.children.set(symbol, (next = newNode()));
        node = next;
      }
      Object.assign(node, { end: true, id, score });
    }
  }

  /** Piece ids of a text (NFKC-normalised, spaces marked as pieces expect). */
  encode(text: string): number[] {
    const normalized = text.normalize("NFKC");
    const symbols = normalized.length > 0 ? [...(SEPARATOR + normalized.replaceAll(" ", SEPARATOR))] : [];
    const n = symbols.length;
    // arcs[end]: every piece that ends there, by ascending start (the order of the
    // reference, whose tie rule below keeps the last of equal scores).
    const arcs: Arc[][] = Array.from({ length: n + 1 }, () => []);
    for (let start = 0; start < n; start++) {
      let node = this.root.children.get(symbols[start]!);
      let found = false;
      for (let k = start; k < n && node; k++) {
        if (node.end) {
          arcs[k + 1]!.push({ start, id: node.id, score: node.score });
          found = true;
        }
        node = node.children.get(symbols[k + 1]!);
      }
      if (!found) arcs[start + 1]!.push({ start, id: 0, score: 0 });
    }
    const best = new Array<number>(n + 1).fill(0);
    const words = new Array<number>(n + 1).fill(0);
    for (let end = 1; end <= n; end++) {
      for (const arc of arcs[end]!) {
        const score = arc.score + best[arc.start]!;
        // "0" doubles as "not reached yet" in the reference, whose unknown piece scores 0.
        if (best[end] === 0 || score >= best[end]!) {
          best[end] = score;
          words[end] = arc.id;
        }
      }
    }
    const reversed: number[] = [];
    for (let at = n; at > 0; at -= this.vocabulary[words[at]!]![0].length) reversed.push(words[at]!);
    const ids: number[] = [];
    for (let i = 0; i < reversed.length; i++) if (!(reversed[i] === 0 && reversed[i - 1] === 0)) ids.push(reversed[i]!);
    return ids.reverse();
  }
}
