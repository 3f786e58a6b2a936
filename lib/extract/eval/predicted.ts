// Suggestions as scoring items: direct quotations one by one; for "all attributions",
// the suggestions that share a cue are one attribution (a quotation and the reported
// clause around it, as PolNeAR annotates them), their content joined.
import type { Suggestion } from "../suggestion";
import type { Range } from "./brat";
import type { Item } from "./score";

const r = (s: { start: number; end: number }): Range => ({ start: s.start, end: s.end });


export function predictedItems(suggestions: Suggestion[]): { direct: Item[]; all: Item[] } {
  const direct = suggestions.filter((s) => s.kind === "direct").map((s) => ({ content: s.content.map(r), speaker: s.speaker ? [r(s.speaker)] : [] }));
  const byCue = new Map<string, Item>();
  suggestions.filter((s) => s.kind !== "publication").forEach((s, i) => {
    const key = s.cue ? `${s.cue.start}:${s.cue.end}` : `#${i}`;
    const item = byCue.get(key) ?? { content: [], speaker: [] };
    item.content.push(...s.content.map(r));
    if (s.speaker && item.speaker.length === 0) item.speaker.push(r(s.speaker));
    byCue.set(key, item);
  });
  return { direct, all: [...byCue.values()] };
}

