"use client";

type Candidate = { start: number; end: number; exact: string; prefix: string; suffix: string };

/** The places a typed quote may mean (from a 422): the editor picks one; it is stored as the source has it. */
export function QuoteOccurrences({ details }: { details: unknown }) {
  const list = (details as { candidates?: unknown } | undefined)?.candidates;
  const candidates = Array.isArray(list) ? list.filter((c): c is Candidate => typeof c === "object" && c !== null && "start" in c && "exact" in c) : [];
  if (candidates.length === 0) return null;
  return (
    <fieldset className="occurrences" data-testid="occurrences">
      <legend>Which of these did you mean?</legend>
      {candidates.map((c) => (
        <label key={c.start}>
          <input type="radio" name="occurrence" value={`${c.start}-${c.end}`} /> …{c.prefix.slice(-30)}
          <mark>{c.exact}</mark>
          {c.suffix.slice(0, 30)}…
        </label>
      ))}
    </fieldset>
  );
}
