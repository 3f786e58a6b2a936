// The "floor": the bare SQL each benchmarked page / endpoint needs, as better-sqlite3
// prepared statements, assembled into plain objects shaped like the app's DTOs.
// Shared by the in-process SQL floor (floor.ts) and the HTTP floor server (floor-server.ts).
import Database from "better-sqlite3";

type SourceSummary = {
  id: string;
  title: string | null;
  publisher: string | null;
  author: string | null;
  url: string | null;
  publishedAt: string | null;
  retrievedAt: string | null;
  language: string | null;
  sha256: string;
};
type SourceWithText = SourceSummary & { text: string; length: number; createdAt: string };
type ClaimRow = {
  id: string;
  text: string;
  status: string;
  version: number;
  asOf: string | null;
  createdAt: string;
  updatedAt: string;
  sourceId: string;
};
type SpanRow = { id: string; claimId: string; sourceId: string; start: number; end: number; exact: string; prefix: string; suffix: string };
type AttributionRow = {
  claimId: string;
  kind: string;
  role: string | null;
  personId: string | null;
  personName: string | null;
  personSlug: string | null;
};
type AliasRow = { personId: string; alias: string };
type ReviewRow = {
  id: string;
  fromStatus: string;
  toStatus: string;
  rationale: string | null;
  evidence: string;
  reviewerName: string;
  isDemo: number;
  createdAt: string;
};

export type AttributionOut = {
  kind: string;
  role: string | null;
  person: { id: string; name: string; slug: string; aliases: string[] } | null;
} | null;
export type ClaimSummaryOut = Omit<ClaimRow, "sourceId"> & { source: SourceSummary; spans: SpanRow[]; attribution: AttributionOut };
export type ClaimDetailOut = ClaimSummaryOut & { sourceText: string; reviews: Array<Omit<ReviewRow, "isDemo" | "evidence"> & { isDemo: boolean; evidence: unknown[] }> };
export type ClaimPageOut = { items: ClaimSummaryOut[]; nextCursor: string | null };
export type SourceDetailOut = SourceWithText & {
  claims: Array<Pick<ClaimRow, "id" | "text" | "status" | "version" | "asOf"> & { spans: SpanRow[]; attribution: AttributionOut }>;
};
export type ListQuery = { limit: number; status?: string; cursor?: string };

const SOURCE_COLS = `"id","title","publisher","author","url","publishedAt","retrievedAt","language","sha256"`;
const CLAIM_COLS = `"id","text","status","version","asOf","createdAt","updatedAt","sourceId"`;
const SPAN_COLS = `"id","claimId","sourceId","start","end","exact","prefix","suffix"`;
const ATTR_SELECT = `SELECT a."claimId", a."kind", a."role", p."id" AS personId, p."name" AS personName, p."slug" AS personSlug
  FROM "Attribution" a LEFT JOIN "Person" p ON p."id" = a."personId"`;

/** Keyset cursor, same encoding as lib/claims/cursor.ts: base64url JSON [createdAt ISO, id]. */
export function encodeCursor(createdAtDb: string, id: string): string {
  return Buffer.from(JSON.stringify([new Date(createdAtDb).toISOString(), id])).toString("base64url");
}

function decodeCursor(s: string): { createdAt: string; id: string } {
  const parsed: unknown = JSON.parse(Buffer.from(s, "base64url").toString("utf8"));
  if (!Array.isArray(parsed) || typeof parsed[0] !== "string" || typeof parsed[1] !== "string") throw new Error("bad cursor");
  // DateTime values are stored (and bound by Prisma's SQLite adapter) as ISO with "+00:00".
  return { createdAt: new Date(parsed[0]).toISOString().replace("Z", "+00:00"), id: parsed[1] };
}

const placeholders = (n: number): string => Array.from({ length: n }, () => "?").join(",");

