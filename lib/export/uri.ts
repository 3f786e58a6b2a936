// IRI → URI. Sources may store IRIs ("…/réforme"); RFC 3986 URIs allow ASCII only, and
// strict consumers (BibTeX's \url, the W3C annotation suite's format "uri") need the URI
// form. Percent-encoding the UTF-8 of those characters gives the same address.

// Outside the ASCII printable range, or one of the characters RFC 3986 never allows raw.
const NOT_URI = /[^\x21-\x7e]|["<>\\^`{|}]/gu;

/** The URI form of an absolute IRI, or null when `s` is not absolute (no scheme). */
export function toUri(s: string): string | null {
  const uri = s.trim().replace(NOT_URI, (c) => encodeURIComponent(c));
  return /^[a-z][a-z0-9+.-]*:[^\s]+$/i.test(uri) ? uri : null;
}
