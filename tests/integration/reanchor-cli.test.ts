import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// `npx verbatim reanchor` as a script calls it: files in, one JSON array out.
const dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-reanchor-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const f = path.join(dir, name);
  writeFileSync(f, text);
  return f;
};
/** Code-point range of `quote` in `text`. */
const range = (text: string, quote: string) => {
  const start = Array.from(text.slice(0, text.indexOf(quote))).length;
  return { start, end: start + Array.from(quote).length };
};
const run = (...args: string[]) => spawnSync(process.execPath, [path.resolve("bin/verbatim.mjs"), "reanchor", ...args], { encoding: "utf8", env: { ...process.env, DATABASE_URL: "" } });

describe("npx verbatim reanchor", () => {
  it("prints each span's status and new offsets (code points), in order", () => {
    const before = "🇰🇿 Toqaev met Putin on November 12. Kazakhstan exports 80 percent of its oil via the CPC.\nGone sentence here.";
    const after = "Kazakhstan exports 85 percent of its oil via the CPC. 🇰🇿 Toqaev met Putin on November 12.";
    const met = "🇰🇿 Toqaev met Putin on November 12";
    const spans = [range(before, met), range(before, "Kazakhstan exports 80 percent of its oil via the CPC"), range(before, "Gone sentence here")];
    const r = run("--from", file("old.txt", before), "--to", file("new.txt", after), "--spans", file("spans.json", JSON.stringify(spans)));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { status: "moved", ...range(after, met), exact: met, score: 1 },
      { status: "changed", ...range(after, "Kazakhstan exports 85 percent of its oil via the CPC"), exact: "Kazakhstan exports 85 percent of its oil via the CPC", score: expect.any(Number) },
      { status: "orphaned" },
    ]);
  });

  it("refuses missing arguments and spans outside the old text, with exit 2", () => {
    expect(run("--from", "x").status).toBe(2);
    const from = file("short.txt", "abc");
    const r = run("--from", from, "--to", from, "--spans", file("bad.json", JSON.stringify([{ start: 1, end: 9 }])));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/span 0 is not a range of .*short\.txt \(3 code points\)/);
  });
});
