"use client";

import { useState, type FormEvent } from "react";
import { useJsonAction } from "./use-json-action";

/** Editors: add a spelling under which this person is found. */
export function AddAliasForm({ personId }: { personId: string }) {
  const [alias, setAlias] = useState("");
  const { send, pending, error } = useJsonAction();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await send(`/api/people/${encodeURIComponent(personId)}/aliases`, "POST", { alias });
    if (result.ok) setAlias("");
  }

  return (
    <form className="person-edit" onSubmit={onSubmit}>
      <label>
        Add a spelling{" "}
        <input name="alias" value={alias} onChange={(e) => setAlias(e.target.value)} required maxLength={200} />
      </label>{" "}
      <button type="submit" disabled={pending || !alias.trim()}>
        Add alias
      </button>
      {error ? <p role="alert">{error}</p> : null}
    </form>
  );
}
