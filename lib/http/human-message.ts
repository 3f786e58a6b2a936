// API messages name fields by their JSON path ("evidence.0.url: Invalid URL"), which is
// right for a programmer. A form shows the same problem as the editor sees the form:
// fields by their labels and rows counted from 1 ("Evidence 1, URL: …"). Pure.

const LABELS: Record<string, string> = {
  text: "Claim",
  rationale: "Rationale",
  evidence: "Evidence",
  spans: "Quote",
  span: "Quote",
  exact: "exact words",
  attribution: "Speaker",
  personName: "Speaker",
  personId: "Speaker",
  role: "Role",
  kind: "Attribution",
  note: "Note",
  url: "URL",
  claimId: "Claim",
  toClaimId: "Other claim",
  sourceId: "Source",
  status: "Verdict",
  title: "Title",
  publisher: "Publisher",
  author: "Author",
  publishedAt: "Published",
  retrievedAt: "Retrieved",
  language: "Language",
  asOf: "As of",
  alias: "Alias",
  name: "Name",
  mergedId: "Person to merge",
  expectedVersion: "Version",
};

/** "evidence.0.url" → "Evidence 1, URL"; "attribution.personName" → "Speaker". */
export function humanPath(path: string): string {
  const out: string[] = [];
  for (const part of path.split(".")) {
    if (/^\d+$/.test(part) && out.length > 0) out[out.length - 1] += ` ${Number(part) + 1}`;
    else if (/^\d+$/.test(part)) out.push(`Item ${Number(part) + 1}`);
    else {
      const label = LABELS[part] ?? part;
      // "attribution.personName" is one thing to the editor: the speaker.
      if (out.length > 0 && out[out.length - 1] === label) continue;
      if (part === "personName" && out[out.length - 1] === "Speaker") continue;
      out.push(label);
    }
  }
  return out.join(", ").replace(/^Speaker, Speaker/, "Speaker");
}

type Issue = { path: string; message: string };

/** API wording that asks for JSON fields, as an editor can act on it in a form. */
const FORM_WORDING: [RegExp, string][] = [
  [/Give their personId, or send "newPerson": true to create a new person\./, "Pick them below, or choose “A new person”."],
  [/give personId\./, "pick the one you mean below."],
  [/give a prefix, suffix or position to choose one\.?/, "type more of the surrounding words so that they occur only once."],
];

/** The message a form shows for an API error: paths as labels, rows from 1. */
export function humanMessage(message: string, details: unknown): string {
  return FORM_WORDING.reduce((m, [from, to]) => m.replace(from, to), fieldMessage(message, details));
}

function fieldMessage(message: string, details: unknown): string {
  const issues = (details as { issues?: Issue[] } | undefined)?.issues;
  if (Array.isArray(issues) && issues.length > 0) {
    return issues.map((i) => (i.path ? `${humanPath(i.path)}: ${i.message}` : i.message)).join("; ");
  }
  // Messages built by hand ("evidence.0: no claim with id …", "spans.1: …").
  return message.replace(/\b([a-z][A-Za-z]*(?:\.(?:\d+|[a-z][A-Za-z]*))+)(?=: )/g, (path) => humanPath(path));
}
