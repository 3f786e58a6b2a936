import type { DbTx } from "../db";
import { AppError } from "../errors";
import { ID_PATTERN } from "../ids";
import { sourceLabel } from "./label";

const fold = (s: string) => s.normalize("NFKC").toLocaleLowerCase("en").replace(/\s+/g, " ").trim();

/**
 * The source an editor means by what they typed in a form: its title (or its label as
 * the lists show it), a link to its page, or its id. A title shared by several sources,
 * or words found in several titles, is a 422 naming them: evidence pointing at the wrong
 * source is worse than asking. `what` names the field in messages ("Evidence 2").
 */
export async function findSourceByReference(db: DbTx, typed: string, what: string): Promise<string> {
  const text = typed.trim();
  if (!text) throw new AppError("unprocessable", `${what}: type the source's title and pick it from the list.`);
  if (text.length > 2_000) throw new AppError("unprocessable", `${what}: a source's title or link is at most 2,000 characters.`);
  const fromLink = /\/sources\/([a-z0-9-]+)\/?(?:[?#].*)?$/.exec(text)?.[1];
  const id = fromLink ?? (ID_PATTERN.test(text) ? text : null);
  if (id) {
    const byId = await db.source.findUnique({ where: { id }, select: { id: true } });
    if (byId) return byId.id;
    if (fromLink) throw new AppError("unprocessable", `${what}: no source at ${text}.`);
  }
  const rows = await db.source.findMany({ select: { id: true, title: true, publisher: true, publishedAt: true }, take: 5000 });
  const wanted = fold(text);
  const labelled = rows.map((r) => ({ id: r.id, label: sourceLabel(r), title: r.title }));
  const exact = labelled.filter((r) => fold(r.label) === wanted || (r.title !== null && fold(r.title) === wanted));
  const matches = exact.length > 0 ? exact : labelled.filter((r) => fold(r.label).includes(wanted));
  if (matches.length === 1) return matches[0]!.id;
  if (matches.length === 0) throw new AppError("unprocessable", `${what}: no source's title contains “${text}”. Type part of the title and pick it from the list.`);
  const names = matches.slice(0, 5).map((m) => `“${m.label}”`).join(", ");
  throw new AppError("unprocessable", `${what}: “${text}” matches ${matches.length} sources (${names}${matches.length > 5 ? ", …" : ""}). Type more of the title.`, {
    candidates: matches.slice(0, 20).map((m) => ({ id: m.id, label: m.label })),
  });
}
