import { utcMinute } from "@/lib/dates";
import { EvidenceList } from "./evidence-list";
import type { HistoryNames } from "@/lib/claims/history-names";
import { StatusBadge } from "./status-badge";
import type { ClaimDetail } from "@/lib/claims/get-claim";
import { type LinkHistoryValue, linkPhrase } from "@/lib/links/link-text";

type Entry =
  | { at: string; key: string; type: "review"; review: ClaimDetail["reviews"][number] }
  | { at: string; key: string; type: "edit"; edit: ClaimDetail["edits"][number] };

const when = utcMinute;
const FIELD_LABELS: Record<string, string> = {
  text: "Claim", asOf: "As of", spans: "Quoted spans", attribution: "Attribution", person: "Speaker", link: "Link",
  source: "Source revision", anchors: "Quote positions",
};

// A link entry (lib/links) as seen from this claim: "Corroborated by “…” — note".
const isLink = (v: unknown): v is LinkHistoryValue =>
  typeof v === "object" && v !== null && "direction" in v && "claimId" in v && "claimText" in v;

function ChangeValue({ value, people }: { value: unknown; people: Record<string, string> }) {
  if (!isLink(value)) return <>{show(value, people)}</>;
  return (
    <>
      {linkPhrase(value.kind, value.direction)} <a href={`/claims/${encodeURIComponent(value.claimId)}`}>“{value.claimText}”</a>
      {value.note ? ` — ${value.note}` : null}
    </>
  );
}

/** A source (revision) in a claim's history, by its label. */
function SourceName({ id, names }: { id: unknown; names: Record<string, string> }) {
  if (typeof id !== "string") return <>none</>;
  return <a href={`/sources/${encodeURIComponent(id)}`}>{names[id] ?? id}</a>;
}

/** What an edit did, in words: link entries (which change nothing the claim says) get their own. */
function editSummary(e: ClaimDetail["edits"][number]): string {
  if (e.kind === "person-merge") return "speaker merged";
  if (e.kind === "source-revision") return "carried to a new revision of its source (quotes unchanged)";
  const fields = Object.keys(e.changes);
  if ("source" in e.changes) return "moved the claim to a newer revision of its source";
  if (fields.length === 1 && fields[0] === "link") return e.changes.link!.to ? "linked another claim" : "removed a link";
  return "edited the claim";
}

const KIND_WORDS: Record<string, string> = { direct: "quoted directly", indirect: "reported speech", publication: "the publication's own assertion" };

/** A changed value in words: quotes in quote marks, a speaker by name (never an id). */
function show(value: unknown, people: Record<string, string>): string {
  if (value === null || value === undefined) return "none";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map((v) => (v && typeof v === "object" && "exact" in v ? `“${String(v.exact)}”` : show(v, people))).join(", ");
  if (typeof value === "object") {
    const o = value as Record<string, unknown>;
    if ("name" in o) return String(o.name);
    if ("kind" in o) {
      const who = typeof o.personId === "string" ? (people[o.personId] ?? "a person no longer stored") : null;
      return [who, KIND_WORDS[String(o.kind)] ?? String(o.kind), typeof o.role === "string" ? `role: ${o.role}` : null].filter(Boolean).join(", ");
    }
  }
  return JSON.stringify(value);
}

/** Every review and edit of a claim, oldest first: the history is never rewritten. */
export function ClaimHistory({ claim, names }: { claim: Pick<ClaimDetail, "reviews" | "edits">; names: HistoryNames }) {
  const entries: Entry[] = [
    ...claim.reviews.map((r) => ({ at: r.createdAt, key: `r-${r.id}`, type: "review" as const, review: r })),
    ...claim.edits.map((e) => ({ at: e.createdAt, key: `e-${e.id}`, type: "edit" as const, edit: e })),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.key < b.key ? -1 : 1));
  if (entries.length === 0) return <p className="muted">No history yet.</p>;
  return (
    <ol className="history">
      {entries.map((entry) => {
        if (entry.type === "review") {
          const r = entry.review;
          return (
            <li key={entry.key} data-review-id={r.id}>
              <time dateTime={r.createdAt}>{when(r.createdAt)}</time> — {r.reviewerName}
              {r.isDemo ? <> <span className="demo">Demo review</span></> : null}: <StatusBadge status={r.fromStatus} /> →{" "}
              <StatusBadge status={r.toStatus} />
              {r.rationale ? <div className="rationale">{r.rationale}</div> : null}
              <EvidenceList items={r.evidence} sources={names.sources} />
            </li>
          );
        }
        const e = entry.edit;
        const created = "created" in e.changes;
        return (
          <li key={entry.key} data-edit-id={e.id}>
            <time dateTime={e.createdAt}>{when(e.createdAt)}</time> — {e.actorName}:{" "}
            {created ? "created the claim" : editSummary(e)}
            {created ? null : (
              <ul className="changes">
                {Object.entries(e.changes).map(([field, c]) => (
                  <li key={field}>
                    {FIELD_LABELS[field] ?? field}:{" "}
                    {field === "source" ? (
                      <>
                        <SourceName id={c.from} names={names.sources} /> → <SourceName id={c.to} names={names.sources} />
                      </>
                    ) : (
                      <>
                        <del><ChangeValue value={c.from} people={names.people} /></del> → <ins><ChangeValue value={c.to} people={names.people} /></ins>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
