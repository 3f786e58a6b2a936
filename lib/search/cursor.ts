import { AppError } from "../errors";

// Search results are ordered by relevance, which has no stable key to continue from, so
// the cursor is an offset into the match window — plus what pins that window: its newest
// rowid (claims indexed later are not mixed into later pages) and whether the last word
// matched as a prefix.
export type SearchCursor = { offset: number; ceiling: number; prefix: boolean };

export function encodeSearchCursor(c: SearchCursor): string {
  return Buffer.from(JSON.stringify([c.offset, c.ceiling, c.prefix ? 1 : 0])).toString("base64url");
}

export function decodeSearchCursor(s: string, maxOffset: number): SearchCursor {
  try {
    const v: unknown = JSON.parse(Buffer.from(s, "base64url").toString("utf8"));
    if (Array.isArray(v) && v.length === 3 && v.every((n) => Number.isSafeInteger(n) && (n as number) >= 0)) {
      const [offset, ceiling, prefix] = v as [number, number, number];
      if (offset <= maxOffset && prefix <= 1) return { offset, ceiling, prefix: prefix === 1 };
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError("bad_request", "cursor: not a cursor returned by this search.");
}
