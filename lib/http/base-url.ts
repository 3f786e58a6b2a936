// Permalinks in citations, Location headers and redirects must be absolute and point at
// the site the reader used. VERBATIM_PUBLIC_URL names the public origin (set it behind a
// proxy); otherwise the origin comes from the request's Host (X-Forwarded-Host and -Proto
// only reach the app from a proxy named in VERBATIM_TRUSTED_PROXIES: scripts/server.mjs
// drops them from anyone else). Never a hard-coded host: Next's own request URL names
// the address the server listens on, not the one the reader asked for.
export const configuredPublicUrl = (): string | undefined => process.env.VERBATIM_PUBLIC_URL?.replace(/\/+$/, "") || undefined;

const HOST = /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/;

/** The origin from request headers, falling back to `fallback` (a URL) when they name no valid host. */
function originFromHeaders(h: Headers, fallback?: string): string {
  const fixed = configuredPublicUrl();
  if (fixed) return fixed;
  const host = (h.get("x-forwarded-host") ?? h.get("host") ?? "").split(",")[0]!.trim();
  const fallbackUrl = fallback ? new URL(fallback) : null;
  if (!HOST.test(host)) return fallbackUrl?.origin ?? "http://localhost";
  const forwarded = h.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  const proto = forwarded === "http" || forwarded === "https" ? forwarded : (fallbackUrl?.protocol.replace(":", "") ?? "http");
  return `${proto}://${host.toLowerCase()}`;
}

/** The public origin for a route handler's request. */
export function publicBaseUrl(req: Request): string {
  return originFromHeaders(req.headers, req.url);
}

/** The same from request headers (server components have headers, not a URL). */
export function publicBaseUrlFromHeaders(h: Headers): string {
  return originFromHeaders(h);
}
