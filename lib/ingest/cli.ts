// `verbatim ingest FILE [--skip-invalid]` (FILE or - for stdin): JSON Lines of sources and
// their claims (lib/ingest/schemas.ts). Progress and rejected lines go to stderr, the
// summary (JSON) to stdout. Exit 0: everything imported; 1: with --skip-invalid, some
// lines rejected and the rest imported; 2: nothing imported (an invalid line, bad usage).
import { open } from "node:fs/promises";
import { getDb } from "../db";
import { readLines } from "../streams/read-lines";
import { ingest } from "./ingest";

const USAGE = "usage: verbatim ingest FILE [--skip-invalid]   (FILE - reads stdin)";
export const CLI_ACTOR = { id: null, name: "verbatim ingest" };

export async function ingestCommand(args: string[]): Promise<number> {
  const skipInvalid = args.includes("--skip-invalid");
  const rest = args.filter((a) => a !== "--skip-invalid");
  if (rest.length !== 1 || (rest[0]!.startsWith("-") && rest[0] !== "-")) {
    console.error(USAGE);
    return 2;
  }
  const file = rest[0]!;
  const input = file === "-" ? process.stdin : (await open(file, "r")).createReadStream();
  const started = Date.now();
  try {
    const report = await ingest(getDb(), readLines(input), {
      actor: CLI_ACTOR,
      skipInvalid,
      onProgress: (p) => console.error(`ingest: ${p.phase} — line ${p.lines.toLocaleString("en-US")}, ${p.claims.toLocaleString("en-US")} claims (${((Date.now() - started) / 1000).toFixed(1)} s)`),
    });
    for (const r of report.rejected) console.error(`line ${r.line}: ${r.message}`);
    console.log(JSON.stringify({ ...report, rejected: report.rejected.length, seconds: Number(((Date.now() - started) / 1000).toFixed(1)) }));
    return report.rejected.length ? 1 : 0;
  } catch (err) {
    const rejected = (err as { details?: { rejected?: { line: number; message: string }[] } }).details?.rejected;
    for (const r of rejected ?? []) console.error(`line ${r.line}: ${r.message}`);
    throw err;
  } finally {
    if (input !== process.stdin) input.destroy();
  }
}
