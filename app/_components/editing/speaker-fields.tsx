"use client";

export type PersonOption = { id: string; name: string };
export type Speaker = { kind: string; personName: string; role: string };

/**
 * Who made the claim: the kind of attribution, the speaker (an existing person by any
 * spelling, or a new name, which creates the person), and their role as the source states it.
 */
export function SpeakerFields({ value, onChange, people, idPrefix }: { value: Speaker; onChange: (s: Speaker) => void; people: PersonOption[]; idPrefix: string }) {
  const listId = `${idPrefix}-people`;
  return (
    <>
      <label>
        Attribution
        <select name="kind" value={value.kind} onChange={(e) => onChange({ ...value, kind: e.target.value })}>
          <option value="direct">Direct quotation (a person's own words)</option>
          <option value="indirect">Reported speech (a person's claim in the outlet's words)</option>
          <option value="publication">The publication's own assertion</option>
        </select>
      </label>
      {value.kind !== "publication" ? (
        <>
          <label>
            Speaker (pick or type a new name)
            <input name="personName" list={listId} value={value.personName} required onChange={(e) => onChange({ ...value, personName: e.target.value })} />
            <datalist id={listId}>
              {people.map((p) => (
                <option key={p.id} value={p.name} />
              ))}
            </datalist>
          </label>
          <label>
            Role, as the source states it (optional)
            <input name="role" value={value.role} onChange={(e) => onChange({ ...value, role: e.target.value })} />
          </label>
        </>
      ) : null}
    </>
  );
}

export function attributionPayload(s: Speaker) {
  return s.kind === "publication"
    ? { kind: "publication" }
    : { kind: s.kind, personName: s.personName.trim(), role: s.role.trim() || null };
}
