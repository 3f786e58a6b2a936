// Absolute permalinks, built in one place so every format points at the same URLs.
import type { ExportContext, ExportOrganization } from "./types";

/** The app origin without a trailing slash; throws unless absolute. */
export function appBase(ctx: ExportContext): string {
  // Exports leave the app (reference managers, search engines, annotation servers):
  // a relative permalink would be useless there, and invalid as an annotation id.
  if (!/^https?:\/\/[^\s/]+/i.test(ctx.baseUrl)) throw new Error(`baseUrl must be an absolute http(s) URL, got ${JSON.stringify(ctx.baseUrl)}`);
  return ctx.baseUrl.replace(/\/+$/, "");
}

export function claimPermalink(claim: { id: string }, ctx: ExportContext): string {
  return `${appBase(ctx)}/claims/${encodeURIComponent(claim.id)}`;
}

export function sourcePermalink(claim: { source: { id: string } }, ctx: ExportContext): string {
  return `${appBase(ctx)}/sources/${encodeURIComponent(claim.source.id)}`;
}

export function organization(ctx: ExportContext): ExportOrganization {
  return ctx.organization ?? { name: "Verbatim" };
}
