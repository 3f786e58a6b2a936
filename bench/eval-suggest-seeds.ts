// The seed articles' direct quotations, suggested with the right person (see lib/extract/eval/seed-gold.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { checkSeedQuotations, type SeedManifest } from "../lib/extract/eval/seed-gold";

export function seedReport(seedDir = path.resolve(import.meta.dirname, "../seeds")): boolean {
  const manifest = JSON.parse(readFileSync(path.join(seedDir, "manifest.json"), "utf8")) as SeedManifest;
  const { found, missed } = checkSeedQuotations(manifest, (file) => readFileSync(path.join(seedDir, file), "utf8"));
  const total = found.length + missed.length;
  console.log(`\nseed articles: ${found.length} of ${total} direct quotations suggested with the right person${missed.length ? `; missed: ${missed.join(", ")}` : ""}`);
  return missed.length === 0;
}
