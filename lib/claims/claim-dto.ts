// The public JSON shape of claims, shared by the API and the pages.
import { parseRepublishedFrom } from "../sources/republished";
import type { Prisma } from "../generated/prisma/client";

export const sourceSummarySelect = {
  id: true,
  title: true,
  publisher: true,
  author: true,
  url: true,
  publishedAt: true,
  retrievedAt: true,
  language: true,
  sha256: true,
  republishedFrom: true,
} as const satisfies Prisma.SourceSelect;

export const spanSelect = {
  id: true,
  sourceId: true,
  start: true,
  end: true,
  exact: true,
  prefix: true,
  suffix: true,
} as const satisfies Prisma.SpanSelect;

export const attributionSelect = {
  kind: true,
  role: true,
  person: { select: { id: true, name: true, slug: true, sameAs: true, aliases: { select: { alias: true }, orderBy: { alias: "asc" } } } },
} as const satisfies Prisma.AttributionSelect;

export const claimSummarySelect = {
  id: true,
  text: true,
  status: true,
  version: true,
  asOf: true,
  changedSinceVerdict: true,
  sourceChanged: true,
  createdAt: true,
  updatedAt: true,
  source: { select: sourceSummarySelect },
  spans: { select: spanSelect, orderBy: { start: "asc" } },
  attribution: { select: attributionSelect },
} as const satisfies Prisma.ClaimSelect;

type ClaimRow = Prisma.ClaimGetPayload<{ select: typeof claimSummarySelect }>;
type AttributionRow = NonNullable<ClaimRow["attribution"]>;

/** A person's stored identifiers (a JSON array of URLs); anything else reads as none. */
export function parseSameAs(json: string): string[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

export function attributionDto(a: AttributionRow | null) {
  if (!a) return null;
  return {
    kind: a.kind,
    role: a.role,
    person: a.person
      ? { id: a.person.id, name: a.person.name, slug: a.person.slug, aliases: a.person.aliases.map((x) => x.alias), sameAs: parseSameAs(a.person.sameAs) }
      : null,
  };
}

export function sourceSummaryDto(s: ClaimRow["source"]) {
  return { ...s, retrievedAt: s.retrievedAt?.toISOString() ?? null, republishedFrom: parseRepublishedFrom(s.republishedFrom) };
}

export function claimSummaryDto(c: ClaimRow) {
  return {
    id: c.id,
    text: c.text,
    status: c.status,
    version: c.version,
    asOf: c.asOf,
    /** Edited (text, date, spans or speaker) after its verdict; true until reviewed again. */
    changedSinceVerdict: c.changedSinceVerdict,
    /** A newer revision of its source changed or dropped one of its quotes; true until an editor resolves it. */
    sourceChanged: c.sourceChanged,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    source: sourceSummaryDto(c.source),
    spans: c.spans,
    attribution: attributionDto(c.attribution),
  };
}
export type ClaimSummary = ReturnType<typeof claimSummaryDto>;
