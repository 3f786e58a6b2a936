import type { Actor } from "../auth/actor";
import type { Db } from "../db";
import { AppError, notFound } from "../errors";
import { newId } from "../ids";
import { parseInput } from "../validation";
import { getSource, type SourceDetail } from "./get-source";
import { parseMetadataOrigin } from "./metadata-origin";
import { parseRepublishedFrom, republishedFromJson } from "./republished";
import { METADATA_FIELDS, type MetadataField, updateSourceInput } from "./schemas";
import { bumpSourceVersion } from "./source-version";

type Value = string | null | ReturnType<typeof parseRepublishedFrom>;

/**
 * An editor changes a source's metadata, only at the version they saw (409 otherwise).
 * The text and its hash never change (a trigger refuses it). The before and after of
 * every changed field go into the source's history, and each changed field's origin
 * becomes "editor".
 */
export async function updateSource(db: Db, options: { actor: Actor; sourceId: string; input: unknown }): Promise<SourceDetail> {
  const { sourceId, actor } = options;
  const input = parseInput(updateSourceInput, options.input, "unprocessable");
  await db.$transaction(async (tx) => {
    const row = await tx.source.findUnique({
      where: { id: sourceId },
      select: { title: true, publisher: true, author: true, url: true, publishedAt: true, retrievedAt: true, language: true, republishedFrom: true, version: true, metadataOrigin: true },
    });
    if (!row) throw notFound("source", sourceId);
    if (row.version !== input.expectedVersion) await bumpSourceVersion(tx, sourceId, input.expectedVersion);
    const before: Record<MetadataField, Value> = {
      ...row,
      retrievedAt: row.retrievedAt?.toISOString() ?? null,
      republishedFrom: parseRepublishedFrom(row.republishedFrom),
    };
    const after: Partial<Record<MetadataField, Value>> = {
      ...input,
      ...(input.retrievedAt && { retrievedAt: new Date(input.retrievedAt).toISOString() }),
    };
    const changes: Record<string, { from: Value; to: Value }> = {};
    for (const field of METADATA_FIELDS) {
      const to = after[field];
      if (to === undefined) continue;
      if (JSON.stringify(to) !== JSON.stringify(before[field])) changes[field] = { from: before[field], to };
    }
    if (Object.keys(changes).length === 0) throw new AppError("unprocessable", "Nothing to change: the source already says that.");

    const origin = parseMetadataOrigin(row.metadataOrigin);
    for (const field of Object.keys(changes)) origin[field] = "editor";
    const data: Record<string, unknown> = { metadataOrigin: JSON.stringify(origin) };
    for (const [field, { to }] of Object.entries(changes)) {
      if (field === "republishedFrom") data.republishedFrom = republishedFromJson(to as ReturnType<typeof parseRepublishedFrom>);
      else if (field === "retrievedAt") data.retrievedAt = to === null ? null : new Date(to as string);
      else data[field] = to;
    }
    const { version } = await bumpSourceVersion(tx, sourceId, input.expectedVersion, data);
    await tx.sourceEdit.create({
      data: { id: newId(), sourceId, kind: "edit", version, changes: JSON.stringify(changes), actorId: actor.id, actorName: actor.name },
    });
  });
  return getSource(db, sourceId);
}
