// Security headers for every answer. Pages get a Content-Security-Policy with a fresh
// nonce per request (Next reads it from the request's policy and puts it on its own
// scripts), so no inline script runs unless the server wrote it. API answers (HTML
// citations among them) get a policy that runs no script at all, from next.config.js. Pure.

/** Headers every answer carries. */
export const COMMON_SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
};

/** The pages' policy: scripts only with this request's nonce (and what they load), styles from the app. */
export function pageCsp(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A nonce: 16 random bytes, base64. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
