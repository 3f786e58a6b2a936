// Where to go after signing in: only a path on this site (no open redirect). Browsers
// strip tabs and newlines from URLs and treat `\` as `/`, so `/\tevil`, `/%09/evil` (once
// a form decodes it), `//evil` and `/\evil` all lead off-site; each falls back to "/".
const BASE = "http://verbatim.invalid";
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\\\s]/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const offSite = (p: string) => !p.startsWith("/") || p.startsWith("//") || UNSAFE.test(p);

/** `next` as a same-origin path (normalised and percent-encoded), or "/". */
export function safeNextPath(next: unknown): string {
  if (typeof next !== "string" || next.length === 0 || next.length > 2_000 || offSite(next)) return "/";
  let decoded: string;
  try {
    decoded = decodeURIComponent(next);
  } catch {
    return "/";
  }
  if (decoded.startsWith("//") || decoded.startsWith("/\\") || CONTROL.test(decoded)) return "/";
  try {
    const url = new URL(next, BASE);
    if (url.origin !== BASE) return "/";
    const path = `${url.pathname}${url.search}${url.hash}`;
    return offSite(path) ? "/" : path;
  } catch {
    return "/";
  }
}

/** The sign-in page, coming back to `here` afterwards (not to sign-in itself). */
export function signInHref(here: string): string {
  const path = safeNextPath(here);
  if (path === "/" || path.startsWith("/sign-in")) return "/sign-in";
  return `/sign-in?next=${encodeURIComponent(path)}`;
}
