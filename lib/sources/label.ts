import { formatPartialDate } from "../dates";

type Labelled = { title: string | null; publisher: string | null; publishedAt: string | null };

/** How a source is named in lists: its title, or — when the title is unknown — publisher and date, marked as untitled. */
export function sourceLabel(s: Labelled): string {
  if (s.title) return s.title;
  const parts = [s.publisher ?? "unknown publisher", s.publishedAt ? formatPartialDate(s.publishedAt) : "date unknown"];
  return `Untitled article (${parts.join(", ")})`;
}
