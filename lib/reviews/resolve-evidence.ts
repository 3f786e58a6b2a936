import type { DbTx } from "../db";
import { AppError } from "../errors";
import { resolveSpans } from "../spans/resolve-spans";
import type { Evidence, EvidenceInput } from "./schemas";

/**
 * Checks every evidence reference and stores spans verbatim (offsets, exact text and
 * context), so evidence keeps pointing at the same characters. 422 names the item.
 */
export async function resolveEvidence(tx: DbTx, items: EvidenceInput[]): Promise<Evidence[]> {
  const out: Evidence[] = [];
  for (const [i, item] of items.entries()) {
    const note = item.note ? { note: item.note } : {};
    if (item.type === "url") {
      out.push({ type: "url", url: item.url, ...note });
    } else if (item.type === "claim") {
      const claim = await tx.claim.findUnique({ where: { id: item.claimId }, select: { id: true, text: true } });
      if (!claim) throw new AppError("unprocessable", `evidence.${i}: no claim with id "${item.claimId}".`);
      out.push({ type: "claim", claimId: claim.id, text: claim.text, ...note });
    } else {
      const source = await tx.source.findUnique({ where: { id: item.sourceId }, select: { text: true } });
      if (!source) throw new AppError("unprocessable", `evidence.${i}: no source with id "${item.sourceId}".`);
      try {
        const [span] = resolveSpans(source.text, [item.span]);
        out.push({ type: "span", sourceId: item.sourceId, ...span!, ...note });
      } catch (err) {
        if (err instanceof AppError) throw new AppError(err.code, `evidence.${i}: ${err.message.replace(/^spans\.0: /, "")}`, err.details);
        throw err;
      }
    }
  }
  return out;
}
