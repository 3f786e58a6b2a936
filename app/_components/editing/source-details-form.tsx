"use client";

import { updateSourceAction } from "@/app/_actions/sources";
import type { RepublishedFrom } from "@/lib/sources/republished";
import { ActionForm } from "./action-form";

type Details = {
  id: string; version: number; title: string | null; publisher: string | null; author: string | null; url: string | null;
  publishedAt: string | null; retrievedAt: string | null; language: string | null; republishedFrom: RepublishedFrom | null;
};

/** A stored instant as the form's UTC datetime-local value ("2026-12-07T01:50"). */
const utcLocal = (iso: string | null) => (iso ? iso.slice(0, 16) : "");

/**
 * Editors: the source's details (never its text), saved at the version shown (a 409
 * explains what changed meanwhile). Each field carries the value it was drawn with, so
 * only what the editor changed is sent. Folded by default.
 */
export function SourceDetailsForm({ source, open }: { source: Details; open?: boolean }) {
  const r = source.republishedFrom;
  const fields: [name: string, label: string, value: string, extra?: Record<string, string | number>][] = [
    ["title", "Title", source.title ?? "", { maxLength: 500 }],
    ["publisher", "Publisher", source.publisher ?? "", { maxLength: 200 }],
    ["author", "Author(s)", source.author ?? "", { maxLength: 300 }],
    ["url", "URL", source.url ?? "", { type: "url", maxLength: 2000 }],
    ["publishedAt", "Published (YYYY, YYYY-MM or YYYY-MM-DD)", source.publishedAt ?? "", { pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?" }],
    ["retrievedAt", "Retrieved (UTC)", utcLocal(source.retrievedAt), { type: "datetime-local" }],
    ["language", "Language (BCP 47)", source.language ?? "", { pattern: "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*" }],
  ];
  const original: [string, string, string, Record<string, string | number>][] = [
    ["origPublisher", "Original publisher", r?.publisher ?? "", { maxLength: 200 }],
    ["origTitle", "Original title", r?.title ?? "", { maxLength: 500 }],
    ["origUrl", "Original URL", r?.url ?? "", { type: "url", maxLength: 2000 }],
    ["origDate", "Original date", r?.date ?? "", { pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?" }],
  ];
  const was = Object.fromEntries([...fields, ...original].map(([name, , value]) => [`was.${name}`, value]));
  return (
    <details className="panel source-details" open={open}>
      <summary>Edit details</summary>
      <ActionForm action={updateSourceAction} hidden={{ sourceId: source.id, expectedVersion: String(source.version), ...was }} className="stack" label="Edit the source's details">
        {(state, pending) => (
          <>
            <p className="hint">The text and its SHA-256 never change. Leave a field empty when the source does not say.</p>
            <div className="grid">
              {fields.map(([name, label, value, extra]) => (
                <label key={name}>
                  {label}
                  <input name={name} key={`${name}${state.seq}`} defaultValue={state.values[name] ?? value} {...extra} />
                </label>
              ))}
            </div>
            <fieldset>
              <legend>Republishes another publication&apos;s article</legend>
              <p className="hint">Only what the text or the original says; leave all four empty if the source is not a republication.</p>
              <div className="grid">
                {original.map(([name, label, value, extra]) => (
                  <label key={name}>
                    {label}
                    <input name={name} key={`${name}${state.seq}`} defaultValue={state.values[name] ?? value} {...extra} />
                  </label>
                ))}
              </div>
            </fieldset>
            {state.ok ? <p role="status" className="saved">Saved.</p> : null}
            <button type="submit" disabled={pending}>
              {pending ? "Saving…" : "Save details"}
            </button>
          </>
        )}
      </ActionForm>
    </details>
  );
}
