// `npm run eval:match -- --data DIR`: similar-claim retrieval measured on public claim-
// retrieval data in the CLEF 2020 CheckThat! task 2 layout (DIR/verified_claims.docs.tsv,
// DIR/{train,dev}/tweets.queries.tsv and tweet-vclaim-pairs.qrels; the repository
// sshaar/clef2020-factchecking-task2, data/v3.zip). Train and dev only: the test queries
// are the project's acceptance check and are never read here. Reports MAP@5, recall@1 and
// recall@5 of the matching core (lib/match) beside plain BM25 over the same claims, and
// appends them to bench/RESULTS.md. Not committed: the data (fetch it yourself).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { Bm25Index } from "../lib/match/bm25-index";
import { matchTokens } from "../lib/match/tokens";
import { appendResults, machineInfo } from "./report";

const { values } = parseArgs({ options: { data: { type: "string" }, split: { type: "string", default: "dev,train" }, "no-record": { type: "boolean", default: false } } });
if (!values.data || !existsSync(path.join(values.data, "verified_claims.docs.tsv"))) {
  console.error("usage: npm run eval:match -- --data DIR   (DIR holds verified_claims.docs.tsv and train/, dev/ of CLEF 2020 CheckThat! task 2, v3)");
  process.exit(2);
}
const dir = values.data;
const splits = values.split.split(",").filter((s) => s === "train" || s === "dev");
if (splits.length === 0) {
  console.error("--split takes train and/or dev (the test split is never read)");
  process.exit(2);
}

const rows = (file: string) => readFileSync(file, "utf8").split("\n").slice(1).filter(Boolean).map((l) => l.split("\t"));
const claims = rows(path.join(dir, "verified_claims.docs.tsv")).map(([id, claim, title]) => ({ id: id!, text: `${claim ?? ""} ${title ?? ""}` }));
const plainTokens = (s: string) => s.toLowerCase().match(/\w+/gu) ?? [];

const ours = new Bm25Index();
const plain = new Bm25Index();
for (const c of claims) {
  ours.add(c.id, matchTokens(c.text));
  plain.add(c.id, plainTokens(c.text));
}

type Score = { map5: number; r1: number; r5: number; n: number };
function evaluate(split: string, rank: (q: string) => string[]): Score {
  const queries = rows(path.join(dir, split, "tweets.queries.tsv")).map(([id, text]) => ({ id: id!, text: text ?? "" }));
  // The qrels file has no header line: query id, 0, verified claim id, 1.
  const gold = new Map<string, Set<string>>();
  for (const line of readFileSync(path.join(dir, split, "tweet-vclaim-pairs.qrels"), "utf8").split("\n").filter(Boolean)) {
    const [q, , v] = line.split("\t");
    if (!gold.has(q!)) gold.set(q!, new Set());
    gold.get(q!)!.add(v!);
  }
  let map5 = 0;
  let r1 = 0;
  let r5 = 0;
  for (const q of queries) {
    const relevant = gold.get(q.id) ?? new Set<string>();
    const top = rank(q.text).slice(0, 5);
    let hits = 0;
    let ap = 0;
    top.forEach((id, i) => {
      if (relevant.has(id)) ap += ++hits / (i + 1);
    });
    map5 += relevant.size ? ap / Math.min(relevant.size, 5) : 0;
    if (relevant.has(top[0] ?? "")) r1++;
    if (top.some((id) => relevant.has(id))) r5++;
  }
  const n = queries.length;
  return { map5: map5 / n, r1: r1 / n, r5: r5 / n, n };
}

const f = (x: number) => x.toFixed(3);
const lines: string[] = [];
for (const split of splits) {
  const a = evaluate(split, (q) => ours.search(matchTokens(q), 5).map((h) => h.id));
  const b = evaluate(split, (q) => plain.search(plainTokens(q), 5).map((h) => h.id));
  lines.push(`| ${split} (${a.n} queries) | matching core (lib/match: links out, tags split, stems, quantities, BM25) | **${f(a.map5)}** | ${f(a.r1)} | ${f(a.r5)} |`);
  lines.push(`| ${split} (${b.n} queries) | plain BM25 over claim + title (lower-cased words) | ${f(b.map5)} | ${f(b.r1)} | ${f(b.r5)} |`);
}
const section = [
  `## Similar-claim matching on CLEF 2020 CheckThat! task 2 (issue 15), ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
  "",
  `Machine: ${machineInfo()}. Command: \`npm run eval:match -- --data DIR\` with DIR the v3 data of sshaar/clef2020-factchecking-task2 (${claims.length.toLocaleString("en-US")} verified claims; train and dev queries only). In-process: the claims indexed in memory, each tweet ranked by the core (not yet through /api/similar).`,
  "",
  "| split | ranking | MAP@5 | recall@1 | recall@5 |",
  "| --- | --- | ---: | ---: | ---: |",
  ...lines,
].join("\n");
console.log(section);
if (!values["no-record"]) appendResults(path.join(import.meta.dirname, "RESULTS.md"), section);
