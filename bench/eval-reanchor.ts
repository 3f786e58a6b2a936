// `npm run eval:reanchor [-- --cases N]`: re-anchoring measured on synthetic news-style
// revisions with known answers (lib/spans/reanchor/eval), ours beside a Hypothesis-style
// matcher on the same cases, and the time for 200 spans on a 20,000-character article.
// Appends the table to bench/RESULTS.md.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { makeCase } from "../lib/spans/reanchor/eval/edits";
import { emptyTally, tallyCase, type Tally } from "../lib/spans/reanchor/eval/score";
import { reanchorSpans } from "../lib/spans/reanchor/reanchor";
import { hypothesisStyle } from "./hypothesis-style";
import { appendResults, machineInfo } from "./report";
import { summarize } from "./stats";

const ROOT = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { cases: { type: "string", default: "300" } } });
const perArticle = Number(values.cases);
const seeds = ["000_50568acf8493da64.txt", "002_adbfb3f66e90cfa2.txt"].map((f) => readFileSync(path.join(ROOT, "seeds", f), "utf8"));
const articles = [...seeds, seeds.join("\n")];

const ours = emptyTally();
const theirs = emptyTally();
for (const [a, article] of articles.entries()) {
  for (let i = 1; i <= perArticle; i++) {
    const c = makeCase(article, a * 100_003 + i, 20, 1 + (i % 8));
    tallyCase(reanchorSpans(c.oldText, c.newText, c.spans), c.truth, ours);
    tallyCase(hypothesisStyle(c.oldText, c.newText, c.spans), c.truth, theirs);
  }
}

// Speed: 200 spans on a 20,000-character article with a few edits.
let long = seeds.join("\n");
while (long.length < 20_000) long += `\n${seeds.join("\n")}`;
long = long.slice(0, long.lastIndexOf("\n", 20_000));
const times: number[] = [];
for (let i = 1; i <= 60; i++) {
  const c = makeCase(long, 9_000 + i, 200, 6);
  const t0 = performance.now();
  reanchorSpans(c.oldText, c.newText, c.spans);
  times.push(performance.now() - t0);
}
const speed = summarize(times.slice(10));

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(2)} %` : "–");
const row = (name: string, t: Tally) =>
  `| ${name} | ${t.wrongExactMoved} | ${pct(t.wrong, t.placed)} (${t.wrong} of ${t.placed}) | ${pct(t.found, t.survived)} (${t.found} of ${t.survived}) | ${pct(t.flagged, t.altered)} (${t.flagged} of ${t.altered}) |`;
const section = [
  `## Re-anchoring on synthetic revisions (issue 14), ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
  "",
  `Machine: ${machineInfo()}. Command: \`npm run eval:reanchor -- --cases ${perArticle}\`: ${articles.length} articles (the two seeds and both together) × ${perArticle} seeded revisions, 20 spans each, 1–8 edits (sentences added, deleted, reordered; numbers, names and negations changed; words taken out of quotes; typographic quotes and dashes swapped; emoji and combining marks added).`,
  "",
  "| matcher | wrong exact/moved (target 0) | wrong among placed (target < 0.5 %) | surviving quotes found (target ≥ 97 %) | changed or vanished quotes flagged (target 100 %) |",
  "| --- | --- | --- | --- | --- |",
  row("Verbatim (diff → exact → fuzzy, ties refused)", ours),
  row("Hypothesis-style (fuzzy with context, best match taken)", theirs),
  "",
  `Speed: 200 spans on a ${long.length.toLocaleString("en-US")}-character article: p50 ${speed.p50.toFixed(1)} ms, **p95 ${speed.p95.toFixed(1)} ms** (target < 100 ms), ${speed.n} runs.`,
].join("\n");
console.log(section);
appendResults(path.join(ROOT, "bench/RESULTS.md"), section);
