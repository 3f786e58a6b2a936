import type { DbTx } from "../db";
import { newId } from "../ids";
import { cpLength, isWellFormed } from "../spans/codepoints";
import { parseInput } from "../validation";
import { AppError } from "../errors";
import { sha256Hex } from "./hash";
import { republishedFromJson } from "./republished";
import { createSourceInput, type CreateSourceInput } from "./schemas";

/**
 * Stores a source's text, verbatim and hashed. The same text added again returns the
 * existing source (`created: false`) instead of a duplicate.
 */
export async function createSource(
  db: DbTx,
  input: CreateSourceInput,
  extras: { metadataOrigin?: Record<string, string>; revisionOf?: string } = {},
): Promise<{ id: string; sha256: string; created: boolean }> {
  const data = parseInput(createSourceInput, input, "unprocessable");
  if (!isWellFormed(data.text)) throw new AppError("unprocessable", "Source text contains an unpaired surrogate.");
  const sha256 = sha256Hex(data.text);
  const existing = await db.source.findUnique({ where: { sha256 }, select: { id: true } });
  if (existing) return { id: existing.id, sha256, created: false };
  const source = await db.source.create({
    data: {
      id: data.id ?? newId(),
      title: data.title ?? null,
      publisher: data.publisher ?? null,
      author: data.author ?? null,
      url: data.url ?? null,
      publishedAt: data.publishedAt ?? null,
      retrievedAt: data.retrievedAt ? new Date(data.retrievedAt) : null,
      language: data.language ?? null,
      republishedFrom: republishedFromJson(data.republishedFrom ?? null),
      text: data.text,
      sha256,
      length: cpLength(data.text),
      metadataOrigin: JSON.stringify(extras.metadataOrigin ?? {}),
      revisionOf: extras.revisionOf ?? null,
    },
    select: { id: true },
  });
  return { id: source.id, sha256, created: true };
}
