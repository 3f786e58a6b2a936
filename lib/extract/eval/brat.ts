// Reads a brat standoff attribution file (PolNeAR's format) into attributions with their
// content, source and cue ranges. Offsets in brat files count code points (Python string
// indices), as Verbatim's do. Pure.
export type Range = { start: number; end: number };
export type GoldAttribution = { content: Range[]; source: Range[]; cue: Range[] };

const ranges = (spec: string): Range[] =>
  spec.split(";").map((part) => {
    const [a, b] = part.trim().split(/\s+/).map(Number);
    return { start: a!, end: b! };
  });

export function parseBrat(ann: string): GoldAttribution[] {
  const spans = new Map<string, { type: string; ranges: Range[] }>();
  const events: string[][] = [];
  for (const line of ann.split(/\r?\n/)) {
    const cols = line.split("\t");
    if (/^T\d+$/.test(cols[0] ?? "") && cols[1]) {
      const space = cols[1].indexOf(" ");
      spans.set(cols[0]!, { type: cols[1].slice(0, space), ranges: ranges(cols[1].slice(space + 1)) });
    } else if (/^E\d+$/.test(cols[0] ?? "") && cols[1]) events.push(cols[1].trim().split(/\s+/));
  }
  return events.map((args) => {
    const out: GoldAttribution = { content: [], source: [], cue: [] };
    for (const arg of args.slice(1)) {
      const [role, id] = arg.split(":");
      const t = spans.get(id ?? "");
      if (!t) continue;
      const key = role!.replace(/\d+$/, "").toLowerCase();
      if (key === "content" || key === "source" || key === "cue") out[key].push(...t.ranges);
    }
    return out;
  }).filter((a) => a.content.length > 0);
}
