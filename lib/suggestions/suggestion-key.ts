// A suggestion's key: its content offsets in code points, "start-end[,start-end…]". The
// source text never changes, so the key names the same words for as long as the source
// exists, whatever the extractor later says about who said them. Pure.
import type { TextSpan } from "../extract/suggestion";

export const SUGGESTION_KEY = /^\d+-\d+(?:,\d+-\d+){0,49}$/;

export const suggestionKey = (content: Pick<TextSpan, "start" | "end">[]): string =>
  content.map((c) => `${c.start}-${c.end}`).join(",");
