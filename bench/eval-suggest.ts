// `npm run eval:suggest -- DIR...`: scores the claim extractor on PolNeAR splits (each DIR
// holds text/ and attributions/, e.g. PolNeAR/data/dev) and on the seed articles. Use the
// train and dev splits only: PolNeAR's test split is reserved for acceptance checks.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseBrat } from "../lib/extract/eval/brat";
import { goldDirect, quoteMask } from "../lib/extract/eval/gold-direct";
import { score, sum, type Item, type Scores } from "../lib/extract/eval/score";
import { suggestClaims } from "../lib/extract/suggest";
import { predictedItems } from "../lib/extract/eval/predicted";
import { seedReport } from "./eval-suggest-seeds";

function evaluate(dir: string) {
  const texts = readdirSync(path.join(dir, "text")).filter((f) => f.endsWith(".txt")).sort();
  const anns = readdirSync(path.join(dir, "attributions")).sort();
  const rows: Record<string, Scores[]> = { "direct exact": [], "direct overlap": [], "direct overlap + speaker": [], "all overlap": [], "all overlap + speaker": [] };
  let ms = 0;
  for (const t of texts) {
    const stem = t.replace(/\.txt$/, "");
    const ann = anns.find((a) => a.replace(/_[0-9a-f]+\.ann$/, "") === stem);
    if (!ann) continue;
    const text = readFileSync(path.join(dir, "text", t), "utf8");
    const cps = Array.from(text);
    const gold = parseBrat(readFileSync(path.join(dir, "attributions", ann), "utf8"));
    const mask = quoteMask(cps);
    const goldAll: Item[] = gold.map((g) => ({ content: g.content, speaker: g.source }));
    const goldDirectItems: Item[] = gold.flatMap((g) => {
      const content = goldDirect(cps, mask, g);
      return content ? [{ content, speaker: g.source }] : [];
    });
    const t0 = performance.now();
    const predicted = predictedItems(suggestClaims(text));
    ms += performance.now() - t0;
    rows["direct exact"]!.push(score(cps, goldDirectItems, predicted.direct, "exact"));
    rows["direct overlap"]!.push(score(cps, goldDirectItems, predicted.direct, "overlap"));
    rows["direct overlap + speaker"]!.push(score(cps, goldDirectItems, predicted.direct, "speaker"));
    rows["all overlap"]!.push(score(cps, goldAll, predicted.all, "overlap"));
    rows["all overlap + speaker"]!.push(score(cps, goldAll, predicted.all, "speaker"));
  }
  console.log(`\n${dir}: ${rows["direct exact"]!.length} articles, extraction ${ms.toFixed(0)} ms in all`);
  console.log("| measure | precision | recall | F1 | tp / predicted / gold |\n| --- | --- | --- | --- | --- |");
  for (const [name, parts] of Object.entries(rows)) {
    const s = sum(parts);
    console.log(`| ${name} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} | **${s.f1.toFixed(3)}** | ${s.tp} / ${s.predicted} / ${s.gold} |`);
  }
}

const dirs = process.argv.slice(2).filter((a) => !a.startsWith("-"));
if (dirs.some((d) => /(^|[\\/])test([\\/]|$)/.test(path.resolve(d)))) {
  console.error("PolNeAR's test split is reserved for the project's acceptance checks; evaluate on train or dev.");
  process.exit(2);
}
for (const d of dirs) evaluate(d);
process.exitCode = seedReport() ? 0 : 1;
