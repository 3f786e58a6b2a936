// The seed articles as a gold set: every direct-quotation claim of the seed manifest must
// be suggested (content overlapping, Jaccard ≥ 0.5 per span) with the right person.
import { readFileSync } from "node:fs";
import path from "node:path";
import { charSet, jaccard } from "../lib/extract/eval/score";
import { suggestClaims } from "../lib/extract/suggest";
import { locateQuote } from "./eval-locate";

type Manifest = {
  sources: { id: string; file: string }[];
  people: { id: string; name: string; aliases: string[] }[];
  claims: { id: string; source: string; attribution: { kind: string; person: string | null }; spans: { exact: string }[] }[];
};

export function seedReport(seedDir = path.resolve(import.meta.dirname, "../seeds")): boolean {
  const manifest = JSON.parse(readFileSync(path.join(seedDir, "manifest.json"), "utf8")) as Manifest;
  let found = 0;
  const missed: string[] = [];
  const direct = manifest.claims.filter((c) => c.attribution.kind === "direct");
  for (const source of manifest.sources) {
    const text = readFileSync(path.join(seedDir, source.file), "utf8");
    const cps = Array.from(text);
    const suggestions = suggestClaims(text, { people: manifest.people }).filter((s) => s.kind === "direct");
    for (const claim of direct.filter((c) => c.source === source.id)) {
      const ok = claim.spans.every((span) => {
        const at = locateQuote(text, span.exact);
        const gold = charSet(cps, [at]);
        return suggestions.some((s) => s.person?.id === claim.attribution.person && s.content.some((c) => jaccard(gold, charSet(cps, [c])) >= 0.5));
      });
      if (ok) found++;
      else missed.push(claim.id);
    }
  }
  console.log(`\nseed articles: ${found} of ${direct.length} direct quotations suggested with the right person${missed.length ? `; missed: ${missed.join(", ")}` : ""}`);
  return missed.length === 0;
}
