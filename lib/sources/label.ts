import { formatPartialDate, utcMinute } from "../dates";

type Labelled = { title: string | null; publisher: string | null; publishedAt: string | null };

/** How a source is named in lists: its title, or — when the title is unknown — publisher and date, marked as untitled. */
export function sourceLabel(s: Labelled): string {
  if (s.title) return s.title;
  const parts = [s.publisher ?? "unknown publisher", s.publishedAt ? formatPartialDate(s.publishedAt) : "date unknown"];
  return `Untitled article (${parts.join(", ")})`;
}

/** One revision of a source among others: its label and when that text was retrieved (or added). */
export function revisionLabel(s: Labelled & { retrievedAt: Date | string | null }): string {
  const at = s.retrievedAt === null ? null : utcMinute(new Date(s.retrievedAt));
  return `${sourceLabel(s)} — ${at ? `revision retrieved ${at}` : "revision of unknown retrieval time"}`;
}
