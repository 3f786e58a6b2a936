// The client's address as scripts/server.mjs determined it from the socket (and from
// X-Forwarded-For only when sent by a proxy named in VERBATIM_TRUSTED_PROXIES). The
// server announces its header on globalThis (same process); without that server in
// front, no header is believed, and rate limits fall back to one shared bucket.
export const CLIENT_IP_HEADER = "x-verbatim-client-ip";

/** The header scripts/server.mjs set, when it runs in front of this process. */
export function trustedClientIpHeader(): string | null {
  return (globalThis as { verbatimClientIpHeader?: string }).verbatimClientIpHeader ?? null;
}

/** The client's address, or null when no trusted server supplied one. */
export function clientIp(headers: Headers): string | null {
  const header = trustedClientIpHeader();
  return header ? headers.get(header) : null;
}

/** Headers with every client-supplied address removed and the trusted one (if any) set. */
export function withTrustedClientIp(headers: Headers): Headers {
  const ip = clientIp(headers);
  const out = new Headers(headers);
  for (const h of ["x-forwarded-for", "x-real-ip", "forwarded", CLIENT_IP_HEADER]) out.delete(h);
  if (ip) out.set(CLIENT_IP_HEADER, ip);
  return out;
}
