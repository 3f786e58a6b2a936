// The speakers an ingest names, resolved by the rules of the API (resolve-speaker.ts) but
// against one read of every alias, not a query per line: a name stored as an alias is
// that person; a name shared by several people, or close to a stored spelling and not
// marked `newPerson`, rejects the line; any other name is a new person, created once
// however many lines name it. Names new in the file count as stored for the lines after.
import type { DbTx } from "../db";
import { AppError } from "../errors";
import { foldName } from "../ids";
import { nearNameMatch } from "../people/name-match";
import type { SpeakerAttributionInput } from "../claims/schemas";

type Known = { id: string; name: string; alias: string };
/** A person to use: stored (`id`) or to create (`create`, by name). */
export type Speaker = { id: string } | { create: string };

export class PeopleResolver {
  private readonly byFolded = new Map<string, Map<string, Known>>();
  private readonly all: Known[] = [];

  static async load(db: DbTx): Promise<PeopleResolver> {
    const r = new PeopleResolver();
    const aliases = await db.personAlias.findMany({ select: { alias: true, person: { select: { id: true, name: true } } } });
    for (const a of aliases) r.remember({ id: a.person.id, name: a.person.name, alias: a.alias });
    return r;
  }

  private remember(k: Known): void {
    this.all.push(k);
    const key = foldName(k.alias);
    const people = this.byFolded.get(key) ?? new Map<string, Known>();
    people.set(k.id, k);
    this.byFolded.set(key, people);
  }

  /** A point to go back to when a line turns out invalid after some of its names were taken as new. */
  mark(): number {
    return this.all.length;
  }

  rollbackTo(mark: number): void {
    for (const k of this.all.splice(mark)) this.byFolded.get(foldName(k.alias))?.delete(k.id);
  }

  /** The speaker of an attribution, or an AppError naming why the line cannot be taken. */
  resolve(a: SpeakerAttributionInput, path: string): Speaker | null {
    if (a.personId) {
      if (!this.all.some((k) => k.id === a.personId)) throw new AppError("unprocessable", `${path}.personId: no person with id "${a.personId}".`);
      return { id: a.personId };
    }
    if (!a.personName) return null;
    const found = [...(this.byFolded.get(foldName(a.personName))?.values() ?? [])];
    const ids = [...new Set(found.map((k) => k.id))];
    if (ids.length === 1) return ids[0]!.startsWith("new:") ? { create: found[0]!.name } : { id: ids[0]! };
    if (ids.length > 1) throw new AppError("unprocessable", `${path}.personName: "${a.personName}" names ${ids.length} people; give personId.`);
    if (!a.newPerson) {
      const near = [...new Set(this.all.filter((k) => nearNameMatch(a.personName!, k.alias)).map((k) => k.name))];
      if (near.length) {
        throw new AppError(
          "unprocessable",
          `${path}.personName: "${a.personName}" is not a stored spelling, but is close to ${near.slice(0, 5).join(", ")}; give their personId, or "newPerson": true for someone else.`,
        );
      }
    }
    this.remember({ id: `new:${foldName(a.personName)}`, name: a.personName, alias: a.personName });
    return { create: a.personName };
  }
}
