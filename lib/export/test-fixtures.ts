// Test fixtures: every seeded claim as an ExportClaim, built from seeds/manifest.json and
// the seed texts with the real span resolver, so the exporters are tested against the
// same data the app serves without a database. Timestamps are fixed (deterministic output).
import { readFileSync } from "node:fs";
import path from "node:path";
import { seedManifest } from "../seed/manifest-schema";
import { resolveSpans } from "../spans/resolve-spans";
import type { ExportClaim, ExportContext } from "./types";

export const SEEDS_DIR = path.resolve(import.meta.dirname, "..", "..", "seeds");
export const SHARED_DIR = path.resolve(import.meta.dirname, "..", "..", "..", "shared");
export const TEST_CTX: ExportContext = { baseUrl: "https://verbatim.example/" };

const CREATED = "2025-11-20T09:00:00.000Z";
const REVIEWED = "2025-11-21T10:30:00.000Z";

/** A fixture source: `republishedFrom` defaults to null (not a republication). */
type SourceFields = Omit<ExportClaim["source"], "id" | "sha256" | "republishedFrom"> & Partial<Pick<ExportClaim["source"], "republishedFrom">>;

/** Builds an ExportClaim over any text: the synthetic edge cases use this too. */
export function makeClaim(input: {
  id: string;
  text: string;
  sourceId: string;
  sourceText: string;
  sha256?: string;
  source: SourceFields;
  quotes: { exact: string; prefix?: string; suffix?: string }[];
  attribution: ExportClaim["attribution"];
  reviews?: { toStatus: string; rationale: string | null; isDemo?: boolean; createdAt?: string }[];
}): ExportClaim {
  const spans = resolveSpans(input.sourceText, input.quotes).map((s, i) => ({
    ...s,
    id: `${input.id}-span-${i}`,
    sourceId: input.sourceId,
  }));
  let status = "unreviewed";
  const reviews = (input.reviews ?? []).map((r, i) => {
    const review = {
      id: `${input.id}-review-${i}`,
      fromStatus: status,
      toStatus: r.toStatus,
      rationale: r.rationale,
      evidence: [] as unknown[],
      reviewerName: r.isDemo ? "Verbatim demo data" : "Test Editor",
      isDemo: r.isDemo ?? false,
      version: null as number | null,
      createdAt: r.createdAt ?? REVIEWED,
    };
    status = r.toStatus;
    return review;
  });
  return {
    id: input.id,
    text: input.text,
    status,
    version: 1 + reviews.length,
    asOf: null,
    changedSinceVerdict: false,
    sourceChanged: false,
    createdAt: CREATED,
    updatedAt: reviews.at(-1)?.createdAt ?? CREATED,
    source: { id: input.sourceId, sha256: input.sha256 ?? "0".repeat(64), republishedFrom: null, ...input.source },
    spans,
    attribution: input.attribution,
    reviews,
    edits: [],
  };
}

let cache: ExportClaim[] | undefined;

/** Every claim in seeds/manifest.json, in manifest order. */
export function seededClaims(): ExportClaim[] {
  if (cache) return cache;
  const manifest = seedManifest.parse(JSON.parse(readFileSync(path.join(SEEDS_DIR, "manifest.json"), "utf8")));
  const people = new Map(manifest.people.map((p) => [p.id, p]));
  const sources = new Map(manifest.sources.map((s) => [s.id, { ...s, text: readFileSync(path.join(SEEDS_DIR, s.file), "utf8") }]));
  cache = manifest.claims.map((c) => {
    const s = sources.get(c.source)!;
    const person = c.attribution.person ? people.get(c.attribution.person)! : null;
    return makeClaim({
      id: c.id,
      text: c.text,
      sourceId: s.id,
      sourceText: s.text,
      sha256: s.sha256,
      source: {
        title: s.title,
        publisher: s.publisher,
        author: s.author,
        url: s.url,
        publishedAt: s.publishedAt,
        // The manifest stores retrievedAt as given; the API serves it as an ISO datetime.
        retrievedAt: s.retrievedAt === null ? null : new Date(s.retrievedAt).toISOString(),
        language: s.language,
      },
      quotes: c.spans.map((sp) => {
        if (!("exact" in sp)) throw new Error(`claim ${c.id}: offset spans are not used in the seeds`);
        return { exact: sp.exact, prefix: sp.prefix, suffix: sp.suffix };
      }),
      attribution: {
        kind: c.attribution.kind,
        role: c.attribution.role,
        person: person ? { id: person.id, name: person.name, slug: person.id, aliases: [...new Set([person.name, ...person.aliases])].sort(), sameAs: [] } : null,
      },
      reviews: (c.demoReviews ?? []).map((r) => ({ toStatus: r.toStatus, rationale: r.rationale, isDemo: true })),
    });
  });
  return cache;
}

export function seededClaim(id: string): ExportClaim {
  const c = seededClaims().find((x) => x.id === id);
  if (!c) throw new Error(`no seeded claim ${id}`);
  return c;
}

// A source whose metadata holds everything that breaks naive exporters: a number,
// curly and straight quotes, braces, TeX/markdown specials, accents (precomposed and
// combining) and an astral emoji (two UTF-16 units, one code point).
export const TRICKY_TITLE = 'Zoë’s 2nd “Réforme” of 2025: {50%} "fair" & $5 #1_x \\o/ ~ café 🎉 [draft] <b>*';
const TRICKY_TEXT =
  "Intro 🎉 line.\nJosé Müller said: “We will cut {taxes} by 50% & more — \"soon\" 🚀,” adding that café e\u0301 prices were stable.\r\nThe end.";

/** Every known field filled with hostile characters; two spans (one with an emoji). */
export function trickyClaim(): ExportClaim {
  return makeClaim({
    id: "tricky-claim",
    text: "José Müller said {taxes} would be cut by 50% — \"soon\" 🚀.",
    sourceId: "tricky-source",
    sourceText: TRICKY_TEXT,
    source: {
      title: TRICKY_TITLE,
      publisher: "Le Monde & Co {Ltd} 📰",
      author: "Müller, José; Ana de la Cruz",
      url: "https://news.example/articles/2025/réforme?id=5&lang=fr#top",
      publishedAt: "2025-11",
      retrievedAt: "2025-12-01T08:15:30.000Z",
      language: "fr",
    },
    quotes: [{ exact: "We will cut {taxes} by 50% & more — \"soon\" 🚀," }, { exact: "café e\u0301 prices were stable" }],
    attribution: { kind: "direct", role: "finance minister", person: { id: "jose-muller", name: "José Müller", slug: "jose-muller", aliases: ["José Müller"], sameAs: [] } },
    reviews: [{ toStatus: "supported", rationale: "Checked against the ministry's {budget} note — 50% “confirmed”." }],
  });
}

/** Metadata all unknown (not even a publisher): nothing may be invented for it. */
export function unknownClaim(): ExportClaim {
  return makeClaim({
    id: "unknown-claim",
    text: "Someone said the price rose.",
    sourceId: "unknown-source",
    sourceText: "Prices: the price rose sharply.",
    source: { title: null, publisher: null, author: null, url: null, publishedAt: null, retrievedAt: null, language: null },
    quotes: [{ exact: "the price rose" }],
    attribution: { kind: "publication", role: null, person: null },
  });
}
