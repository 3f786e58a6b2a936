// `verbatim suggest FILE...`: suggested claims of UTF-8 text files, one JSON line per file:
// {"file": "<as given>", "suggestions": [...]}. `-` reads standard input. With DATABASE_URL
// set, speakers are matched against that database's people (person.id); without it, ids
// are null and no database is opened. A file that cannot be read is reported on stderr.
import { existsSync, readFileSync } from "node:fs";
import { getDb } from "../db";
import { sqliteFilePath } from "../db-url";
import { suggestClaims } from "../extract/suggest";
import type { KnownPerson } from "../extract/suggestion";

const USAGE = "usage: verbatim suggest FILE... (- for standard input)";
const utf8 = new TextDecoder("utf-8", { fatal: true });

async function readInput(file: string): Promise<string> {
  if (file !== "-") return utf8.decode(readFileSync(file));
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return utf8.decode(Buffer.concat(chunks));
}

async function knownPeople(): Promise<KnownPerson[]> {
  const url = process.env.DATABASE_URL;
  if (!url) return [];
  if (url.startsWith("file:") && !existsSync(sqliteFilePath(url))) throw new Error(`DATABASE_URL names no existing database (${url}); unset it to suggest without people.`);
  const people = await getDb().person.findMany({ select: { id: true, name: true, aliases: { select: { alias: true } } } });
  return people.map((p) => ({ id: p.id, name: p.name, aliases: p.aliases.map((a) => a.alias) }));
}

export async function suggestCommand(args: string[]): Promise<number> {
  if (args.length === 0 || args.includes("--help") || args.includes("-h")) {
    console.error(USAGE);
    return args.length === 0 ? 2 : 0;
  }
  const people = await knownPeople();
  let failed = 0;
  for (const file of args) {
    let text: string;
    try {
      text = await readInput(file);
    } catch (err) {
      const reason = err instanceof TypeError ? "not valid UTF-8" : (err as Error).message;
      console.error(`verbatim suggest: ${file}: ${reason}`);
      failed++;
      continue;
    }
    const line = JSON.stringify({ file, suggestions: suggestClaims(text, { people }) });
    if (!process.stdout.write(`${line}\n`)) await new Promise((resolve) => process.stdout.once("drain", resolve));
  }
  return failed ? 1 : 0;
}
