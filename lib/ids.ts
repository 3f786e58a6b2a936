import { randomBytes } from "node:crypto";

const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"; // no 0/o, 1/l: ids get read aloud and retyped

/** A new random id: 16 characters, 80 bits. */
export function newId(): string {
  const bytes = randomBytes(16);
  let out = "";
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}

/** Ids are lowercase slugs (random or, for seeds, curated); anything else cannot exist. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,63}$/;

/** A URL-safe slug of a name: "Andrew D'Anieri" → "andrew-danieri". */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60) || "person";
}

/** Lower-case, diacritics removed: how names are compared when searching by any spelling. */
export function foldName(name: string): string {
  return name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[’']/g, "'").trim();
}
