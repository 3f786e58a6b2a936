// The seed articles as a gold set: every direct-quotation claim of the seed manifest must
// be suggested — each of its spans overlapped (Jaccard ≥ 0.5) by a direct suggestion —
// with the right person. Pure: the caller reads the manifest and the texts.
import { CodePointIndex } from "../../spans/codepoints";
import { suggestClaims } from "../suggest";
import { charSet, jaccard } from "./score";

export type SeedManifest = {
  sources: { id: string; file: string }[];
  people: { id: string; name: string; aliases: string[] }[];
  claims: { id: string; source: string; attribution: { kind: string; person: string | null }; spans: { exact: string }[] }[];
};

function locate(text: string, exact: string): { start: number; end: number } {
  const unit = text.indexOf(exact);
  if (unit < 0) throw new Error(`quote not in its seed text: ${exact.slice(0, 60)}`);
  const index = new CodePointIndex(text);
  return { start: index.toCodePoint(unit), end: index.toCodePoint(unit + exact.length) };
}

/** Ids of the seed's direct claims that were suggested with the right person, and those that were not. */
export function checkSeedQuotations(manifest: SeedManifest, textOf: (file: string) => string): { found: string[]; missed: string[] } {
  const found: string[] = [];
  const missed: string[] = [];
  for (const source of manifest.sources) {
    const text = textOf(source.file);
    const cps = Array.from(text);
    const suggestions = suggestClaims(text, { people: manifest.people }).filter((s) => s.kind === "direct");
    for (const claim of manifest.claims.filter((c) => c.source === source.id && c.attribution.kind === "direct")) {
      const ok = claim.spans.every((span) => {
        const gold = charSet(cps, [locate(text, span.exact)]);
        return suggestions.some((s) => s.person?.id === claim.attribution.person && s.content.some((c) => jaccard(gold, charSet(cps, [c])) >= 0.5));
      });
      (ok ? found : missed).push(claim.id);
    }
  }
  return { found, missed };
}
