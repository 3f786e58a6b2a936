// The write half of an ingest: lines already checked (prepare-line.ts) and their speakers
// resolved (resolve-people.ts), written inside the caller's transaction. A source whose
// text is stored already is reused (its metadata left as it is, as when an editor adds
// it again); a claim already stored — same source, text and span offsets — is skipped,
// so ingesting a file twice changes nothing. Each new claim gets the "created" entry of
// its history, and a claim with a status a review by the importer.
import type { DbTx } from "../db";
import { newId } from "../ids";
import { createPerson } from "../people/create-person";
import { foldName } from "../ids";
import { republishedFromJson } from "../sources/republished";
import type { PreparedLine } from "./prepare-line";
import { insertRows } from "./insert-rows";
import type { Speaker } from "./resolve-people";

export type ResolvedLine = PreparedLine & { speakers: (Speaker | null)[] };
export type IngestCounts = { sourcesCreated: number; sourcesExisting: number; claimsCreated: number; claimsExisting: number; peopleCreated: number; reviews: number };
export type IngestActor = { id: string | null; name: string };

export const emptyCounts = (): IngestCounts => ({ sourcesCreated: 0, sourcesExisting: 0, claimsCreated: 0, claimsExisting: 0, peopleCreated: 0, reviews: 0 });

const CHUNK = 400;
function* chunks<T>(items: T[], size = CHUNK): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
const claimKey = (sourceId: string, text: string, spans: { start: number; end: number }[]) =>
  `${sourceId}\u0000${text}\u0000${spans.map((s) => `${s.start}-${s.end}`).join(",")}`;

async function sourceIds(tx: DbTx, lines: ResolvedLine[], counts: IngestCounts): Promise<Map<string, string>> {
  const bySha = new Map<string, string>();
  const wanted = [...new Set(lines.map((l) => l.source.sha256))];
  for (const part of chunks(wanted)) {
    for (const s of await tx.source.findMany({ where: { sha256: { in: part } }, select: { id: true, sha256: true } })) bySha.set(s.sha256, s.id);
  }
  counts.sourcesExisting += bySha.size;
  const fresh = new Map<string, ResolvedLine["source"]>();
  for (const l of lines) if (!bySha.has(l.source.sha256) && !fresh.has(l.source.sha256)) fresh.set(l.source.sha256, l.source);
  const now = new Date();
  const rows = [...fresh.values()].map(({ republishedFrom, retrievedAt, metadataOrigin, ...s }) => ({
    ...s, id: newId(), retrievedAt: retrievedAt ? new Date(retrievedAt) : null, republishedFrom: republishedFromJson(republishedFrom),
    createdAt: now, version: 1, metadataOrigin: JSON.stringify(metadataOrigin), revisionOf: null,
  }));
  await insertRows(tx, "Source", rows);
  for (const r of rows) bySha.set(r.sha256, r.id);
  counts.sourcesCreated += fresh.size;
  return bySha;
}

async function personIds(tx: DbTx, lines: ResolvedLine[], counts: IngestCounts): Promise<Map<string, string>> {
  const byFolded = new Map<string, string>();
  for (const l of lines) {
    for (const s of l.speakers) {
      if (!s || !("create" in s) || byFolded.has(foldName(s.create))) continue;
      // Someone may have added the name since the lines were checked.
      const stored = await tx.personAlias.findFirst({ where: { folded: foldName(s.create) }, select: { personId: true } });
      if (stored) byFolded.set(foldName(s.create), stored.personId);
      else {
        byFolded.set(foldName(s.create), (await createPerson(tx, { name: s.create })).id);
        counts.peopleCreated++;
      }
    }
  }
  return byFolded;
}

/** Writes `lines`; returns the ids of the claims created. */
export async function writeLines(tx: DbTx, lines: ResolvedLine[], actor: IngestActor, counts: IngestCounts): Promise<string[]> {
  const sources = await sourceIds(tx, lines, counts);
  const people = await personIds(tx, lines, counts);
  const existing = new Set<string>();
  const stored = [...new Set(lines.map((l) => sources.get(l.source.sha256)!))];
  for (const part of chunks(stored, 200)) {
    const texts = [...new Set(lines.filter((l) => part.includes(sources.get(l.source.sha256)!)).flatMap((l) => l.claims.map((c) => c.text)))];
    for (const t of chunks(texts)) {
      const rows = await tx.claim.findMany({
        where: { sourceId: { in: part }, text: { in: t } },
        select: { sourceId: true, text: true, spans: { select: { start: true, end: true }, orderBy: { start: "asc" } } },
      });
      for (const r of rows) existing.add(claimKey(r.sourceId, r.text, r.spans));
    }
  }
  const now = new Date();
  type Row = Record<string, string | number | Date | null>;
  const claims: Row[] = [], spans: Row[] = [], attributions: Row[] = [], edits: Row[] = [], reviews: Row[] = [];
  for (const l of lines) {
    const sourceId = sources.get(l.source.sha256)!;
    for (const [i, c] of l.claims.entries()) {
      const key = claimKey(sourceId, c.text, c.spans);
      if (existing.has(key)) {
        counts.claimsExisting++;
        continue;
      }
      existing.add(key);
      const id = newId();
      const speaker = l.speakers[i];
      const personId = !speaker ? null : "id" in speaker ? speaker.id : people.get(foldName(speaker.create))!;
      const reviewed = c.status !== undefined && c.status !== "unreviewed";
      claims.push({ id, text: c.text, asOf: c.asOf ?? null, sourceId, status: reviewed ? c.status! : "unreviewed", version: reviewed ? 2 : 1, createdAt: now, updatedAt: now });
      for (const s of c.spans) spans.push({ id: newId(), claimId: id, sourceId, ...s });
      const role = c.attribution.role ?? null;
      attributions.push({ id: newId(), claimId: id, kind: c.attribution.kind, personId, role });
      const created = { text: c.text, spans: c.spans.map(({ start, end, exact }) => ({ start, end, exact })), attribution: { kind: c.attribution.kind, personId, role } };
      edits.push({ id: newId(), claimId: id, kind: "edit", version: 1, changes: JSON.stringify({ created: { from: null, to: created } }), actorId: actor.id, actorName: actor.name, createdAt: now });
      if (reviewed) {
        reviews.push({ id: newId(), claimId: id, fromStatus: "unreviewed", toStatus: c.status!, rationale: c.rationale ?? null, evidence: "[]", reviewerId: actor.id, reviewerName: actor.name, version: 2, createdAt: now });
      }
    }
  }
  await insertRows(tx, "Claim", claims);
  await insertRows(tx, "Span", spans);
  await insertRows(tx, "Attribution", attributions);
  await insertRows(tx, "ClaimEdit", edits);
  await insertRows(tx, "Review", reviews);
  counts.claimsCreated += claims.length;
  counts.reviews += reviews.length;
  return claims.map((c) => c.id as string);
}
