// Writes the bulk export of every format × a few filters through the route's own handler
// into a directory, to compare byte for byte before and after a change to the export path:
//   npx tsx bench/export-snapshot.ts --db /tmp/seeded.db --dir /tmp/export-before
//   npx tsx bench/export-snapshot.ts --db /tmp/seeded.db --dir /tmp/export-after && diff -r /tmp/export-before /tmp/export-after
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({ options: { db: { type: "string" }, dir: { type: "string" } } });
if (!args.db || !args.dir) throw new Error("usage: export-snapshot.ts --db <sqlite file> --dir <output dir>");
process.env.DATABASE_URL = `file:${path.resolve(args.db)}`;

const { GET } = await import("../app/api/export/route");
const { getDb } = await import("../lib/db");
const { BULK_FORMAT_IDS } = await import("../lib/export/schemas");

const db = getDb();
const people = (await db.person.findMany({ select: { slug: true }, orderBy: { slug: "asc" }, take: 3 })).map((p) => `&person=${p.slug}`);
const sources = (await db.source.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: 2 })).map((s) => `&source=${s.id}`);
const queries = ["", "&status=supported", "&status=unreviewed", ...people, ...sources];
mkdirSync(args.dir, { recursive: true });
for (const format of BULK_FORMAT_IDS) {
  for (const query of queries) {
    const res = await GET(new Request(`http://verbatim.test/api/export?format=${format}${query}`), undefined);
    const name = `${format}${query.replace(/[&=]/g, "_") || "_all"}`;
    writeFileSync(path.join(args.dir, name), `${res.status} ${res.headers.get("content-type")}\n${await res.text()}`);
  }
}
await db.$disconnect();
console.log(`${BULK_FORMAT_IDS.length * queries.length} exports written to ${args.dir}`);
