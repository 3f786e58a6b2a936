import type { Actor } from "../auth/actor";
import type { Db, DbTx } from "../db";
import { AppError, notFound } from "../errors";
import { newId } from "../ids";
import { createSource } from "../sources/create-source";
import type { ArchiveData } from "../sources/fetch-source";
import { sha256Hex } from "../sources/hash";
import { parseRepublishedFrom } from "../sources/republished";
import { parseMetadataOrigin } from "../sources/metadata-origin";
import { checkSourceSize, pastedText, textFromHtml } from "../sources/source-text-input";
import { storeArchive } from "../sources/store-archive";
import { parseInput } from "../validation";
import { fetchRevisionText } from "./fetch-revision-text";
import { fetchTargetOf } from "./fetch-target-of";
import { reanchorClaims, type ReanchorSummary } from "./reanchor-claims";
import { reviseSourceInput } from "./schemas";

export type RevisionResult = { sourceId: string; revisionOf: string; reanchor: ReanchorSummary; archived: boolean };

/** The new revision's text (and archive, when fetched). */
async function newText(db: DbTx, sourceId: string, input: ReturnType<typeof reviseSourceInput.parse>, signal?: AbortSignal): Promise<{ text: string; archive?: ArchiveData }> {
  if (input.text !== undefined) return { text: pastedText(input.text) };
  if (input.html !== undefined) return { text: (await textFromHtml(input.html, signal)).text };
  const target = await fetchTargetOf(db, sourceId);
  if (target === null) throw new AppError("unprocessable", "fetch: this source has no URL to fetch; paste the new revision's text instead.");
  const fetched = await fetchRevisionText(target.url, {}, signal);
  if (fetched.notModified) throw new Error("unreachable: an unconditional GET answered 304");
  return fetched;
}

/**
 * Records a new revision of a source: a new immutable source (its own text, hash,
 * retrieval time and, when fetched, archive) linked to the previous one, with the same
 * metadata, then re-anchors the claims (reanchor-claims.ts) in the same transaction.
 * Only the newest revision can be revised (409 otherwise); an unchanged text is a 422,
 * and a text already stored as another source a 409 naming it.
 */
export async function reviseSource(
  db: Db,
  options: { actor: Pick<Actor, "name"> & { id: string | null }; sourceId: string; input?: unknown; text?: { text: string; archive?: ArchiveData }; signal?: AbortSignal },
): Promise<RevisionResult> {
  const prev = await db.source.findUnique({
    where: { id: options.sourceId },
    select: { id: true, sha256: true, url: true, title: true, publisher: true, author: true, publishedAt: true, language: true, republishedFrom: true, metadataOrigin: true, nextRevision: { select: { id: true } } },
  });
  if (!prev) throw notFound("source", options.sourceId);
  if (prev.nextRevision) throw new AppError("conflict", `Source "${prev.id}" already has a newer revision, "${prev.nextRevision.id}"; revise the newest one.`, { newestRevisionId: prev.nextRevision.id });
  const { text, archive } = options.text ?? (await newText(db, prev.id, parseInput(reviseSourceInput, options.input, "unprocessable"), options.signal));
  checkSourceSize(text, "The new revision's text");
  const sha256 = sha256Hex(text);
  if (sha256 === prev.sha256) throw new AppError("unprocessable", "The new text is the same as this revision's: nothing to record.", { reason: "unchanged" });
  const other = await db.source.findUnique({ where: { sha256 }, select: { id: true } });
  if (other) throw new AppError("conflict", `That text is already stored as source "${other.id}"; a revision must be a text not stored before.`, { sourceId: other.id });

  return db.$transaction(async (tx) => {
    const { republishedFrom, metadataOrigin, nextRevision: _n, sha256: _s, id: _i, ...metadata } = prev;
    const retrievedAt = (archive?.fetchedAt ?? new Date()).toISOString();
    const { id, created } = await createSource(
      tx,
      { ...metadata, retrievedAt, text, republishedFrom: parseRepublishedFrom(republishedFrom) },
      { metadataOrigin: { ...parseMetadataOrigin(metadataOrigin), retrievedAt: archive ? "fetch" : "editor" }, revisionOf: prev.id },
    );
    // Stored meanwhile by someone else (the check above ran before this transaction).
    if (!created) throw new AppError("conflict", `That text is already stored as source "${id}"; a revision must be a text not stored before.`, { sourceId: id });
    const archived = archive ? await storeArchive(tx, id, archive) : false;
    const actor = { actorId: options.actor.id, actorName: options.actor.name };
    const versions = await tx.source.findMany({ where: { id: { in: [prev.id, id] } }, select: { id: true, version: true } });
    const versionOf = (sid: string) => versions.find((v) => v.id === sid)!.version;
    await tx.sourceEdit.createMany({
      data: [
        { id: newId(), sourceId: prev.id, kind: "revision", version: versionOf(prev.id), changes: JSON.stringify({ nextRevision: { from: null, to: id } }), ...actor },
        { id: newId(), sourceId: id, kind: "revision", version: versionOf(id), changes: JSON.stringify({ revisionOf: { from: null, to: prev.id } }), ...actor },
      ],
    });
    const reanchor = await reanchorClaims(tx, { fromSourceId: prev.id, toSourceId: id, newText: text, actor: options.actor });
    return { sourceId: id, revisionOf: prev.id, reanchor, archived };
  });
}
