// `npm run bench:suggest [-- --polnear DIR]`: how fast claims are suggested.
//   1. the extractor on 10,000-character articles (the seed articles' paragraphs, and with
//      --polnear the train split's articles, cut to 10,000 characters), with 10,000 people
//      to match speakers against: p50/p95/max over every article, several rounds;
//   2. `verbatim suggest` on 100 files of 10,000 characters in one run (wall clock);
//   3. suggestForSource (what the source page calls) on the seed article, in a seeded
//      database with those 10,000 extra people.
// Appends a table to bench/RESULTS.md.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { suggestClaims } from "../lib/extract/suggest";
import { suggestForSource } from "../lib/suggestions/suggest-for-source";
import { createDb } from "../lib/db";
import { migrate } from "../lib/migrate/migrate";
import { runSeed } from "../lib/seed/run-seed";
import { appendResults, loadAverage, machineInfo } from "./report";
import { summarize } from "./stats";

const ROOT = path.resolve(import.meta.dirname, "..");
const LENGTH = 10_000;
const { values } = parseArgs({ options: { polnear: { type: "string" }, rounds: { type: "string", default: "5" } } });
const rounds = Number(values.rounds);

/** Articles of about 10,000 characters, cut at a paragraph end. */
function articles(): { name: string; texts: string[] } {
  const seedParagraphs = ["000_50568acf8493da64.txt", "002_adbfb3f66e90cfa2.txt"].flatMap((f) => readFileSync(path.join(ROOT, "seeds", f), "utf8").split("\n"));
  const fill = (paragraphs: string[], offset: number) => {
    let text = "";
    for (let i = 0; text.length < LENGTH; i++) text += `${paragraphs[(offset + i) % paragraphs.length]}\n`;
    return text.slice(0, text.lastIndexOf("\n", LENGTH) + 1 || LENGTH);
  };
  if (!values.polnear) return { name: "seed paragraphs", texts: Array.from({ length: 100 }, (_, i) => fill(seedParagraphs, i * 7)) };
  const dir = path.join(values.polnear, "text");
  const files = readdirSync(dir).sort();
  const texts = files.map((f) => readFileSync(path.join(dir, f), "utf8")).filter((t) => t.length >= 2_000).map((t, i) => (t.length >= LENGTH ? t.slice(0, LENGTH) : fill(t.split("\n"), i)));
  return { name: `PolNeAR ${path.basename(path.resolve(values.polnear))} articles`, texts };
}

const FIRST = ["Aigerim", "Marat", "Dmitry", "Anna", "Yunis", "Andrew", "Elena", "Timur", "Olga", "Vlad", "Sara", "Omar", "Li", "Jon", "Maria"];
const LAST = ["Seitkali", "Nurlanova", "Ivanov", "Petrova", "Karimov", "Smith", "Garcia", "Chen", "Kowalski", "Novak", "Haddad", "Okafor", "Tanaka", "Silva", "Muller"];
const people = Array.from({ length: 10_000 }, (_, i) => ({
  id: `p-${i}`,
  name: `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= 225 ? `-${i}` : ""}`,
  aliases: [] as string[],
}));

const ms = (x: number) => x.toFixed(1);
const rows: string[] = [];

// 1. The extractor.
const set = articles();
const samples: number[] = [];
for (const t of set.texts.slice(0, 20)) suggestClaims(t, { people }); // warm-up
for (let r = 0; r < rounds; r++) {
  for (const t of set.texts) {
    const t0 = performance.now();
    suggestClaims(t, { people });
    samples.push(performance.now() - t0);
  }
}
const s = summarize(samples);
rows.push(`| suggestClaims, one ${LENGTH.toLocaleString("en-US")}-character article (${set.name}; ${set.texts.length} articles × ${rounds} rounds; 10,000 people) | ${ms(s.p50)} | **${ms(s.p95)}** | ${ms(s.max)} | < 100 ms p95 |`);

// 2. The command line, 100 files in one run.
const tmp = mkdtempSync(path.join(os.tmpdir(), "verbatim-suggest-bench-"));
try {
  const files = set.texts.slice(0, 100).map((t, i) => {
    const f = path.join(tmp, `article-${i}.txt`);
    writeFileSync(f, t);
    return f;
  });
  const t0 = performance.now();
  const out = execFileSync(process.execPath, [path.join(ROOT, "bin/verbatim.mjs"), "suggest", ...files], { maxBuffer: 256 * 2 ** 20, env: { ...process.env, DATABASE_URL: "" } });
  const wall = performance.now() - t0;
  const lines = out.toString("utf8").trim().split("\n").length;
  rows.push(`| \`verbatim suggest\` on ${files.length} files of ≤ ${LENGTH.toLocaleString("en-US")} characters, one run (${lines} JSON lines; process start included) | – | – | ${ms(wall)} wall | handles 100 files |`);

  // 3. What the source page calls, on a seeded database with 10,000 more people.
  const url = `file:${path.join(tmp, "bench.db")}`;
  await migrate(url);
  const db = createDb(url);
  await runSeed(db);
  for (let i = 0; i < people.length; i += 500) {
    await db.person.createMany({ data: people.slice(i, i + 500).map((p) => ({ id: p.id, name: p.name, slug: p.id })) });
    await db.personAlias.createMany({ data: people.slice(i, i + 500).map((p) => ({ id: `a-${p.id}`, personId: p.id, alias: p.name, folded: p.name.toLowerCase() })) });
  }
  const actor = { id: "bench", name: "Bench", email: "bench@verbatim.invalid", role: "editor" as const, via: "token" as const };
  const page: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t1 = performance.now();
    await suggestForSource(db, { actor, sourceId: "rferl-toqaev-moscow" });
    page.push(performance.now() - t1);
  }
  await db.$disconnect();
  const p = summarize(page.slice(5));
  rows.push(`| suggestForSource on the RFE/RL seed article (source page), 10,007 people in the database, ${p.n} runs | ${ms(p.p50)} | **${ms(p.p95)}** | ${ms(p.max)} | no visible wait |`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const section = [
  `## Suggested claims (issue 13), ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
  "",
  `Machine: ${machineInfo()}; load average before: ${loadAverage()}. Command: \`npm run bench:suggest${values.polnear ? " -- --polnear <PolNeAR>/data/train" : ""}\`.`,
  "",
  "| measure | p50 ms | p95 ms | max ms | target |",
  "| --- | --- | --- | --- | --- |",
  ...rows,
].join("\n");
console.log(section);
appendResults(path.join(ROOT, "bench/RESULTS.md"), section);
