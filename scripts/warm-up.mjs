// Renders one page of each kind before the server takes its first reader, so that the
// first page after a restart does not pay for loading the page's code (about 0.8 s for a
// claim page at a million claims; bench/soak.ts measures it). The server listens on a
// loopback port of its own for this, then closes it; renders are not kept in the reader
// cache (a verbatim.* cookie bypasses it). VERBATIM_WARM_UP=0 skips it.
import Database from "better-sqlite3";
import pg from "pg";

/**
 * One claim and one source page of the database, and a search (page and API: the API's
 * first answer also teaches api-answer.mjs its headers): the pages a crowd of readers
 * arrives at. Lists and person pages are left out: at a million claims their
 * first render is the reading of their data (0.7–2 s, bench/RESULTS.md), not code.
 * The database is the SQLite file `dbFile` or the PostgreSQL database at `pgUrl`.
 */
export async function warmUpPaths({ dbFile = null, pgUrl = null }) {
  const paths = ["/search?q=warm", "/api/search?q=warm"];
  const page = (kind, id) => id && paths.push(`/${kind}/${encodeURIComponent(id)}`);
  if (dbFile) {
    let db;
    try {
      db = new Database(dbFile, { readonly: true, fileMustExist: true });
      const first = (sql) => db.prepare(sql).pluck().get();
      page("claims", first(`SELECT "id" FROM "Claim" ORDER BY rowid DESC LIMIT 1`));
      page("sources", first(`SELECT "id" FROM "Source" ORDER BY rowid DESC LIMIT 1`));
    } catch {
      // no database yet: the search only
    } finally {
      db?.close();
    }
  } else if (pgUrl) {
    const client = new pg.Client({ connectionString: pgUrl });
    try {
      await client.connect();
      const { rows } = await client.query(`SELECT "id", "sourceId" FROM "Claim" ORDER BY "createdAt" DESC, "id" DESC LIMIT 1`);
      page("claims", rows[0]?.id);
      page("sources", rows[0]?.sourceId);
    } catch {
      // not migrated yet: the search only
    } finally {
      await client.end().catch(() => {});
    }
  }
  return paths;
}

/** Requests `paths` from `server` on a loopback port of its own, then closes that port. */
export async function warmUp(server, paths) {
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  for (const p of paths) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}${p}`, { headers: { cookie: "verbatim.warm-up=1" } });
      await res.arrayBuffer();
    } catch {
      // a page that fails now fails for its reader too, with its own error
    }
  }
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}
