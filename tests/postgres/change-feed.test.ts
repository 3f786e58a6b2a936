// The reader cache's change feed on PostgreSQL (lib/cache/change-feed-pg.mjs) against
// real transactions: rows committed out of sequence order are read, each once; a flood or
// a long silence drops every page; pruning keeps what a reader may not have read.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPgChangeFeed, GAP_MS, MAX_ROWS_PER_POLL } from "@/lib/cache/change-feed-pg.mjs";
import { TAG_SEPARATOR } from "@/lib/cache/page-deps.mjs";
import { reconnecting } from "@/scripts/reader-cache.mjs";
import { freshPgDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;
const clients: pg.Client[] = [];

async function client(): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: t.url });
  await c.connect();
  clients.push(c);
  return c;
}

/** A page change as the triggers record it (the feed trigger moves it to "PageFeed"). */
const change = (c: pg.Client, ...tags: string[]) =>
  c.query(`INSERT INTO "PageChange" ("tags", "at") VALUES ($1, extract(epoch from now())::integer)`, [tags.join(TAG_SEPARATOR)]);

beforeAll(async () => {
  t = await freshPgDatabase(inject("pgServerUrl"), inject("pgTemplate"), { seed: false });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.end()));
  await t.cleanup();
});

describe("the PostgreSQL change feed", () => {
  it("reads a change whose transaction commits after a later-numbered one was read, and each change once", async () => {
    const feed = await createPgChangeFeed(await client());
    const [a, b] = [await client(), await client()];
    await a.query("BEGIN");
    await change(a, "claim:early"); // takes the lower seq, commits last
    await change(b, "claim:late"); // autocommit: the higher seq, visible first
    const first = await feed.poll();
    expect([...first.tags]).toEqual(["claim:late"]);
    const mark = feed.position;
    await a.query("COMMIT");
    const second = await feed.poll();
    expect([...second.tags]).toEqual(["claim:early"]);
    expect(feed.changedSince(mark, new Set(["claim:early"]))).toBe(true);
    expect(feed.changedSince(mark, new Set(["claim:late"]))).toBe(false);
    expect((await feed.poll()).tags.size).toBe(0);
    const pageRows = await a.query(`SELECT count(*)::int AS n FROM "PageChange"`);
    expect(pageRows.rows[0].n).toBe(0); // on PostgreSQL the rows live in the feed
  });

  it("a rolled-back write is never read", async () => {
    const feed = await createPgChangeFeed(await client());
    const c = await client();
    await c.query("BEGIN");
    await change(c, "claim:never");
    await c.query("ROLLBACK");
    expect((await feed.poll()).tags.has("claim:never")).toBe(false);
  });

  it("more rows than a read takes, or no read for GAP_MS: every page is dropped", async () => {
    const feed = await createPgChangeFeed(await client());
    const c = await client();
    await c.query(
      `INSERT INTO "PageChange" ("tags", "at") SELECT 'claim:bulk-' || g, 0 FROM generate_series(1, ${MAX_ROWS_PER_POLL + 1}) g`,
    );
    expect((await feed.poll()).all).toBe(true);
    expect((await feed.poll()).all).toBe(false);

    let now = Date.now();
    const idle = await createPgChangeFeed(await client(), { now: () => now });
    now += GAP_MS + 1;
    const after = await idle.poll();
    expect(after.all).toBe(true);
    expect(idle.changedSince(0, new Set(["claim:x"]))).toBe(true);
  });

  it("prunes only rows of transactions that had finished ten minutes before, whatever their time", async () => {
    let now = Date.now();
    const c = await client();
    await c.query(`DELETE FROM "PageFeed"`);
    const feed = await createPgChangeFeed(await client(), { now: () => now });
    await change(c, "claim:old");
    await feed.poll();
    expect(await feed.prune(Math.floor(now / 1000) + 3600)).toBe(0); // no read is ten minutes old yet
    for (let minute = 0; minute < 11; minute++) {
      now += 60_000; // a read a minute, as the server's timer does
      await feed.poll();
    }
    // Committed just now but stamped long ago (a long transaction's early row): kept
    // until every reader has had ten minutes to read it.
    await c.query(`INSERT INTO "PageChange" ("tags", "at") VALUES ('claim:recent', 0)`);
    expect(await feed.prune(Math.floor(now / 1000) + 3600)).toBe(1);
    const left = await c.query(`SELECT "tags" FROM "PageFeed"`);
    expect(left.rows.map((r) => r.tags)).toEqual(["claim:recent"]);
    expect([...(await feed.poll()).tags]).toEqual(["claim:recent"]);
  });

  it("the server's feed connection comes back after it is dropped: one failed read, then the changes since", async () => {
    const conn = await reconnecting(t.url);
    const feed = await createPgChangeFeed(conn);
    const { rows } = await conn.query("SELECT pg_backend_pid() AS pid");
    const c = await client();
    await c.query("SELECT pg_terminate_backend($1)", [rows[0]!.pid]);
    await change(c, "claim:while-away");
    await expect(feed.poll()).rejects.toThrow();
    expect([...(await feed.poll()).tags]).toEqual(["claim:while-away"]);
  });
});
