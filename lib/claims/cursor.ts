import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";

// Keyset pagination over (createdAt desc, id desc): stable while claims are added.
export type Cursor = { createdAt: Date; id: string };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.createdAt.toISOString(), c.id])).toString("base64url");
}

export function decodeCursor(s: string): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(s, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === "string" && typeof parsed[1] === "string") {
      const createdAt = new Date(parsed[0]);
      if (!Number.isNaN(createdAt.getTime())) return { createdAt, id: parsed[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError("bad_request", "cursor: not a cursor returned by this API.");
}

/** Claims strictly after `c` in (createdAt desc, id desc) order. */
export function afterCursor(c: Cursor): Prisma.ClaimWhereInput {
  return {
    // The redundant `lte` bound gives SQLite a starting point in the (createdAt, id)
    // index; without it the OR alone walks the index from the top (slow deep pages).
    createdAt: { lte: c.createdAt },
    OR: [{ createdAt: { lt: c.createdAt } }, { createdAt: c.createdAt, id: { lt: c.id } }],
  };
}
