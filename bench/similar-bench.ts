// Similar claims in the benchmark: the texts the load rotates over (the text of sampled
// claims, as an editor writing the same fact again would type it) and the floor — the
// app's own matching (lib/match) called in-process on a read connection, with no HTTP and
// no Next. The HTTP floor server answers /api/similar and /api/claims/:id/similar with it.
import { type ReadDb, readDbFor } from "../lib/db-read";
import { similarToClaim, similarToText } from "../lib/match/similar-to-claim";
import { databaseUrl } from "./server";

export const similarTextPaths = (texts: string[]) => texts.map((t) => `/api/similar?${new URLSearchParams({ text: t, limit: "10" })}`);
export const similarClaimPaths = (ids: string[]) => ids.map((id) => `/api/claims/${encodeURIComponent(id)}/similar?limit=10`);

export class SimilarFloor {
  private readonly read: ReadDb;

  private readonly url: string;

  /** `file`: the bench database, a SQLite file or a database URL. */
  constructor(file: string) {
    this.url = databaseUrl(file);
    this.read = readDbFor(this.url);
  }

  /** Answers a path of similarTextPaths or similarClaimPaths; null for any other. */
  async answer(path: string): Promise<unknown> {
    const url = new URL(path, "http://127.0.0.1");
    const params = Object.fromEntries(url.searchParams);
    if (url.pathname === "/api/similar") return { items: await similarToText(this.read, params, this.url) };
    const m = /^\/api\/claims\/([^/]+)\/similar$/.exec(url.pathname);
    return m ? { items: await similarToClaim(this.read, decodeURIComponent(m[1]!), params, this.url) } : null;
  }
}
