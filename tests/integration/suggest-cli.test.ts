import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Suggestion } from "@/lib/extract/suggestion";
import { freshDatabase, type TestDatabase } from "../support/database";

// `npx verbatim suggest` as a script calls it: files or stdin in, one JSON line per file out.
const SEED = path.resolve("seeds/000_50568acf8493da64.txt");
let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(() => t.cleanup());

const run = (args: string[], env: Record<string, string> = {}, input?: string) =>
  spawnSync(process.execPath, [path.resolve("bin/verbatim.mjs"), "suggest", ...args], { encoding: "utf8", input, env: { ...process.env, DATABASE_URL: "", ...env } });
const lines = (stdout: string) => stdout.trim().split("\n").map((l) => JSON.parse(l) as { file: string; suggestions: Suggestion[] });

describe("npx verbatim suggest", () => {
  it("prints one line per file (- is standard input), with verbatim code-point spans and no ids without a database", () => {
    const r = run([SEED, "-"], {}, "“The grain corridor will stay open,” Peskov said. 🙂");
    expect(r.status).toBe(0);
    const [seed, stdin] = lines(r.stdout);
    expect(seed!.file).toBe(SEED);
    expect(stdin!.file).toBe("-");
    const text = Array.from(readFileSync(SEED, "utf8"));
    for (const s of seed!.suggestions) for (const c of s.content) expect(text.slice(c.start, c.end).join("")).toBe(c.exact);
    expect(seed!.suggestions.every((s) => s.person === null || s.person.id === null)).toBe(true);
    expect(stdin!.suggestions[0]).toMatchObject({ kind: "direct", speaker: { exact: "Peskov" }, person: { name: "Peskov", id: null } });
  });

  it("matches speakers to the people of the database in DATABASE_URL", () => {
    const r = run([SEED], { DATABASE_URL: t.url });
    expect(r.status).toBe(0);
    const ids = new Set(lines(r.stdout)[0]!.suggestions.map((s) => s.person?.id).filter(Boolean));
    expect([...ids].sort()).toEqual(expect.arrayContaining(["andrew-danieri", "dmitry-peskov", "kassym-jomart-tokayev", "vlad-paddack", "yunis-sharifli"]));
  });

  it("reports unreadable files and a missing database, with a non-zero exit", () => {
    const missing = run([SEED, "/no/such/file.txt"]);
    expect(missing.status).toBe(1);
    expect(lines(missing.stdout)).toHaveLength(1);
    expect(missing.stderr).toMatch(/\/no\/such\/file\.txt/);
    const noDb = run([SEED], { DATABASE_URL: "file:/no/such/verbatim.db" });
    expect(noDb.status).not.toBe(0);
    expect(noDb.stderr).toMatch(/names no existing database/);
    expect(run([]).status).toBe(2);
  });
});
