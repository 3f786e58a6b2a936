// `npm run bench:ingest [-- --claims 100000]`: how long `verbatim ingest` takes to load a
// newsroom's claims. Writes a deterministic JSON Lines file (synthetic articles of ~3,000
// characters, five claims each, quoted verbatim, speakers out of 1,000 names, a third of
// the claims with a verdict), then runs the real command on a new migrated database:
// once (everything new), and once more (everything already there: nothing changes).
// Appends the timings to bench/RESULTS.md.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { FIRST_NAMES, LAST_NAMES, PUBLISHERS, paragraphs } from "./corpus";
import { mulberry32 } from "./prng";
import { appendResults, loadAverage, machineInfo } from "./report";

const { values } = parseArgs({ options: { claims: { type: "string", default: "100000" }, "no-record": { type: "boolean", default: false } } });
const total = Number(values.claims);
const PER_SOURCE = 5;
const rng = mulberry32(15);
const dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-ingest-"));
const file = path.join(dir, "claims.jsonl");
const people = Array.from({ length: 1000 }, (_, i) => `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]} ${i}`);

const lines: string[] = [];
let claims = 0;
for (let s = 0; claims < total; s++) {
  const text = paragraphs(rng, 3_000, `Report ${s}`);
  const sentences = text.split(/(?<=[.?])\s+/).filter((x) => x.length > 30 && text.indexOf(x) === text.lastIndexOf(x));
  const picked = [];
  for (let k = 0; k < PER_SOURCE && claims < total && sentences.length; k++, claims++) {
    const quote = sentences.splice(rng.int(sentences.length), 1)[0]!;
    const status = rng.chance(0.33) ? "supported" : undefined;
    picked.push({
      text: `Claimed: ${quote}`,
      spans: [{ exact: quote }],
      attribution: rng.chance(0.2) ? { kind: "publication" } : { kind: "indirect", personName: rng.pick(people), newPerson: true },
      ...(status ? { status, rationale: "Checked against the record." } : {}),
    });
  }
  lines.push(JSON.stringify({ source: { text, title: `Report ${s}`, publisher: rng.pick(PUBLISHERS), publishedAt: "2025-06-01" }, claims: picked }));
}
writeFileSync(file, lines.join("\n") + "\n");

const db = path.join(dir, "ingest.db");
const env = { ...process.env, DATABASE_URL: `file:${db}` };
const cli = path.resolve(import.meta.dirname, "..", "bin", "verbatim.mjs");
execFileSync("node", [cli, "migrate"], { env, stdio: "ignore" });
const run = () => {
  const started = performance.now();
  const out = execFileSync("node", [cli, "ingest", file], { env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  return { seconds: (performance.now() - started) / 1000, report: JSON.parse(out) as Record<string, number> };
};
const first = run();
const second = run();
const stored = new Database(db, { readonly: true }).prepare(`SELECT (SELECT count(*) FROM "Claim") AS c, (SELECT count(*) FROM "ClaimMatch_docsize") AS m, (SELECT count(*) FROM "ClaimSearch_docsize") AS s`).get() as { c: number; m: number; s: number };
rmSync(dir, { recursive: true, force: true });

const section = [
  `## Ingest (issue 15), ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
  "",
  `Machine: ${machineInfo()}; load before: ${loadAverage()}. Command: \`npm run bench:ingest -- --claims ${total}\`: \`verbatim ingest FILE\` (a new process each run, wall clock including start-up) on a new migrated database; ${lines.length.toLocaleString("en-US")} lines, ${claims.toLocaleString("en-US")} claims.`,
  "",
  "| run | wall clock | claims created | claims already there | sources created | people created | reviews |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ...[["first", first], ["again (same file)", second]].map(([name, r]) => {
    const { seconds, report } = r as typeof first;
    return `| ${name as string} | ${seconds.toFixed(1)} s | ${report.claimsCreated} | ${report.claimsExisting} | ${report.sourcesCreated} | ${report.peopleCreated} | ${report.reviews} |`;
  }),
  "",
  `After both runs: ${stored.c} claims, ${stored.s} search rows, ${stored.m} similar-claim index rows.`,
].join("\n");
console.log(section);
if (!values["no-record"]) appendResults(path.join(import.meta.dirname, "RESULTS.md"), section);
