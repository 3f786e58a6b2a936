"use client";

export type PersonOption = { id: string; name: string };
/** `choice`: after a "did you mean" answer, a proposed person's id, or "new" for a new person of the typed name. */
export type Speaker = { kind: string; personName: string; role: string; choice: string };
export type SpeakerCandidate = { id: string; name: string; alias?: string };

/** The people a 422 proposed for a typed speaker name ("did you mean …?"), if any. */
export function speakerCandidates(details: unknown): SpeakerCandidate[] {
  const list = (details as { candidates?: unknown } | undefined)?.candidates;
  if (!Array.isArray(list)) return [];
  return list.filter((c): c is SpeakerCandidate => typeof c === "object" && c !== null && "id" in c && "name" in c && !("start" in c));
}

export function speakerFromValues(v: Record<string, string>, fallback: Speaker): Speaker {
  return v.kind === undefined ? fallback : { kind: v.kind, personName: v.personName ?? "", role: v.role ?? "", choice: v.speakerChoice ?? "" };
}

type Props = {
  value: Speaker; onChange: (s: Speaker) => void; people: PersonOption[]; idPrefix: string;
  candidates: SpeakerCandidate[]; hydrated: boolean;
};

/**
 * Who made the claim: the kind of attribution, the speaker (an existing person by any
 * spelling, or a new name), and their role as the source states it. A name close to
 * stored people is answered with "did you mean …?": the editor picks one, or says it is
 * a new person — nothing is attributed on a guess.
 */
export function SpeakerFields({ value, onChange, people, idPrefix, candidates, hydrated }: Props) {
  const listId = `${idPrefix}-people`;
  const showPerson = value.kind !== "publication" || !hydrated;
  return (
    <>
      <label>
        Attribution
        <select name="kind" value={value.kind} onChange={(e) => onChange({ ...value, kind: e.target.value })}>
          <option value="direct">Direct quotation (a person&apos;s own words)</option>
          <option value="indirect">Reported speech (a person&apos;s claim in the outlet&apos;s words)</option>
          <option value="publication">The publication&apos;s own assertion</option>
        </select>
      </label>
      {showPerson ? (
        <>
          <label>
            Speaker (pick or type a new name){hydrated ? "" : " — not needed for the publication's own assertion"}
            <input name="personName" list={listId} value={value.personName} required={hydrated} autoComplete="off"
              onChange={(e) => onChange({ ...value, personName: e.target.value, choice: "" })} />
            <datalist id={listId}>
              {people.map((p) => (
                <option key={p.id} value={p.name} />
              ))}
            </datalist>
          </label>
          {candidates.length > 0 ? (
            <fieldset className="did-you-mean" data-testid="did-you-mean">
              <legend>Did you mean…?</legend>
              {candidates.map((c) => (
                <label key={c.id}>
                  <input type="radio" name="speakerChoice" value={c.id} checked={value.choice === c.id} onChange={() => onChange({ ...value, choice: c.id })} />{" "}
                  {c.name}
                  {c.alias && c.alias !== c.name ? <span className="muted"> (stored as “{c.alias}”)</span> : null}
                </label>
              ))}
              <label>
                <input type="radio" name="speakerChoice" value="new" checked={value.choice === "new"} onChange={() => onChange({ ...value, choice: "new" })} /> A new
                person named “{value.personName}”
              </label>
            </fieldset>
          ) : value.choice ? (
            <p className="muted" data-testid="speaker-choice">
              <input type="hidden" name="speakerChoice" value={value.choice} />
              {value.choice === "new"
                ? `A new person named “${value.personName}” will be created.`
                : `Attributed to ${people.find((p) => p.id === value.choice)?.name ?? "the person you picked"}.`}{" "}
              Change the name to choose again.
            </p>
          ) : null}
          <label>
            Role, as the source states it (optional)
            <input name="role" value={value.role} onChange={(e) => onChange({ ...value, role: e.target.value })} />
          </label>
        </>
      ) : null}
    </>
  );
}
