// A person's other names as search synonyms: "Tokayev" also finds text and quotes that
// say "Toqaev", because both are aliases of one person. (Claims attributed to that person
// match either way: the index holds all of a speaker's names.)
import type { ReadDb, Row } from "../db-read";
import { searchWords, synonymKey } from "./query";

const MAX_RUN = 4;
/**
 * A name that is an alias of more people than this (a common surname) is not expanded:
 * it says little about whom it means, every claim of those people matches it anyway
 * (their names are indexed), and each added phrase costs the query a full doclist scan.
 */
const MAX_PEOPLE_PER_NAME = 3;
const MAX_NAMES_PER_PERSON = 12;

const placeholders = (n: number) => Array.from({ length: n }, () => "?").join(", ");

/** Every run of up to MAX_RUN consecutive words, as synonym keys. */
function runKeys(words: readonly string[]): string[] {
  const keys = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    for (let n = 1; n <= MAX_RUN && i + n <= words.length; n++) keys.add(synonymKey(words.slice(i, i + n)));
  }
  return [...keys];
}

/** Synonyms for matchExpression(): for each run of words that is some person's alias, all of that person's names. */
export async function findSynonyms(read: ReadDb, words: readonly string[]): Promise<Map<string, string[][]>> {
  const keys = runKeys(words);
  const out = new Map<string, string[][]>();
  if (keys.length === 0) return out;
  // PersonAlias.folded is indexed; every person's own name is one of their aliases.
  const hits = await read.all<Row & { folded: string; personId: string }>(
    `SELECT DISTINCT "folded", "personId" FROM "PersonAlias" WHERE "folded" IN (${placeholders(keys.length)}) ORDER BY "folded", "personId" LIMIT 500`,
    keys,
  );
  const peopleByKey = new Map<string, string[]>();
  for (const h of hits) peopleByKey.set(h.folded, [...(peopleByKey.get(h.folded) ?? []), h.personId]);
  for (const [key, people] of peopleByKey) if (people.length > MAX_PEOPLE_PER_NAME) peopleByKey.delete(key);
  const personIds = [...new Set([...peopleByKey.values()].flat())];
  if (personIds.length === 0) return out;
  const names = await read.all<Row & { personId: string; name: string }>(
    `SELECT "id" AS "personId", "name" FROM "Person" WHERE "id" IN (${placeholders(personIds.length)})
     UNION SELECT "personId", "alias" FROM "PersonAlias" WHERE "personId" IN (${placeholders(personIds.length)})`,
    [...personIds, ...personIds],
  );
  const namesOf = new Map<string, string[][]>();
  for (const n of names) {
    const list = namesOf.get(n.personId) ?? [];
    const w = searchWords(n.name);
    if (w.length > 0 && list.length < MAX_NAMES_PER_PERSON) list.push(w);
    namesOf.set(n.personId, list);
  }
  for (const [key, people] of peopleByKey) out.set(key, people.flatMap((id) => namesOf.get(id) ?? []));
  return out;
}
