import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSeed, seedsDir } from "@/lib/seed/run-seed";
import { freshDatabase, type TestDatabase } from "../support/database";

// The runner must fail loudly, and write nothing, when the seed data is wrong.
let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase({ seed: false });
});
afterAll(() => t.cleanup());

function seedCopy(edit: (manifest: { claims: { id: string; spans: { exact: string }[] }[] }) => void, editFiles?: (dir: string) => void) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-seeds-"));
  cpSync(seedsDir, dir, { recursive: true });
  const file = path.join(dir, "manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8"));
  edit(manifest);
  writeFileSync(file, JSON.stringify(manifest));
  editFiles?.(dir);
  return dir;
}

describe("seed runner failures", () => {
  it("fails on a quote that differs from its source by one character, naming the claim, and writes nothing", async () => {
    const dir = seedCopy((m) => {
      const claim = m.claims.find((c) => c.spans.some((s) => s.exact.includes("detials")))!;
      claim.spans = claim.spans.map((s) => ({ ...s, exact: s.exact.replace("detials", "details") }));
    });
    await expect(runSeed(t.db, dir)).rejects.toThrow(/claim [a-z0-9-]+: spans\.0: The quote is not in the source/);
    expect(await t.db.source.count()).toBe(0);
    expect(await t.db.claim.count()).toBe(0);
  });

  it("fails on an ambiguous quote", async () => {
    const dir = seedCopy((m) => {
      const claim = m.claims.find((c) => "prefix" in (c.spans[0] as object))!;
      claim.spans = [{ exact: (claim.spans[0] as { exact: string }).exact }];
    });
    await expect(runSeed(t.db, dir)).rejects.toThrow(/occurs 2 times/);
    expect(await t.db.claim.count()).toBe(0);
  });

  it("fails when a seed text is not byte for byte what the manifest hashed", async () => {
    const dir = seedCopy(
      () => {},
      (d) => {
        const f = path.join(d, "002_adbfb3f66e90cfa2.txt");
        writeFileSync(f, readFileSync(f, "utf8").replace("\u00a0", " "));
      },
    );
    await expect(runSeed(t.db, dir)).rejects.toThrow(/sha256 .* does not match/);
    expect(await t.db.source.count()).toBe(0);
  });
});
