// Which cached reader pages a write can change (issue 17). Pure; plain JavaScript because
// scripts/server.mjs, which serves the cache in front of Next, loads it without a build.
//
// A page depends on:
//  - its own record ("claim:<id>", "source:<id>", "person:<id or slug>");
//  - every record it links to: a page that shows a claim, source or person links to it
//    (status badges, speakers, linked and related claims, evidence, revisions);
//  - "list" for the lists of claims, sources and people;
//  - "claim-text" for a person's page, which lists the claims naming them;
//  - "all", which every page depends on.
// The database writes the same tags for every row a write touches (PageChange triggers).

export const TAG_SEPARATOR = "\u001f";

const LISTS = new Set(["/claims", "/sources", "/people"]); // "/" redirects to /claims
const KINDS = { claims: "claim", sources: "source", people: "person" };

const decode = (s) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
};

/**
 * The cacheable page at `pathname`: a list, or one claim, source or person page, or the
 * search page (cached only without a query: the shell of every search, see
 * scripts/search-page.mjs); null for every other page (the queue, forms, sub-pages),
 * which is never cached.
 */
export function cacheableRoute(pathname) {
  if (LISTS.has(pathname)) return { kind: "list" };
  if (pathname === "/search") return { kind: "search" };
  const m = /^\/(claims|sources|people)\/([^/]+)$/.exec(pathname);
  if (!m || (m[1] === "sources" && m[2] === "new")) return null;
  const id = decode(m[2]);
  return id === null || id === "" ? null : { kind: KINDS[m[1]], id };
}

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const unescapeHtml = (s) =>
  s.replace(/&(?:#(\d+)|#x([0-9a-fA-F]+)|(\w+));/g, (all, dec, hex, name) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : (ENTITIES[name] ?? all),
  );

const LINK = /href="\/(claims|sources|people)\/([^"]+)"/g;

/** The tags of a rendered page (see above). `route` is what cacheableRoute returned. */
export function pageDeps(route, html) {
  const deps = new Set(["all"]);
  if (route.kind === "list") deps.add("list");
  else if (route.kind !== "search") deps.add(`${route.kind}:${route.id}`);
  if (route.kind === "person") deps.add("claim-text");
  for (const m of html.matchAll(LINK)) {
    // Unescaped first: "&#x27;" holds a "#". A "#", "?" or "/" left is the path's end.
    const id = decode(unescapeHtml(m[2]).split(/[/?#]/)[0]);
    if (id) deps.add(`${KINDS[m[1]]}:${id}`);
  }
  return deps;
}

/** The tags of one PageChange row. */
export function parseTags(tags) {
  return tags.split(TAG_SEPARATOR).filter((t) => t !== "" && !t.endsWith(":"));
}
