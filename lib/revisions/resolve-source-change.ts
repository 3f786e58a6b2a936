import type { Actor } from "../auth/actor";
import { bumpVersion } from "../claims/bump-version";
import { getClaim, type ClaimDetail } from "../claims/get-claim";
import { recordEdit } from "../claims/record-edit";
import type { Db, DbTx } from "../db";
import { AppError, notFound } from "../errors";
import { newId } from "../ids";
import { recordReviewIn } from "../reviews/record-review";
import type { Evidence } from "../reviews/schemas";
import { CodePointIndex } from "../spans/codepoints";
import { resolveSpans } from "../spans/resolve-spans";
import { spanAt, type SpanText } from "../spans/span";
import { parseInput } from "../validation";
import type { SpanOutcome } from "./reanchor-claims";
import { resolveSourceChangeInput } from "./schemas";

/** The claim's open source change, or a 409: there is nothing to resolve. */
async function openChange(tx: DbTx, claimId: string) {
  const change = await tx.sourceChange.findFirst({ where: { claimId, state: "open" }, select: { id: true, fromSourceId: true, toSourceId: true, spans: true } });
  if (!change) throw new AppError("conflict", `Claim "${claimId}" has no unresolved source change.`);
  return { ...change, spans: JSON.parse(change.spans) as SpanOutcome[] };
}

/** Moves the claim to the new revision with `spans`, recorded as an edit (a changed quote outdates a verdict). */
async function moveClaim(tx: DbTx, claimId: string, expectedVersion: number, change: { fromSourceId: string; toSourceId: string }, spans: SpanText[], actor: Actor) {
  const claim = await tx.claim.findUniqueOrThrow({ where: { id: claimId }, select: { status: true, spans: { orderBy: { start: "asc" }, select: { start: true, end: true, exact: true } } } });
  const quotesChanged = claim.spans.map((s) => s.exact).join("\u0000") !== spans.map((s) => s.exact).join("\u0000");
  await tx.span.deleteMany({ where: { claimId } });
  const { version } = await bumpVersion(tx, claimId, expectedVersion, {
    sourceChanged: false,
    ...(quotesChanged && claim.status !== "unreviewed" ? { changedSinceVerdict: true } : {}),
  });
  await tx.claim.update({ where: { id: claimId }, data: { sourceId: change.toSourceId } });
  await tx.span.createMany({ data: spans.map((s) => ({ id: newId(), claimId, sourceId: change.toSourceId, ...s })) });
  const to = spans.map(({ start, end, exact }) => ({ start, end, exact }));
  await recordEdit(tx, {
    claimId,
    version,
    changes: { source: { from: change.fromSourceId, to: change.toSourceId }, ...(quotesChanged ? { spans: { from: claim.spans, to } } : { anchors: { from: claim.spans, to } }) },
    actor,
  });
}

/**
 * An editor resolves a claim flagged "source changed", at the version they saw (409
 * otherwise): confirm the re-anchored spans (only when every span was found), place the
 * spans by hand in the new revision, or keep the claim on its old revision and mark it
 * stale with the new revision as evidence. The change is closed with who did what.
 */
export async function resolveSourceChange(db: Db, options: { actor: Actor; claimId: string; input: unknown }): Promise<ClaimDetail> {
  const { actor, claimId } = options;
  if (!(await db.claim.findUnique({ where: { id: claimId }, select: { id: true } }))) throw notFound("claim", claimId);
  const input = parseInput(resolveSourceChangeInput, options.input, "unprocessable");
  await db.$transaction(async (tx) => {
    const change = await openChange(tx, claimId);
    const current = await tx.claim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true } });
    if (current.version !== input.expectedVersion) await bumpVersion(tx, claimId, input.expectedVersion);
    const newText = (await tx.source.findUniqueOrThrow({ where: { id: change.toSourceId }, select: { text: true } })).text;
    if (input.action === "confirm") {
      const missing = change.spans.filter((s) => !s.new);
      if (missing.length > 0) {
        throw new AppError("unprocessable", `${missing.length} of the claim's quotes were not found in the new revision; place them by hand (reanchor) or mark the claim stale.`, {
          orphaned: missing.map((s) => s.old),
        });
      }
      const index = new CodePointIndex(newText);
      await moveClaim(tx, claimId, input.expectedVersion, change, change.spans.map((s) => spanAt(index, s.new!.start, s.new!.end)), actor);
    } else if (input.action === "reanchor") {
      await moveClaim(tx, claimId, input.expectedVersion, change, resolveSpans(newText, input.spans), actor);
    } else {
      await recordReviewIn(tx, {
        claimId,
        toStatus: "stale",
        rationale: input.rationale,
        evidence: [{ type: "source", sourceId: change.toSourceId, note: "The newer revision of the source, which changed or dropped the quoted words." } satisfies Evidence],
        expectedVersion: input.expectedVersion,
        reviewer: { id: actor.id, name: actor.name },
      });
      await tx.claim.update({ where: { id: claimId }, data: { sourceChanged: false } });
    }
    const state = input.action === "confirm" ? "confirmed" : input.action === "reanchor" ? "reanchored" : "stale";
    await tx.sourceChange.update({ where: { id: change.id }, data: { state, resolvedById: actor.id, resolvedByName: actor.name, resolvedAt: new Date() } });
  });
  return getClaim(db, claimId);
}
