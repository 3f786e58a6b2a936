import type { DbTx } from "../db";
import { AppError } from "../errors";
import { field } from "../http/form-state";
import { claimIdFromReference } from "../links/link-text";
import { findSourceByReference } from "../sources/find-source-by-reference";
import { CLAIM_STATUSES } from "../claims/schemas";

/** Most evidence rows a form may carry (the API's own limit). */
export const MAX_EVIDENCE_ROWS = 20;

/** How many evidence rows the form shows (its hidden counter, within limits). */
export function evidenceRowCount(values: Record<string, string>): number {
  const n = Number.parseInt(values.evidenceRows ?? "", 10);
  return Number.isFinite(n) ? Math.min(MAX_EVIDENCE_ROWS, Math.max(0, n)) : 0;
}

export const NO_VERDICT_MESSAGE = "Choose a verdict (Supported, Disputed, Stale or Unreviewed) before saving.";

/**
 * The review form's fields as the API's review input. Evidence rows are numbered from
 * 1 in messages, as the editor sees them; empty rows are ignored; a source is found by
 * its title (lib/sources/find-source-by-reference).
 */
export async function reviewFormInput(db: DbTx, form: FormData): Promise<{ claimId: string; input: unknown }> {
  const status = field(form, "status");
  if (!(CLAIM_STATUSES as readonly string[]).includes(status)) throw new AppError("unprocessable", NO_VERDICT_MESSAGE);
  const evidence: unknown[] = [];
  const rows = evidenceRowCount({ evidenceRows: field(form, "evidenceRows") });
  for (let i = 0; i < rows; i++) {
    const what = `Evidence ${i + 1}`;
    const type = field(form, `evidence-type-${i}`);
    const value = field(form, `evidence-value-${i}`).trim();
    const source = field(form, `evidence-source-${i}`);
    if (!value && !source.trim()) continue;
    if (type === "url") {
      if (!/^https?:\/\/\S+$/i.test(value)) throw new AppError("unprocessable", `${what}: enter a web address starting with http:// or https://.`);
      evidence.push({ type: "url", url: value });
    } else if (type === "claim") {
      if (!value) throw new AppError("unprocessable", `${what}: paste a link to the other claim's page.`);
      evidence.push({ type: "claim", claimId: claimIdFromReference(value) });
    } else if (type === "span") {
      const sourceId = await findSourceByReference(db, source, what);
      // The quote exactly as typed (not trimmed): it is located in the source verbatim.
      const exact = field(form, `evidence-value-${i}`);
      if (!exact.trim()) throw new AppError("unprocessable", `${what}: type the exact words quoted from the source.`);
      evidence.push({ type: "span", sourceId, span: { exact } });
    } else {
      throw new AppError("unprocessable", `${what}: choose what kind of evidence it is.`);
    }
  }
  const rationale = field(form, "rationale").trim();
  return {
    claimId: field(form, "claimId"),
    input: { status, rationale: rationale || null, evidence, expectedVersion: Number(field(form, "expectedVersion")) },
  };
}
