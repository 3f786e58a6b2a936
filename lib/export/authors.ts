// Source bylines → CSL names. Conservative on purpose: we split a byline only where it
// clearly lists several people, and when a name cannot be split safely it stays whole
// as a `literal` name rather than being guessed into the wrong family/given.
export type CslName = { family: string; given?: string; "non-dropping-particle"?: string } | { literal: string };

// Lower-case particles that belong to the family name ("Ludwig van Beethoven").
const PARTICLE = /^(?:van|von|der|den|de|del|della|di|da|du|dos|das|la|le|ter|ten|bin|al|el)$/;

// Words that mark a byline as an organisation, not a person ("Reuters Staff").
const ORGANISATION = /\b(?:staff|desk|team|service|bureau|newsroom|editors|editorial|agency|reporters|correspondents?)\b/iu;

function parseOne(raw: string): CslName | null {
  const name = raw.replace(/\s+/gu, " ").trim();
  if (!name) return null;
  // "Family, Given" (one comma) is the bibliographic order.
  const comma = name.split(",").map((p) => p.trim());
  if (comma.length === 2 && comma[0] && comma[1]) return { family: comma[0], given: comma[1] };
  if (comma.length > 1) return { literal: name };
  const words = name.split(" ");
  // One word, or anything that does not look like a personal name (digits, "RFE/RL
  // staff", an e-mail…): keep it whole; a `literal` name is rendered as written.
  if (words.length < 2 || /\d|[/@&]/.test(name) || ORGANISATION.test(name)) return { literal: name };
  const last = words.length - 1;
  let j = last; // words[j..last-1] are particles, words[0..j-1] the given names
  while (j > 1 && PARTICLE.test(words[j - 1]!)) j--;
  const given = words.slice(0, j).join(" ");
  const particle = words.slice(j, last).join(" ");
  const family = words[last]!;
  return particle ? { family, given, "non-dropping-particle": particle } : { family, given };
}

/**
 * "Anna Smith, Bob Jones" is a list; "Smith, Anna" is one name in bibliographic order.
 * A comma-separated part is a list when every piece has two words or more.
 */
function splitCommaList(part: string): string[] {
  const pieces = part.split(",").map((p) => p.trim()).filter(Boolean);
  if (pieces.length < 2) return [part];
  return pieces.every((p) => p.split(/\s+/u).length >= 2) ? pieces : [part];
}

/**
 * Names in a byline: "A B; C D", "A B and C D", "A B, C D and E F", "Smith, Anna and
 * Jones, Bob", "By A B" or "Family, Given". Empty when unknown.
 */
export function parseAuthors(byline: string | null): CslName[] {
  const text = byline?.replace(/^\s*by\s+/iu, "").trim();
  if (!text) return [];
  const parts = text.includes(";")
    ? text.split(";")
    : text.split(/\s*,?\s+(?:and|&)\s+/u).flatMap(splitCommaList);
  return parts.map(parseOne).filter((n): n is CslName => n !== null);
}
