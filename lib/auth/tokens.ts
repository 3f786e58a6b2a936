// Personal API tokens for `Authorization: Bearer`. A token is 32 random bytes; only its
// SHA-256 is stored, so a leaked database does not leak usable tokens.
import { createHash, randomBytes } from "node:crypto";
import type { DbTx } from "../db";
import { AppError } from "../errors";
import { newId } from "../ids";

const TOKEN_PREFIX = "vbt_";
const TOKEN_PATTERN = /^vbt_[A-Za-z0-9_-]{43}$/;

export const hashToken = (token: string): string => createHash("sha256").update(token, "utf8").digest("hex");

export type ApiTokenInfo = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };
const INFO = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

/** Creates a token for a user; the token itself is returned once and never stored. */
export async function createApiToken(db: DbTx, options: { userId: string; name: string }): Promise<{ token: string; info: ApiTokenInfo }> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const info = await db.apiToken.create({
    data: { id: newId(), userId: options.userId, name: options.name, tokenHash: hashToken(token), prefix: token.slice(0, 10) },
    select: INFO,
  });
  return { token, info };
}

export function listApiTokens(db: DbTx, userId: string): Promise<ApiTokenInfo[]> {
  return db.apiToken.findMany({ where: { userId }, select: INFO, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

/** Revokes a token (kept, marked revoked, so the list shows what existed). */
export async function revokeApiToken(db: DbTx, options: { id: string; userId?: string }): Promise<ApiTokenInfo> {
  const token = await db.apiToken.findUnique({ where: { id: options.id }, select: { userId: true, revokedAt: true } });
  if (!token || (options.userId !== undefined && token.userId !== options.userId)) {
    throw new AppError("not_found", `No API token with id "${options.id}".`);
  }
  return db.apiToken.update({ where: { id: options.id }, data: { revokedAt: token.revokedAt ?? new Date() }, select: INFO });
}

/** Revokes every live token of a user (after a password change: a leaked token must not outlive it). */
export async function revokeAllApiTokens(db: DbTx, userId: string): Promise<void> {
  await db.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** The user a bearer token belongs to, or null for an unknown, malformed or revoked token. */
export async function userForToken(db: DbTx, token: string): Promise<{ id: string; name: string; email: string; role: string } | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, name: true, email: true, role: true } } },
  });
  if (!row || row.revokedAt) return null;
  // Record use at most once a minute, so reads do not turn into writes on every call.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return row.user;
}
