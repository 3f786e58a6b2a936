// `verbatim verify`: re-checks every stored invariant from scratch, independently of
// the write paths and triggers that are meant to guarantee them.
import type { Db } from "../db";
import { dbEngine } from "../db";
import { PG_ONLY_TRIGGERS, REQUIRED_TRIGGERS } from "./required-triggers";
import { indexRowCounts, triggerNames } from "./verify-sql";
import { sha256Hex } from "../sources/hash";
import { CodePointIndex } from "../spans/codepoints";
import { spanViolations } from "../spans/span";


export type Violation = { entity: "source" | "span" | "claim" | "database"; id: string; message: string };
export type VerifyReport = { sources: number; spans: number; claims: number; violations: Violation[] };

const BATCH = 200;

export async function verifyDatabase(db: Db): Promise<VerifyReport> {
  const violations: Violation[] = [];
  const report: VerifyReport = { sources: 0, spans: 0, claims: 0, violations };

  const present = await triggerNames(db);
  for (const name of [...REQUIRED_TRIGGERS, ...(dbEngine(db) === "postgres" ? PG_ONLY_TRIGGERS : [])]) {
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

  // One row per claim in each full-text index.
  const indexed = await indexRowCounts(db);
  for (const [id, what, rows] of [["ClaimSearch", "search", indexed.search], ["ClaimMatch", "similar-claim", indexed.match]] as const) {
    if (rows !== undefined && rows !== report.claims) {
      violations.push({ entity: "database", id, message: `${what} index has ${rows} rows for ${report.claims} claims` });
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
