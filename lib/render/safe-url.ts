// Only web addresses become links. Stored URLs are validated as http(s) on the way in,
// but rendering checks again: a backup or an older row must not turn into a
// `javascript:` link, whatever path it came by.

/** The URL as given when it parses as an absolute http(s) address; otherwise null. */
export function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  if (/[\u0000-\u001f\u007f\s]/.test(value)) return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? value : null;
  } catch {
    return null;
  }
}
