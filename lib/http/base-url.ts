// Permalinks in citations must be absolute. VERBATIM_PUBLIC_URL names the public origin
// (needed behind a proxy); otherwise the origin the request came to is used.
export const configuredPublicUrl = (): string | undefined => process.env.VERBATIM_PUBLIC_URL?.replace(/\/+$/, "") || undefined;

export function publicBaseUrl(requestUrl: string): string {
  return configuredPublicUrl() ?? new URL(requestUrl).origin;
}

/** The same from request headers (server components have headers, not a URL). */
export function publicBaseUrlFromHeaders(h: Headers): string {
  const fixed = configuredPublicUrl();
  if (fixed) return fixed;
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}
