// Absolute permalinks, built in one place so every format points at the same URLs.
import type { ExportContext, ExportOrganization } from "./types";

// The last base URL checked and its result: a bulk export asks for the same one per claim.
let lastBase: { url: string; base: string } | undefined;

/** The app origin without a trailing slash; throws unless absolute. */
export function appBase(ctx: ExportContext): string {
  if (lastBase?.url === ctx.baseUrl) return lastBase.base;
  // Exports leave the app (reference managers, search engines, annotation servers):
  // a relative permalink would be useless there, and invalid as an annotation id.
  if (!/^https?:\/\/[^\s/]+/i.test(ctx.baseUrl)) throw new Error(`baseUrl must be an absolute http(s) URL, got ${JSON.stringify(ctx.baseUrl)}`);
  lastBase = { url: ctx.baseUrl, base: ctx.baseUrl.replace(/\/+$/, "") };
  return lastBase.base;
}

export function claimPermalink(claim: { id: string }, ctx: ExportContext): string {
  return `${appBase(ctx)}/claims/${encodeURIComponent(claim.id)}`;
}

export function sourcePermalink(claim: { source: { id: string } }, ctx: ExportContext): string {
  return `${appBase(ctx)}/sources/${encodeURIComponent(claim.source.id)}`;
}

/** The source's stored text as plain text (app/sources/[id]/text): what annotation offsets count in. */
export function sourceTextUrl(claim: { source: { id: string } }, ctx: ExportContext): string {
  return `${sourcePermalink(claim, ctx)}/text`;
}

export function organization(ctx: ExportContext): ExportOrganization {
  return ctx.organization ?? { name: "Verbatim" };
}
