import { formatPartialDate } from "@/lib/dates";
import { httpUrl } from "@/lib/render/safe-url";
import { originLabel } from "@/lib/sources/metadata-origin";
import type { RepublishedFrom } from "@/lib/sources/republished";

type Meta = {
  title: string | null;
  publisher: string | null;
  author: string | null;
  url: string | null;
  publishedAt: string | null;
  retrievedAt: string | null;
  language: string | null;
  sha256: string;
  republishedFrom?: RepublishedFrom | null;
};

const Unknown = () => <span className="unknown">unknown</span>;
const Link = ({ url }: { url: string }) => (httpUrl(url) ? <a href={url} rel="noopener noreferrer">{url}</a> : <>{url}</>);

/** "The Times of Central Asia, “Title” (3 December 2024), https://…": known parts, unknown ones said so. */
function Original({ r }: { r: RepublishedFrom }) {
  return (
    <>
      {r.publisher ?? <Unknown />}
      {r.title ? <>, “{r.title}”</> : null}
      {r.date ? <> ({formatPartialDate(r.date)})</> : null}
      {r.url ? <>, <Link url={r.url} /></> : null}
      {!r.title || !r.date || !r.url ? (
        <span className="muted"> — original {[!r.title && "title", !r.date && "date", !r.url && "URL"].filter(Boolean).join(", ")} unknown</span>
      ) : null}
    </>
  );
}

/**
 * Source metadata; a field the source does not support is shown as unknown, never
 * guessed. With `origin`, each value filled from a page says where it was found.
 */
export function SourceMeta({ source, origin }: { source: Meta; origin?: Record<string, string> }) {
  const from = (field: string) =>
    origin?.[field] ? <span className="origin muted"> · {originLabel(field, origin[field]!)}</span> : null;
  const rows: [string, string, React.ReactNode][] = [
    ["title", "Title", source.title ?? <Unknown />],
    ["publisher", "Publisher", source.publisher ?? <Unknown />],
    ["author", "Author", source.author ?? <Unknown />],
    ["publishedAt", "Published", source.publishedAt ? <time dateTime={source.publishedAt}>{formatPartialDate(source.publishedAt)}</time> : <Unknown />],
    ["url", "URL", source.url ? <Link url={source.url} /> : <Unknown />],
    ["retrievedAt", "Retrieved", source.retrievedAt ? <time dateTime={source.retrievedAt}>{source.retrievedAt.slice(0, 10)}</time> : <Unknown />],
    ["language", "Language", source.language ?? <Unknown />],
  ];
  if (source.republishedFrom) rows.push(["republishedFrom", "Republishes", <Original key="o" r={source.republishedFrom} />]);
  rows.push(["sha256", "SHA-256", <code key="sha" className="sha">{source.sha256}</code>]);
  return (
    <dl className="meta">
      {rows.map(([field, label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>
            {value}
            {from(field)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
