// Renders one page of each kind before the server takes its first reader, so that the
// first page after a restart does not pay for loading the page's code (about 0.8 s for a
// claim page at a million claims; bench/soak.ts measures it). The server listens on a
// loopback port of its own for this, then closes it; renders are not kept in the reader
// cache (a verbatim.* cookie bypasses it). VERBATIM_WARM_UP=0 skips it.
import Database from "better-sqlite3";

/**
 * One claim and one source page of the database, and a search: the pages a crowd of
 * readers arrives at. Lists and person pages are left out: at a million claims their
 * first render is the reading of their data (0.7–2 s, bench/RESULTS.md), not code.
 */
export function warmUpPaths(dbFile) {
  const paths = ["/search?q=warm"];
  if (!dbFile) return paths;
  let db;
  try {
    db = new Database(dbFile, { readonly: true, fileMustExist: true });
    const first = (sql) => db.prepare(sql).pluck().get();
    const claim = first(`SELECT "id" FROM "Claim" ORDER BY rowid DESC LIMIT 1`);
    const source = first(`SELECT "id" FROM "Source" ORDER BY rowid DESC LIMIT 1`);
    if (claim) paths.push(`/claims/${encodeURIComponent(claim)}`);
    if (source) paths.push(`/sources/${encodeURIComponent(source)}`);
  } catch {
    // no database yet: the search only
  } finally {
    db?.close();
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
