// The peer of the bulk export benchmark, run in its own process so that its peak memory
// is its own: citation-js formatting the same CSL-JSON items (built by the app's
// toCslItem from the same claims), the way a user of that library would — all in memory.
//   node --import tsx bench/export-peer.ts <db file>   → one JSON line on stdout
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-csl";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { iterateClaims } from "../lib/claims/iterate-claims";
import { readDbFor } from "../lib/db-read";
import { toCslItem } from "../lib/export/csl";
import { PrismaClient } from "../lib/generated/prisma/client";

const file = process.argv[2];
if (!file) throw new Error("usage: export-peer.ts <db file>");
const db = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${file}` }) });
const ctx = { baseUrl: "http://127.0.0.1" };

const t0 = performance.now();
const items: ReturnType<typeof toCslItem>[] = [];
for await (const claim of iterateClaims(readDbFor(`file:${file}`), {})) items.push(toCslItem(claim, ctx));
const t1 = performance.now();
const output = new Cite(items).format("data") as string;
const t2 = performance.now();
await db.$disconnect();
process.stdout.write(
  `${JSON.stringify({
    items: items.length,
    bytes: Buffer.byteLength(output),
    loadSeconds: (t1 - t0) / 1000,
    formatSeconds: (t2 - t1) / 1000,
    totalSeconds: (t2 - t0) / 1000,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
