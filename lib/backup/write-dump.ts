// The write half of `verbatim import` (import-dump.ts): inserts a dump that has already
// been parsed and checked, parents before children so every foreign key and trigger is
// satisfied. The caller runs it inside one transaction, so a failure leaves nothing behind.
import { RECOMPUTE_CHANGED_SINCE_VERDICT_PG, RECOMPUTE_CHANGED_SINCE_VERDICT_SQL } from "../claims/changed-since-verdict-sql";
import { type DbTx, dbEngine } from "../db";
import { RECOMPUTE_SOURCE_CHANGED_SQL } from "../revisions/source-changed-sql";
import { republishedFromJson } from "../sources/republished";
import type { ParsedDump } from "./import-dump";

/** Splits `items` into runs of at most `size` items and at most `maxWeight` total weight (one oversized item goes alone). */
function chunks<T>(items: readonly T[], size: number, weight: (item: T) => number = () => 0, maxWeight = Infinity): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let total = 0;
  for (const item of items) {
    const w = weight(item);
    if (current.length > 0 && (current.length >= size || total + w > maxWeight)) {
      out.push(current);
      current = [];
      total = 0;
    }
    current.push(item);
    total += w;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Sources with each revision after the one it revises (cross-check.ts has ruled out cycles). */
function revisionOrder(sources: ParsedDump["sources"]): ParsedDump["sources"] {
  const byId = new Map(sources.map((s) => [s.record.id, s]));
  const done = new Set<string>();
  const out: ParsedDump["sources"] = [];
  const visit = (s: ParsedDump["sources"][number]) => {
    const chain = [];
    for (let cur: typeof s | undefined = s; cur && !done.has(cur.record.id); cur = cur.record.revisionOf === null ? undefined : byId.get(cur.record.revisionOf)) {
      chain.push(cur);
      done.add(cur.record.id);
    }
    out.push(...chain.reverse());
  };
  for (const s of sources) visit(s);
  return out;
}

/** Inserts everything, parents before children so every foreign key and trigger is satisfied. */
export async function writeDump(tx: DbTx, dump: ParsedDump, size: number): Promise<void> {
  const date = (s: string) => new Date(s);

  for (const batch of chunks(revisionOrder(dump.sources), size, (s) => s.record.text.length, 8_000_000)) {
    await tx.source.createMany({
      data: batch.map(({ record: s }) => ({
        id: s.id,
        title: s.title,
        publisher: s.publisher,
        author: s.author,
        url: s.url,
        publishedAt: s.publishedAt,
        retrievedAt: s.retrievedAt === null ? null : date(s.retrievedAt),
        language: s.language,
        text: s.text,
        sha256: s.sha256,
        length: s.length,
        createdAt: date(s.createdAt),
        version: s.version,
        metadataOrigin: JSON.stringify(s.metadataOrigin),
        republishedFrom: republishedFromJson(s.republishedFrom),
        revisionOf: s.revisionOf,
      })),
    });
  }
  for (const batch of chunks(dump.sourceEdits, size)) {
    await tx.sourceEdit.createMany({
      data: batch.map(({ record: e }) => ({ ...e, type: undefined, changes: JSON.stringify(e.changes), createdAt: date(e.createdAt) })),
    });
  }
  for (const batch of chunks(dump.archives, size, (a) => a.record.warc.length, 8_000_000)) {
    await tx.sourceArchive.createMany({
      data: batch.map(({ record: a }) => ({
        sourceId: a.id, requestedUrl: a.requestedUrl, finalUrl: a.finalUrl, redirects: JSON.stringify(a.redirects), status: a.status,
        contentType: a.contentType, etag: a.etag, lastModified: a.lastModified, fetchedAt: date(a.fetchedAt), warc: new Uint8Array(Buffer.from(a.warc, "base64")),
      })),
    });
  }

  for (const batch of chunks(dump.people, size)) {
    await tx.person.createMany({
      data: batch.map(({ record: p }) => ({
        id: p.id, name: p.name, slug: p.slug, description: p.description, sameAs: JSON.stringify(p.sameAs ?? []), createdAt: date(p.createdAt),
      })),
    });
  }
  const aliases = dump.people.flatMap(({ record: p }) => p.aliases.map((a) => ({ id: a.id, personId: p.id, alias: a.alias, folded: a.folded })));
  for (const batch of chunks(aliases, size)) await tx.personAlias.createMany({ data: batch });

  for (const batch of chunks(dump.merges, size)) {
    await tx.personMerge.createMany({
      data: batch.map(({ record: m }) => ({
        id: m.id,
        survivorId: m.survivorId,
        mergedId: m.mergedId,
        mergedName: m.mergedName,
        mergedSlug: m.mergedSlug,
        claimIds: JSON.stringify(m.claimIds),
        actorId: m.actorId,
        actorName: m.actorName,
        createdAt: date(m.createdAt),
      })),
    });
  }

  // Users arrive without a password, session or API token (none are in the dump).
  for (const batch of chunks(dump.users, size)) {
    await tx.user.createMany({
      data: batch.map(({ record: u }) => ({
        id: u.id,
        name: u.name,
        email: u.email,
        emailVerified: u.emailVerified,
        image: u.image,
        role: u.role,
        createdAt: date(u.createdAt),
        updatedAt: date(u.updatedAt),
      })),
    });
  }

  for (const batch of chunks(dump.claims, size)) {
    await tx.claim.createMany({
      data: batch.map(({ record: c }) => ({
        id: c.id,
        text: c.text,
        status: c.status,
        version: c.version,
        asOf: c.asOf,
        sourceId: c.sourceId,
        createdAt: date(c.createdAt),
        // Given explicitly, Prisma stores it instead of "now" (@updatedAt only fills a missing value).
        updatedAt: date(c.updatedAt),
      })),
    });
  }
  const spans = dump.claims.flatMap(({ record: c }) =>
    c.spans.map((s) => ({ id: s.id, claimId: c.id, sourceId: s.sourceId, start: s.start, end: s.end, exact: s.exact, prefix: s.prefix, suffix: s.suffix })),
  );
  for (const batch of chunks(spans, size)) await tx.span.createMany({ data: batch });
  const attributions = dump.claims.flatMap(({ record: c }) =>
    c.attribution ? [{ id: c.attribution.id, claimId: c.id, kind: c.attribution.kind, personId: c.attribution.personId, role: c.attribution.role }] : [],
  );
  for (const batch of chunks(attributions, size)) await tx.attribution.createMany({ data: batch });

  for (const batch of chunks(dump.reviews, size)) {
    await tx.review.createMany({
      data: batch.map(({ record: r }) => ({
        id: r.id,
        claimId: r.claimId,
        fromStatus: r.fromStatus,
        toStatus: r.toStatus,
        rationale: r.rationale,
        evidence: JSON.stringify(r.evidence),
        reviewerId: r.reviewerId,
        reviewerName: r.reviewerName,
        isDemo: r.isDemo,
        version: r.version,
        createdAt: date(r.createdAt),
      })),
    });
  }

  for (const batch of chunks(dump.edits, size)) {
    await tx.claimEdit.createMany({
      data: batch.map(({ record: e }) => ({
        id: e.id,
        claimId: e.claimId,
        kind: e.kind,
        version: e.version,
        changes: JSON.stringify(e.changes),
        actorId: e.actorId,
        actorName: e.actorName,
        createdAt: date(e.createdAt),
      })),
    });
  }

  for (const batch of chunks(dump.links, size)) {
    await tx.claimLink.createMany({
      data: batch.map(({ record: l }) => ({
        id: l.id,
        fromClaimId: l.fromClaimId,
        toClaimId: l.toClaimId,
        kind: l.kind,
        note: l.note,
        createdById: l.createdById,
        createdByName: l.createdByName,
        createdAt: date(l.createdAt),
      })),
    });
  }

  for (const batch of chunks(dump.rejections, size)) {
    await tx.suggestionRejection.createMany({
      data: batch.map(({ record: r }) => ({ ...r, type: undefined, createdAt: date(r.createdAt) })),
    });
  }

  for (const batch of chunks(dump.sourceChanges, size)) {
    await tx.sourceChange.createMany({
      data: batch.map(({ record: c }) => ({
        ...c, type: undefined, spans: JSON.stringify(c.spans), resolvedAt: c.resolvedAt === null ? null : date(c.resolvedAt), createdAt: date(c.createdAt),
      })),
    });
  }

  // Not fields of the backup: rebuilt from the reviews, edits and source changes just written.
  await tx.$executeRawUnsafe(dbEngine(tx) === "postgres" ? RECOMPUTE_CHANGED_SINCE_VERDICT_PG : RECOMPUTE_CHANGED_SINCE_VERDICT_SQL);
  await tx.$executeRawUnsafe(RECOMPUTE_SOURCE_CHANGED_SQL);
}
