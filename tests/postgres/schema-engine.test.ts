// The four workarounds lib/migrate/pg-adapter.ts applies to @prisma/adapter-pg 7.10.0 for
// the WebAssembly schema engine: each is shown needed (on the plain adapter) and working.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { diffMigrationsToSchema, migrate, postgresMigrationsDir } from "@/lib/migrate/migrate";
import { recreateDatabase } from "@/lib/migrate/pg-databases";

const server = inject("pgServerUrl");
let admin: pg.Client;
const databases = async () =>
  (await admin.query<{ datname: string }>(`SELECT datname FROM pg_database`)).rows.map((r) => r.datname);

beforeAll(async () => {
  admin = new pg.Client({ connectionString: server });
  await admin.connect();
});
afterAll(() => admin.end());

const scratchDatabase = (name: string) => recreateDatabase(server, name);

describe("@prisma/adapter-pg with the WebAssembly schema engine", () => {
  it("is pinned at the version the workarounds were written for", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { dependencies: Record<string, string> };
    expect(pkg.dependencies["@prisma/adapter-pg"]).toBe("7.10.0");
  });

  it("the plain adapter fails on \"char\" catalog columns and splits plpgsql bodies (why the workarounds exist)", async () => {
    const adapter = await new PrismaPg({ connectionString: server }).connect();
    try {
      await expect(adapter.queryRaw({ sql: `SELECT relkind FROM pg_class LIMIT 1`, args: [], argTypes: [] })).rejects.toThrow();
      const fn = `CREATE FUNCTION verbatim_probe() RETURNS integer LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$`;
      await expect(adapter.executeScript(fn)).rejects.toThrow();
    } finally {
      await adapter.dispose();
    }
  });

  // (Its fourth trap, dropping the shadow database before closing the pool, shows only once
  // the pool really is on the shadow database: ours closes the pool first, then drops.)
  it("the plain adapter's \"shadow\" connection is to the main database (why we connect to our own)", async () => {
    const url = await scratchDatabase("verbatim_shadow_probe");
    const shadow = await new PrismaPg({ connectionString: url }).connectToShadowDb();
    const { rows } = await shadow.queryRaw({ sql: `SELECT current_database() AS db`, args: [], argTypes: [] });
    expect(rows[0]![0]).toBe("verbatim_shadow_probe");
    await shadow.dispose();
  });

  it("the committed PostgreSQL migrations match schema.prisma (diff through a shadow database, which is then gone)", async () => {
    const url = await scratchDatabase("verbatim_diff_check");
    const before = await databases();
    expect((await diffMigrationsToSchema(url)).replace(/^--.*$/gm, "").trim()).toBe("");
    expect(await databases()).toEqual(before);
  });

  it("applies a migration as one script: plpgsql bodies intact, and a failure leaves nothing half-applied", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-pgmig-"));
    try {
      cpSync(postgresMigrationsDir, dir, { recursive: true });
      mkdirSync(path.join(dir, "29991231000000_broken"));
      writeFileSync(
        path.join(dir, "29991231000000_broken", "migration.sql"),
        `CREATE TABLE "HalfDone" ("id" TEXT PRIMARY KEY);\nCREATE FUNCTION half_done() RETURNS integer LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;\nSELECT 1 / 0;\n`,
      );
      const url = await scratchDatabase("verbatim_broken_migration");
      await expect(migrate(url, { dir })).rejects.toThrow();
      const check = new pg.Client({ connectionString: url });
      await check.connect();
      try {
        const tables = await check.query(`SELECT to_regclass('"HalfDone"') AS t, to_regclass('"Claim"') AS c`);
        expect(tables.rows[0]).toEqual({ t: null, c: "\"Claim\"" });
        const fns = await check.query(`SELECT count(*)::int AS n FROM pg_proc WHERE proname IN ('half_done', 'Span_verbatim_fn')`);
        expect(fns.rows[0].n).toBe(1);
      } finally {
        await check.end();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
