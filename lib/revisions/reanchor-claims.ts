// When a source gets a new revision, every claim on the previous revision (and every
// claim still waiting on an older one) is re-anchored to the new text: a claim whose
// spans are all `exact` or `moved` (the same quote) moves to the new revision, recorded
// in its history; any other claim stays where it is and is flagged "source changed" (an
// open SourceChange) until an editor resolves it. Nothing is re-pointed silently.
import type { Actor } from "../auth/actor";
import { bumpVersion } from "../claims/bump-version";
import { recordEdit } from "../claims/record-edit";
import type { DbTx } from "../db";
import { newId } from "../ids";
import { CodePointIndex } from "../spans/codepoints";
import { reanchorSpans, type Reanchored } from "../spans/reanchor/reanchor";
import { spanAt } from "../spans/span";

export type SpanOutcome = { status: Reanchored["status"]; old: { start: number; end: number; exact: string }; new?: { start: number; end: number; exact: string }; score?: number };
export type ReanchorSummary = { carried: string[]; flagged: string[] };

const CARRIED = new Set(["exact", "moved"]);

/** Claims that follow `fromSourceId`'s text: those on it, and those waiting on it from older revisions. */
async function claimsToReanchor(tx: DbTx, fromSourceId: string) {
  const waiting = await tx.sourceChange.findMany({ where: { toSourceId: fromSourceId, state: "open" }, select: { claimId: true } });
  return tx.claim.findMany({
    where: { OR: [{ sourceId: fromSourceId }, { id: { in: waiting.map((w) => w.claimId) } }] },
    orderBy: { id: "asc" },
    select: {
      id: true, version: true, sourceId: true,
      spans: { orderBy: [{ start: "asc" }, { end: "asc" }], select: { start: true, end: true, exact: true } },
    },
  });
}

/**
 * Each claim's spans re-anchored, in its span order: one call of the core per old text, so
 * the word diff between two texts is computed once, not once per claim.
 */
async function reanchorAll(tx: DbTx, claims: Awaited<ReturnType<typeof claimsToReanchor>>, newText: string): Promise<Map<string, Reanchored[]>> {
  const out = new Map<string, Reanchored[]>();
  const bySource = new Map<string, typeof claims>();
  for (const c of claims) bySource.set(c.sourceId, [...(bySource.get(c.sourceId) ?? []), c]);
  const texts = await tx.source.findMany({ where: { id: { in: [...bySource.keys()] } }, select: { id: true, text: true } });
  for (const { id, text } of texts) {
    const group = bySource.get(id)!;
    const results = reanchorSpans(text, newText, group.flatMap((c) => c.spans));
    let at = 0;
    for (const c of group) {
      out.set(c.id, results.slice(at, at + c.spans.length));
      at += c.spans.length;
    }
  }
  return out;
}

export async function reanchorClaims(
  tx: DbTx,
  opts: { fromSourceId: string; toSourceId: string; newText: string; actor: Pick<Actor, "name"> & { id: string | null } },
): Promise<ReanchorSummary> {
  const summary: ReanchorSummary = { carried: [], flagged: [] };
  const newIndex = new CodePointIndex(opts.newText);
  const claims = await claimsToReanchor(tx, opts.fromSourceId);
  const results = await reanchorAll(tx, claims, opts.newText);
  for (const claim of claims) {
    const claimId = claim.id;
    const outcomes: SpanOutcome[] = claim.spans.map((old, i) => {
      const r = results.get(claimId)![i]!;
      return { status: r.status, old, ...(r.start !== undefined && r.end !== undefined && { new: { start: r.start, end: r.end, exact: r.exact! } }), ...(r.score !== undefined && { score: r.score }) };
    });
    // An older open change is replaced by this one: the claim now waits on the newest text.
    await tx.sourceChange.updateMany({ where: { claimId, state: "open" }, data: { state: "superseded", resolvedAt: new Date() } });
    if (outcomes.every((o) => CARRIED.has(o.status))) {
      const spans = outcomes.map((o) => spanAt(newIndex, o.new!.start, o.new!.end));
      await tx.span.deleteMany({ where: { claimId } });
      const { version } = await bumpVersion(tx, claimId, claim.version, { sourceChanged: false });
      await tx.claim.update({ where: { id: claimId }, data: { sourceId: opts.toSourceId } });
      await tx.span.createMany({ data: spans.map((s) => ({ id: newId(), claimId, sourceId: opts.toSourceId, ...s })) });
      await recordEdit(tx, {
        claimId,
        version,
        kind: "source-revision",
        changes: {
          source: { from: claim.sourceId, to: opts.toSourceId },
          anchors: { from: claim.spans, to: outcomes.map((o) => ({ ...o.new!, status: o.status })) },
        },
        actor: opts.actor,
      });
      summary.carried.push(claimId);
    } else {
      await tx.sourceChange.create({
        data: { id: newId(), claimId, fromSourceId: claim.sourceId, toSourceId: opts.toSourceId, spans: JSON.stringify(outcomes) },
      });
      await tx.claim.update({ where: { id: claimId }, data: { sourceChanged: true } });
      summary.flagged.push(claimId);
    }
  }
  return summary;
}
