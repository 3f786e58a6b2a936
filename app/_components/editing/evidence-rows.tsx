"use client";

export type SourceOption = { id: string; label: string };
export type EvidenceRow = { type: "url" | "claim" | "span"; value: string; source: string };

const TYPES = new Set(["url", "claim", "span"]);

/** The rows a form answer carried back (field names as the server reads them). */
export function rowsFromValues(values: Record<string, string>, count: number): EvidenceRow[] {
  return Array.from({ length: count }, (_, i) => {
    const type = values[`evidence-type-${i}`] ?? "url";
    return { type: (TYPES.has(type) ? type : "url") as EvidenceRow["type"], value: values[`evidence-value-${i}`] ?? "", source: values[`evidence-source-${i}`] ?? "" };
  });
}

type Props = { rows: EvidenceRow[]; setRows: (update: (rows: EvidenceRow[]) => EvidenceRow[]) => void; sources: SourceOption[]; formId: string; hydrated: boolean };

/**
 * Evidence for a verdict: a web page, another claim (by link), or words quoted from a
 * source picked by its title. "Add evidence" and "Remove" are submit buttons the server
 * understands, so they work without JavaScript; with it they act in place.
 */
export function EvidenceRows({ rows, setRows, sources, formId, hydrated }: Props) {
  const listId = `${formId}-sources`;
  const setRow = (i: number, patch: Partial<EvidenceRow>) => setRows((all) => all.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <>
      {rows.map((row, i) => (
        <fieldset key={i} className="evidence-row">
          <legend>Evidence {i + 1}</legend>
          <label>
            Kind
            <select name={`evidence-type-${i}`} value={row.type} onChange={(e) => setRow(i, { type: e.target.value as EvidenceRow["type"] })}>
              <option value="url">Web page (URL)</option>
              <option value="claim">Another claim (link to its page)</option>
              <option value="span">Words quoted from a source</option>
            </select>
          </label>
          {row.type === "span" || !hydrated ? (
            <label>
              {hydrated ? "Source (type part of its title)" : "Source, for quoted words (type part of its title)"}
              <input name={`evidence-source-${i}`} list={listId} value={row.source} autoComplete="off" onChange={(e) => setRow(i, { source: e.target.value })} />
            </label>
          ) : null}
          <label>
            {!hydrated ? "URL, link to the claim, or the exact words" : row.type === "url" ? "URL" : row.type === "claim" ? "Link to the claim" : "The exact words"}
            <input name={`evidence-value-${i}`} value={row.value} type={hydrated && row.type === "url" ? "url" : "text"} onChange={(e) => setRow(i, { value: e.target.value })} />
          </label>
          <button type="submit" name="intent" value={`remove-evidence-${i}`} formNoValidate onClick={(e) => { e.preventDefault(); setRows((all) => all.filter((_, j) => j !== i)); }}>
            Remove evidence {i + 1}
          </button>
        </fieldset>
      ))}
      <datalist id={listId}>
        {sources.map((s) => (
          <option key={s.id} value={s.label} />
        ))}
      </datalist>
      <button type="submit" name="intent" value="add-evidence" formNoValidate onClick={(e) => { e.preventDefault(); setRows((all) => [...all, { type: "url", value: "", source: "" }]); }}>
        Add evidence
      </button>
    </>
  );
}
