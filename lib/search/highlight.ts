// Matched words come back from FTS5's highlight()/snippet() wrapped in markers, which are
// turned into plain segments here — never HTML — so a page renders them with <mark>
// elements and React escapes the text itself.
import { randomBytes } from "node:crypto";

export type Segment = { text: string; match: boolean };

// Private-use characters around a random nonce chosen per process: stored text cannot
// forge them, unlike fixed markers such as "<b>" or even a lone private-use character.
const nonce = randomBytes(9).toString("base64url");
export const MARK_OPEN = `\uE000${nonce}\uE001`;
export const MARK_CLOSE = `\uE002${nonce}\uE003`;

/** Segments of marked text, adjacent pieces of the same kind joined, empty ones dropped. */
export function toSegments(marked: string): Segment[] {
  const out: Segment[] = [];
  const push = (text: string, match: boolean) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last && last.match === match) last.text += text;
    else out.push({ text, match });
  };
  for (const [i, piece] of marked.split(MARK_OPEN).entries()) {
    if (i === 0) {
      push(piece, false);
      continue;
    }
    const close = piece.indexOf(MARK_CLOSE);
    if (close < 0) {
      push(piece, true); // snippet() may cut a match short; what is there still matched
      continue;
    }
    push(piece.slice(0, close), true);
    push(piece.slice(close + MARK_CLOSE.length).split(MARK_CLOSE).join(""), false);
  }
  return out;
}

/** Whether any segment is a match. */
export const hasMatch = (segments: Segment[]) => segments.some((s) => s.match);
