// `verbatim verify`: re-checks every stored invariant from scratch, independently of
// the write paths and triggers that are meant to guarantee them.
import { PAGE_CHANGE_TRIGGERS } from "../cache/page-change-triggers";
import type { Db } from "../db";
import { sha256Hex } from "../sources/hash";
import { CodePointIndex } from "../spans/codepoints";
import { spanViolations } from "../spans/span";

export const REQUIRED_TRIGGERS = [
  "Source_insert_length",
  "Source_text_immutable",
  "Span_verbatim_insert",
  "Span_verbatim_update",
  "Claim_status_insert",
  "Claim_status_update",
  "Attribution_kind_insert",
  "Attribution_kind_update",
  "Review_status_insert",
  "Review_append_only_update",
  "Review_append_only_delete",
  "ClaimEdit_kind_insert",
  "ClaimEdit_append_only_update",
  "ClaimEdit_append_only_delete",
  "ClaimLink_kind_insert",
  "ClaimLink_kind_update",
  "PersonMerge_append_only_update",
  "PersonMerge_append_only_delete",
  "User_role_insert",
  "User_role_update",
  // The search index (prisma/migrations/*_search), kept in step with every write.
  "ClaimSearch_claim_insert",
  "ClaimSearch_claim_update",
  "ClaimSearch_claim_delete",
  "ClaimSearch_span_insert",
  "ClaimSearch_span_update",
  "ClaimSearch_span_delete",
  "ClaimSearch_attribution_insert",
  "ClaimSearch_attribution_update",
  "ClaimSearch_attribution_delete",
  "ClaimSearch_person_update",
  "ClaimSearch_alias_insert",
  "ClaimSearch_alias_update",
  "ClaimSearch_alias_delete",
  "ClaimSearch_source_update",
  // Sources that change (prisma/migrations/*_source_revisions).
  "SourceEdit_no_update",
  "SourceEdit_no_delete",
  "SourceArchive_immutable",
  "Source_revision_immutable",
  "SourceChange_resolved_final",
  // The similar-claim index (prisma/migrations/*_claim_matching).
  "ClaimMatch_claim_insert",
  "ClaimMatch_claim_update",
  "ClaimMatch_claim_delete",
  "ClaimMatch_span_insert",
  "ClaimMatch_span_update",
  "ClaimMatch_span_delete",
  "ClaimMatch_attribution_insert",
  "ClaimMatch_attribution_update",
  "ClaimMatch_attribution_delete",
  "ClaimMatch_person_update",
  "ClaimMatch_alias_insert",
  "ClaimMatch_alias_update",
  "ClaimMatch_alias_delete",
  "ClaimMatch_source_update",
  ...PAGE_CHANGE_TRIGGERS,
];

export type Violation = { entity: "source" | "span" | "claim" | "database"; id: string; message: string };
export type VerifyReport = { sources: number; spans: number; claims: number; violations: Violation[] };

const BATCH = 200;

export async function verifyDatabase(db: Db): Promise<VerifyReport> {
  const violations: Violation[] = [];
  const report: VerifyReport = { sources: 0, spans: 0, claims: 0, violations };

  const triggers = await db.$queryRaw<{ name: string }[]>`SELECT name FROM sqlite_master WHERE type = 'trigger'`;
  const present = new Set(triggers.map((t) => t.name));
  for (const name of REQUIRED_TRIGGERS) {
    if (!present.has(name)) violations.push({ entity: "database", id: name, message: "invariant trigger is missing" });
  }

  let cursor: string | undefined;
  for (;;) {
    const sources = await db.source.findMany({
      take: BATCH,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      orderBy: { id: "asc" },
      select: {
        id: true,
        text: true,
        sha256: true,
        length: true,
        spans: { select: { id: true, start: true, end: true, exact: true, prefix: true, suffix: true, claim: { select: { sourceId: true } } } },
      },
    });
    if (sources.length === 0) break;
    cursor = sources[sources.length - 1]!.id;
    for (const s of sources) {
      report.sources++;
      const sha = sha256Hex(s.text);
      if (sha !== s.sha256) violations.push({ entity: "source", id: s.id, message: `text hashes to ${sha}, not the stored ${s.sha256}` });
      const index = new CodePointIndex(s.text);
      if (index.length !== s.length) violations.push({ entity: "source", id: s.id, message: `stored length ${s.length} ≠ ${index.length} code points` });
      for (const span of s.spans) {
        report.spans++;
        for (const v of spanViolations(index, span)) violations.push({ entity: "span", id: span.id, message: `source ${s.id}: ${v.message}` });
        if (span.claim.sourceId !== s.id) violations.push({ entity: "span", id: span.id, message: `is in source ${s.id} but its claim is in ${span.claim.sourceId}` });
      }
    }
  }

  report.claims = await db.claim.count();
  const orphans = await db.claim.findMany({
    where: { OR: [{ spans: { none: {} } }, { attribution: null }] },
    select: { id: true },
    take: 1000,
  });
  for (const c of orphans) violations.push({ entity: "claim", id: c.id, message: "has no span or no attribution" });

  // One row per claim in each full-text index. Counting the FTS5 docsize shadow table is a
  // cheap B-tree count; a per-claim comparison would cost a full-text lookup for every claim.
  const [indexed] = await db.$queryRaw<{ search: number | bigint; match: number | bigint }[]>`
    SELECT (SELECT count(*) FROM "ClaimSearch_docsize") AS search, (SELECT count(*) FROM "ClaimMatch_docsize") AS match`;
  for (const [id, what, rows] of [["ClaimSearch", "search", indexed?.search], ["ClaimMatch", "similar-claim", indexed?.match]] as const) {
    if (Number(rows ?? 0) !== report.claims) {
      violations.push({ entity: "database", id, message: `${what} index has ${Number(rows ?? 0)} rows for ${report.claims} claims` });
    }
  }
  violations.push(...(await revisionViolations(db)));
  return report;
}

/** Revision chains without cycles, and the "source changed" flag equal to an open source change. */
async function revisionViolations(db: Db): Promise<Violation[]> {
  const out: Violation[] = [];
  const links = new Map((await db.source.findMany({ where: { revisionOf: { not: null } }, select: { id: true, revisionOf: true } })).map((s) => [s.id, s.revisionOf!]));
  for (const id of links.keys()) {
    const seen = new Set([id]);
    for (let cur = links.get(id); cur !== undefined; cur = links.get(cur)) {
      if (seen.has(cur)) {
        out.push({ entity: "source", id, message: "its revision links go round in a circle" });
        break;
      }
      seen.add(cur);
    }
  }
  const flagged = await db.claim.findMany({ where: { sourceChanged: true }, select: { id: true, sourceChanges: { where: { state: "open" }, select: { id: true } } } });
  for (const c of flagged) if (c.sourceChanges.length !== 1) out.push({ entity: "claim", id: c.id, message: `is flagged "source changed" with ${c.sourceChanges.length} open source changes` });
  const open = await db.sourceChange.findMany({ where: { state: "open", claim: { sourceChanged: false } }, select: { claimId: true } });
  for (const c of open) out.push({ entity: "claim", id: c.claimId, message: 'has an open source change but is not flagged "source changed"' });
  return out;
}
