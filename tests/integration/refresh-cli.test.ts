import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addSource } from "@/lib/sources/add-source";
import { freshDatabase, type TestDatabase } from "../support/database";
import { articlePage, type FixtureSite, startFixtureSite } from "../support/fixture-site";

// `npx verbatim refresh` as cron would run it, against a local fixture site: one JSON
// line per source, conditional GET, a revision only when the readable text changed.
const run = promisify(execFile);
let t: TestDatabase;
let site: FixtureSite;
const served = { etag: '"a"', text: "The pipeline carries most of Kazakhstan’s oil exports, officials said on Monday." };
let id = "";

beforeAll(async () => {
  t = await freshDatabase({ seed: false });
  site = await startFixtureSite();
  site.pages.set("/a", (req) => (req.headers["if-none-match"] === served.etag ? { status: 304, body: "" } : { body: articlePage([served.text]), headers: { ETag: served.etag } }));
  process.env.VERBATIM_FETCH_ALLOW_PRIVATE = "1";
  const actor = { id: "u1", name: "Cron", email: "cron@example.org", role: "editor" as const, via: "token" as const };
  id = (await addSource(t.db, { actor, input: { url: `${site.origin}/a` } })).source.id;
  await addSource(t.db, { actor, input: { text: "A pasted source has nothing to refresh." } });
});
afterAll(async () => {
  delete process.env.VERBATIM_FETCH_ALLOW_PRIVATE;
  await site.close();
  await t.cleanup();
});

async function refresh(...args: string[]) {
  try {
    const r = await run(process.execPath, [path.resolve("bin/verbatim.mjs"), "refresh", ...args], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: t.url, VERBATIM_FETCH_ALLOW_PRIVATE: "1" },
    });
    return { code: 0, lines: r.stdout.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>), stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, lines: e.stdout.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>), stderr: e.stderr };
  }
}

describe("npx verbatim refresh", () => {
  it("sends the last ETag and records nothing on 304; pasted sources are skipped", async () => {
    expect(await refresh()).toMatchObject({ code: 0, lines: [{ source: id, result: "not-modified" }] });
    expect(site.requests.at(-1)!.headers["if-none-match"]).toBe('"a"');
  });

  it("records a revision when the readable text changed, and reports it", async () => {
    served.etag = '"b"';
    served.text = "The pipeline carries nearly all of Kazakhstan’s oil exports, officials said on Monday.";
    const r = await refresh("--source", id);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([{ source: id, result: "revised", revision: expect.any(String), carried: 0, flagged: 0 }]);
    expect(await t.db.source.count({ where: { revisionOf: id } })).toBe(1);
  });

  it("reports a failure per source and exits 1; bad arguments exit 2", async () => {
    served.etag = '"c"';
    site.pages.set("/a", { status: 500, body: "down" });
    const r = await refresh();
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([{ source: expect.any(String), result: "failed", error: expect.stringMatching(/500/) }]);
    expect((await refresh("--source")).code).toBe(2);
    expect((await refresh("--source", "no-such-source")).code).toBe(2);
  });
});
