// The `verbatim export` and `verbatim import` commands (registered in cli/main.ts).
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { open, rename, rm } from "node:fs/promises";
import type { Writable } from "node:stream";
import { readLines } from "../streams/read-lines";
import { getDb } from "../db";
import { exportDump, type DumpCounts, type LineWriter } from "./export-dump";
import { importDump } from "./import-dump";
import { migrate } from "../migrate/migrate";
import { pendingMigrations } from "./migrations";

/** Writes lines to a stream, waiting whenever its buffer is full (so memory stays flat). */
function lineWriter(stream: Writable): LineWriter {
  return async (line) => {
    if (!stream.write(`${line}\n`)) await once(stream, "drain");
  };
}

function describeCounts(c: DumpCounts): string {
  return (
    `${c.sources} sources, ${c.people} people (${c.aliases} aliases, ${c.merges} merges), ${c.claims} claims ` +
    `(${c.spans} spans, ${c.attributions} attributions), ${c.reviews} reviews, ${c.edits} claim edits, ` +
    `${c.links} links, ${c.rejections} rejected suggestions, ${c.users} users`
  );
}

/** `export [--out FILE|-]`: the whole database as JSONL, to FILE or (without --out, or with -) stdout. */
export async function exportCommand(args: string[]): Promise<number> {
  let out = "-";
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--out" && args[i + 1] !== undefined) out = args[++i]!;
    else if (a.startsWith("--out=")) out = a.slice("--out=".length);
    else {
      console.error(`verbatim export: unexpected argument "${a}" (usage: verbatim export --out FILE, or --out - for stdout)`);
      return 2;
    }
  }
  if (out === "") {
    console.error("verbatim export: --out needs a file name (or - for stdout)");
    return 2;
  }

  if (out === "-") {
    const counts = await exportDump(getDb(), lineWriter(process.stdout));
    console.error(`exported ${describeCounts(counts)}`);
    return 0;
  }

  // Written beside the target and renamed at the end: an interrupted export never
  // leaves a truncated file under the requested name.
  const partial = `${out}.partial-${process.pid}`;
  const stream = createWriteStream(partial, { encoding: "utf8" });
  try {
    await once(stream, "open");
    const counts = await exportDump(getDb(), lineWriter(stream));
    stream.end();
    await once(stream, "finish");
    await rename(partial, out);
    console.log(`exported ${describeCounts(counts)} to ${out}`);
    return 0;
  } catch (err) {
    stream.destroy();
    await rm(partial, { force: true });
    throw err;
  }
}

/** `import FILE|-`: loads a backup into the (empty) database; nothing is written unless every record is valid. */
export async function importCommand(args: string[]): Promise<number> {
  if (args.length !== 1 || args[0] === "" || (args[0]!.startsWith("-") && args[0] !== "-")) {
    console.error("verbatim import: usage: verbatim import FILE (or - for stdin)");
    return 2;
  }
  const file = args[0]!;
  // Opened first so that a missing file fails here, clearly; the stream closes it.
  const input = file === "-" ? process.stdin : (await open(file, "r")).createReadStream();
  try {
    // A never-migrated (or older) database file is brought to this build's schema first;
    // migrating an empty database writes no data, so a refused import still leaves it empty.
    // Checked with a read first: migrate() takes a write lock even when nothing is pending.
    const db = getDb();
    if ((await pendingMigrations(db)).length > 0) {
      const applied = await migrate();
      console.error(`applied ${applied.length} migration(s) before importing`);
    }
    const summary = await importDump(db, readLines(input));
    console.log(`imported ${describeCounts(summary)} (backup made at migration ${summary.migration})`);
    if (summary.users > 0) {
      console.log("Imported users have no password or API token: set one with `verbatim user password --email E`.");
    }
    return 0;
  } finally {
    if (input !== process.stdin) input.destroy();
  }
}