export class FloorQueries {
  readonly db: Database.Database;
  private readonly claimById;
  private readonly sourceWithText;
  private readonly spansByClaim;
  private readonly attributionByClaim;
  private readonly aliasesByPerson;
  private readonly reviewsByClaim;
  private readonly claimsBySource;
  private readonly spansBySource;
  private readonly attributionsBySource;
  private readonly aliasesBySource;
  private readonly cache = new Map<string, Database.Statement<unknown[], unknown>>();

  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    this.db.pragma("cache_size = -65536");
    this.claimById = this.db.prepare<[string], ClaimRow>(`SELECT ${CLAIM_COLS} FROM "Claim" WHERE "id" = ?`);
    this.sourceWithText = this.db.prepare<[string], SourceWithText>(
      `SELECT ${SOURCE_COLS}, "text", "length", "createdAt" FROM "Source" WHERE "id" = ?`,
    );
    this.spansByClaim = this.db.prepare<[string], SpanRow>(`SELECT ${SPAN_COLS} FROM "Span" WHERE "claimId" = ? ORDER BY "start"`);
    this.attributionByClaim = this.db.prepare<[string], AttributionRow>(`${ATTR_SELECT} WHERE a."claimId" = ?`);
    this.aliasesByPerson = this.db.prepare<[string], AliasRow>(
      `SELECT "personId", "alias" FROM "PersonAlias" WHERE "personId" = ? ORDER BY "alias"`,
    );
    this.reviewsByClaim = this.db.prepare<[string], ReviewRow>(
      `SELECT "id","fromStatus","toStatus","rationale","evidence","reviewerName","isDemo","createdAt"
       FROM "Review" WHERE "claimId" = ? ORDER BY "createdAt", "id"`,
    );
    this.claimsBySource = this.db.prepare<[string], ClaimRow>(`SELECT ${CLAIM_COLS} FROM "Claim" WHERE "sourceId" = ?`);
    this.spansBySource = this.db.prepare<[string], SpanRow>(`SELECT ${SPAN_COLS} FROM "Span" WHERE "sourceId" = ? ORDER BY "start"`);
    this.attributionsBySource = this.db.prepare<[string], AttributionRow>(
      `${ATTR_SELECT} JOIN "Claim" c ON c."id" = a."claimId" WHERE c."sourceId" = ?`,
    );
    this.aliasesBySource = this.db.prepare<[string], AliasRow>(
      `SELECT "personId", "alias" FROM "PersonAlias" WHERE "personId" IN
         (SELECT a."personId" FROM "Claim" c JOIN "Attribution" a ON a."claimId" = c."id" WHERE c."sourceId" = ?)
       ORDER BY "alias"`,
    );
  }

  close(): void {
    this.db.close();
  }

  private stmt<R>(key: string, sql: () => string): Database.Statement<unknown[], R> {
    let s = this.cache.get(key);
    if (!s) {
      s = this.db.prepare(sql());
      this.cache.set(key, s);
    }
    return s as Database.Statement<unknown[], R>;
  }

  private attributionOut(a: AttributionRow | undefined, aliases: Map<string, string[]>): AttributionOut {
    if (!a) return null;
    return {
      kind: a.kind,
      role: a.role,
      person:
        a.personId && a.personName !== null && a.personSlug !== null
          ? { id: a.personId, name: a.personName, slug: a.personSlug, aliases: aliases.get(a.personId) ?? [] }
          : null,
    };
  }

  /** Claim page / GET /api/claims/:id: the claim, its source (with text), spans, attribution, person, aliases, reviews. */
  claimDetail(id: string): ClaimDetailOut | null {
    const c = this.claimById.get(id);
    if (!c) return null;
    const source = this.sourceWithText.get(c.sourceId);
    if (!source) return null;
    const spans = this.spansByClaim.all(id);
    const a = this.attributionByClaim.get(id);
    const aliases = new Map<string, string[]>();
    if (a?.personId) aliases.set(a.personId, this.aliasesByPerson.all(a.personId).map((r) => r.alias));
    const reviews = this.reviewsByClaim.all(id).map((r) => ({ ...r, isDemo: r.isDemo === 1, evidence: JSON.parse(r.evidence) as unknown[] }));
    const { text: sourceText, length: _length, createdAt: _createdAt, ...summary } = source;
    const { sourceId: _sourceId, ...claim } = c;
    return { ...claim, source: summary, spans, attribution: this.attributionOut(a, aliases), reviews, sourceText };
  }

  /** GET /api/claims: newest first, keyset pagination, limit + 1 rows, with relations. */
  listClaims(q: ListQuery): ClaimPageOut {
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.status) {
      where.push(`"status" = ?`);
      args.push(q.status);
    }
    if (q.cursor) {
      const c = decodeCursor(q.cursor);
      // Same predicate shape as Prisma generates for lib/claims/cursor.ts afterCursor().
      where.push(`"createdAt" <= ? AND ("createdAt" < ? OR ("createdAt" = ? AND "id" < ?))`);
      args.push(c.createdAt, c.createdAt, c.createdAt, c.id);
    }
    const key = `list:${q.status ? "s" : ""}${q.cursor ? "c" : ""}`;
    const rows = this.stmt<ClaimRow>(key, () =>
      `SELECT ${CLAIM_COLS} FROM "Claim" ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
       ORDER BY "createdAt" DESC, "id" DESC LIMIT ?`,
    ).all(...args, q.limit + 1);
    const ids = rows.map((r) => r.id);
    const sourceIds = [...new Set(rows.map((r) => r.sourceId))];
    const n = ids.length;
    const sources = new Map<string, SourceSummary>();
    const spans = new Map<string, SpanRow[]>();
    const attributions = new Map<string, AttributionRow>();
    const aliases = new Map<string, string[]>();
    if (n > 0) {
      for (const s of this.stmt<SourceSummary>(`src:${sourceIds.length}`, () =>
        `SELECT ${SOURCE_COLS} FROM "Source" WHERE "id" IN (${placeholders(sourceIds.length)})`).all(...sourceIds)) {
        sources.set(s.id, s);
      }
      for (const s of this.stmt<SpanRow>(`spans:${n}`, () =>
        `SELECT ${SPAN_COLS} FROM "Span" WHERE "claimId" IN (${placeholders(n)}) ORDER BY "start"`).all(...ids)) {
        const list = spans.get(s.claimId);
        if (list) list.push(s);
        else spans.set(s.claimId, [s]);
      }
      const personIds = new Set<string>();
      for (const a of this.stmt<AttributionRow>(`attr:${n}`, () => `${ATTR_SELECT} WHERE a."claimId" IN (${placeholders(n)})`).all(...ids)) {
        attributions.set(a.claimId, a);
        if (a.personId) personIds.add(a.personId);
      }
      if (personIds.size > 0) {
        const pids = [...personIds];
        for (const r of this.stmt<AliasRow>(`alias:${pids.length}`, () =>
          `SELECT "personId", "alias" FROM "PersonAlias" WHERE "personId" IN (${placeholders(pids.length)}) ORDER BY "alias"`).all(...pids)) {
          const list = aliases.get(r.personId);
          if (list) list.push(r.alias);
          else aliases.set(r.personId, [r.alias]);
        }
      }
    }
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(({ sourceId, ...c }) => ({
        ...c,
        source: sources.get(sourceId)!,
        spans: spans.get(c.id) ?? [],
        attribution: this.attributionOut(attributions.get(c.id), aliases),
      })),
      nextCursor: rows.length > q.limit && last ? encodeCursor(last.createdAt, last.id) : null,
    };
  }

  /** Source page / GET /api/sources/:id: the source with text, its claims, their spans and attributions. */
  sourceDetail(id: string): SourceDetailOut | null {
    const source = this.sourceWithText.get(id);
    if (!source) return null;
    const claims = this.claimsBySource.all(id);
    const spans = new Map<string, SpanRow[]>();
    for (const s of this.spansBySource.all(id)) {
      const list = spans.get(s.claimId);
      if (list) list.push(s);
      else spans.set(s.claimId, [s]);
    }
    const attributions = new Map<string, AttributionRow>();
    for (const a of this.attributionsBySource.all(id)) attributions.set(a.claimId, a);
    const aliases = new Map<string, string[]>();
    for (const r of this.aliasesBySource.all(id)) {
      const list = aliases.get(r.personId);
      if (list) list.push(r.alias);
      else aliases.set(r.personId, [r.alias]);
    }
    const out = claims.map((c) => ({
      id: c.id,
      text: c.text,
      status: c.status,
      version: c.version,
      asOf: c.asOf,
      spans: spans.get(c.id) ?? [],
      attribution: this.attributionOut(attributions.get(c.id), aliases),
    }));
    out.sort((a, b) => (a.spans[0]?.start ?? 0) - (b.spans[0]?.start ?? 0) || a.id.localeCompare(b.id));
    return { ...source, claims: out };
  }
}
