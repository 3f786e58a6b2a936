import { formatPartialDate } from "@/lib/dates";
import { httpUrl } from "@/lib/render/safe-url";

type Meta = {
  title: string | null;
  publisher: string | null;
  author: string | null;
  url: string | null;
  publishedAt: string | null;
  retrievedAt: string | null;
  language: string | null;
  sha256: string;
};

const Unknown = () => <span className="unknown">unknown</span>;

/** Source metadata; a field the source does not support is shown as unknown, never guessed. */
export function SourceMeta({ source }: { source: Meta }) {
  const rows: [string, React.ReactNode][] = [
    ["Title", source.title ?? <Unknown />],
    ["Publisher", source.publisher ?? <Unknown />],
    ["Author", source.author ?? <Unknown />],
    ["Published", source.publishedAt ? <time dateTime={source.publishedAt}>{formatPartialDate(source.publishedAt)}</time> : <Unknown />],
    ["URL", source.url ? (httpUrl(source.url) ? <a href={source.url} rel="noopener noreferrer">{source.url}</a> : source.url) : <Unknown />],
    ["Retrieved", source.retrievedAt ? <time dateTime={source.retrievedAt}>{source.retrievedAt.slice(0, 10)}</time> : <Unknown />],
    ["Language", source.language ?? <Unknown />],
    ["SHA-256", <code key="sha" className="sha">{source.sha256}</code>],
  ];
  return (
    <dl className="meta">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
