import { AppError } from "../errors";
import type { ReadDb } from "../db-read";
import { getSourceForPage } from "../sources/get-source-for-page";
import { readRevisions } from "./read-revisions";
import { formerClaimSpans } from "./former-claims";
import { wordDiff } from "./word-diff";

/**
 * Two revisions of one document and the word diff between them: `from` (default: the
 * revision before `id`) and `to` = `id`. Both must belong to the same revision chain.
 * Each side's claim spans are those of the claims on it now and of those that were on it
 * and moved to a newer revision (where they were then).
 */
export async function getRevisionDiff(read: ReadDb, id: string, fromId?: string | null) {
  const revisions = await readRevisions(read, id);
  const to = revisions.find((r) => r.id === id)!;
  const fromSummary = fromId ? revisions.find((r) => r.id === fromId) : revisions[to.number - 2];
  if (!fromSummary) {
    throw new AppError(
      "not_found",
      fromId ? `"${fromId}" is not a revision of the same source.` : `Source "${id}" is its first revision: there is nothing to compare it with.`,
    );
  }
  const [oldSource, newSource] = [await getSourceForPage(read, fromSummary.id), await getSourceForPage(read, id)];
  const spansOn = async (s: typeof oldSource) => [
    ...s.claims.flatMap((c) => c.spans.map((sp) => ({ claimId: c.id, status: c.status, start: sp.start, end: sp.end }))),
    ...(await formerClaimSpans(read, s.id)),
  ];
  return {
    revisions,
    from: { ...fromSummary, source: oldSource, claimSpans: await spansOn(oldSource) },
    to: { ...to, source: newSource, claimSpans: await spansOn(newSource) },
    diff: wordDiff(oldSource.text, newSource.text),
  };
}
