import type { Db, DbTx } from "../db";
import { AppError, notFound } from "../errors";
import { newId } from "../ids";
import { resolveSpans } from "../spans/resolve-spans";
import { parseInput } from "../validation";
import { createClaimInput, type CreateClaimInput } from "./schemas";

/**
 * Creates a claim with its spans and attribution inside the caller's transaction.
 * Every span is located in the claim's source here, and the database re-checks it.
 */
export async function createClaimIn(tx: DbTx, input: CreateClaimInput): Promise<{ id: string }> {
  const data = parseInput(createClaimInput, input, "unprocessable");
  const source = await tx.source.findUnique({ where: { id: data.sourceId }, select: { id: true, text: true } });
  if (!source) throw new AppError("unprocessable", `sourceId: no source with id "${data.sourceId}".`);
  const { personId } = data.attribution;
  if (personId && !(await tx.person.findUnique({ where: { id: personId }, select: { id: true } }))) {
    throw new AppError("unprocessable", `attribution.personId: ${notFound("person", personId).message}`);
  }
  const spans = resolveSpans(source.text, data.spans);
  const id = data.id ?? newId();
  await tx.claim.create({
    data: {
      id,
      text: data.text,
      asOf: data.asOf ?? null,
      sourceId: source.id,
      spans: { create: spans.map((s) => ({ id: newId(), sourceId: source.id, ...s })) },
      attribution: {
        create: { id: newId(), kind: data.attribution.kind, personId: personId ?? null, role: data.attribution.role ?? null },
      },
    },
  });
  return { id };
}

/** Creates a claim in its own transaction: all of it is stored, or nothing. */
export function createClaim(db: Db, input: CreateClaimInput): Promise<{ id: string }> {
  return db.$transaction((tx) => createClaimIn(tx, input));
}
