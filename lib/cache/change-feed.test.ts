import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { createChangeFeed, MAX_ROWS_PER_POLL } from "./change-feed.mjs";
import { TAG_SEPARATOR } from "./page-deps.mjs";

function database() {
  const db = new Database(":memory:");
  db.exec(`CREATE TABLE "PageChange" ("seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "tags" TEXT NOT NULL, "at" INTEGER NOT NULL)`);
  const insert = db.prepare(`INSERT INTO "PageChange" ("tags", "at") VALUES (?, ?)`);
  const write = (tags: string[], at = Math.floor(Date.now() / 1000)) => Number(insert.run(tags.join(TAG_SEPARATOR), at).lastInsertRowid);
  return { db, write };
}

describe("change feed", () => {
  it("starts after the rows already there, then returns the tags of each new row once", () => {
    const { db, write } = database();
    write(["claim:old"]);
    const feed = createChangeFeed(db);
    expect(feed.poll()).toEqual({ all: false, tags: new Set() });
    write(["claim:a", "source:s"]);
    write(["list"]);
    expect(feed.poll()).toEqual({ all: false, tags: new Set(["claim:a", "source:s", "list"]) });
    expect(feed.poll().tags.size).toBe(0);
  });

  it("says all for an 'all' row, for more rows than it reads at once, and for a gap left by pruning", () => {
    const { db, write } = database();
    const feed = createChangeFeed(db);
    write(["all"]);
    expect(feed.poll().all).toBe(true);
    db.transaction(() => {
      for (let i = 0; i <= MAX_ROWS_PER_POLL; i++) write([`claim:${i}`]);
    })();
    expect(feed.poll().all).toBe(true);
    expect(feed.poll()).toEqual({ all: false, tags: new Set() });
    // Another reader was away for more than the kept time: its last row was pruned.
    const away = createChangeFeed(db);
    write(["claim:x"], 1);
    write(["claim:y"]);
    expect(feed.poll().tags).toEqual(new Set(["claim:x", "claim:y"]));
    db.exec(`DELETE FROM "PageChange" WHERE "seq" <= ${away.seq + 1}`);
    write(["claim:z"]);
    expect(away.poll().all).toBe(true);
  });

  it("knows whether a page rendered since a row may be out of date", () => {
    const { db, write } = database();
    const feed = createChangeFeed(db);
    const start = feed.seq;
    write(["claim:a"]);
    feed.poll();
    expect(feed.changedSince(start, new Set(["all", "claim:a"]))).toBe(true);
    expect(feed.changedSince(start, new Set(["all", "claim:b"]))).toBe(false);
    expect(feed.changedSince(feed.seq, new Set(["all", "claim:a"]))).toBe(false);
    expect(feed.changedSince(start - 1, new Set(["all"]))).toBe(true); // before what it knows
  });

  it("prunes old rows but keeps the newest", () => {
    const { db, write } = database();
    const feed = createChangeFeed(db);
    write(["claim:a"], 10);
    write(["claim:b"], 20);
    expect(feed.prune(100)).toBe(1);
    expect(db.prepare(`SELECT count(*) AS n FROM "PageChange"`).get()).toEqual({ n: 1 });
  });
});
