"use client";

import { useActionState, useEffect, useState, type FormEvent } from "react";
import { addSourceAction } from "@/app/_actions/add-source";
import { SaveError } from "@/app/_components/editing/conflict-notice";
import { useHydrated } from "@/app/_components/editing/hydrated";
import { INITIAL_FORM_STATE } from "@/lib/http/form-state";

type Props = { maxTextBytes: number; maxHtmlBytes: number };
type Mode = "url" | "paste" | "file";

const mb = (bytes: number) => `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;

/**
 * Adds a source: pasted text or a .txt/.html file, plus what the source says about
 * itself. A server action, so it works without JavaScript (then both the text box and
 * the file field are shown, and a chosen file wins); with JavaScript a file too large is
 * refused before it is uploaded.
 */
export function SourceForm(limits: Props) {
  const hydrated = useHydrated();
  const [state, action, pending] = useActionState(addSourceAction, INITIAL_FORM_STATE);
  const [mode, setMode] = useState<Mode>("paste");
  const [problem, setProblem] = useState<string | null>(null);
  const [offset, setOffset] = useState("");
  const v = state.values;
  useEffect(() => setOffset(String(new Date().getTimezoneOffset())), []);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const file = new FormData(event.currentTarget).get("file");
    if (mode === "file" && file instanceof File && file.size > 0) {
      const limit = /\.html?$/i.test(file.name) ? limits.maxHtmlBytes : limits.maxTextBytes;
      if (file.size > limit) {
        event.preventDefault();
        setProblem(`${file.name} is ${mb(file.size)}; the limit for this kind of file is ${mb(limit)}.`);
        return;
      }
    }
    setProblem(null);
  }

  return (
    <form className="source-form" action={action} onSubmit={onSubmit}>
      <input type="hidden" name="timezoneOffset" value={offset} />
      <fieldset>
        <legend>Source text</legend>
        {hydrated ? <input type="hidden" name="mode" value={mode} /> : null}
        <div className="choice" hidden={!hydrated}>
          <label>
            <input type="radio" name="mode-choice" value="paste" checked={mode === "paste"} onChange={() => setMode("paste")} /> Paste text
          </label>
          <label>
            <input type="radio" name="mode-choice" value="file" checked={mode === "file"} onChange={() => setMode("file")} /> Upload a
            .txt or .html file
          </label>
          <label>
            <input type="radio" name="mode-choice" value="url" checked={mode === "url"} onChange={() => setMode("url")} /> Fetch a web page
          </label>
        </div>
        <div className="field" hidden={hydrated && mode !== "url"}>
          <label htmlFor="source-fetch-url">Web address of the article</label>
          <input id="source-fetch-url" name="fetchUrl" type="url" inputMode="url" placeholder="https://" maxLength={2000} required={hydrated && mode === "url"} defaultValue={v.fetchUrl} aria-describedby="source-fetch-url-hint" />
          <p id="source-fetch-url-hint" className="hint">
            {hydrated ? null : "To fetch a page, fill in this address and leave the text and file below empty. "}
            Verbatim fetches the page itself, keeps the exchange as an archived copy (WARC), reduces it to its readable text and fills the details
            below from the page&apos;s own metadata; check them on the source&apos;s page afterwards.
          </p>
        </div>
        <div className="field" hidden={hydrated && mode !== "paste"}>
          <label htmlFor="source-text">Text, exactly as published</label>
          <textarea id="source-text" name="text" rows={14} required={hydrated && mode === "paste"} defaultValue={v.text} aria-describedby="source-text-hint" />
          <p id="source-text-hint" className="hint">
            {hydrated ? null : "Paste the text here, or choose a file below (a chosen file is used instead of the text). "}
            Stored character for character (curly quotes, non-breaking spaces and all), up to {mb(limits.maxTextBytes)}.
          </p>
        </div>
        <div className="field" hidden={hydrated && mode !== "file"}>
          <label htmlFor="source-file">File</label>
          <input id="source-file" name="file" type="file" accept=".txt,.html,.htm,text/plain,text/html" required={hydrated && mode === "file"} aria-describedby="source-file-hint" />
          <p id="source-file-hint" className="hint">
            UTF-8. A .txt file is stored as it is (up to {mb(limits.maxTextBytes)}); an .html page (up to {mb(limits.maxHtmlBytes)}) is
            reduced to its readable article text, keeping every visible character.
          </p>
        </div>
      </fieldset>

      <fieldset>
        <legend>About the source</legend>
        <p className="hint">Leave a field empty if the source does not say. For an HTML page, empty fields are taken from the page&apos;s own metadata where it has them.</p>
        <div className="grid">
          <div className="field">
            <label htmlFor="source-title">Title</label>
            <input id="source-title" name="title" defaultValue={v.title} maxLength={500} />
          </div>
          <div className="field">
            <label htmlFor="source-publisher">Publisher</label>
            <input id="source-publisher" name="publisher" defaultValue={v.publisher} maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor="source-author">Author</label>
            <input id="source-author" name="author" defaultValue={v.author} maxLength={300} />
          </div>
          <div className="field" hidden={hydrated && mode === "url"}>
            <label htmlFor="source-url">URL</label>
            <input id="source-url" name="url" defaultValue={v.url} type="url" inputMode="url" placeholder="https://" maxLength={2000} />
          </div>
          <div className="field">
            <label htmlFor="source-published">Published</label>
            <input id="source-published" name="publishedAt" defaultValue={v.publishedAt} pattern="\d{4}(-\d{2}(-\d{2})?)?" placeholder="YYYY, YYYY-MM or YYYY-MM-DD" aria-describedby="source-published-hint" />
            <p id="source-published-hint" className="hint">Only as precisely as the source states it.</p>
          </div>
          <div className="field">
            <label htmlFor="source-retrieved">Retrieved</label>
            <input id="source-retrieved" name="retrievedAt" defaultValue={v.retrievedAt} type="datetime-local" aria-describedby="source-retrieved-hint" />
            <p id="source-retrieved-hint" className="hint">{hydrated ? "Your local time." : "In UTC."}</p>
          </div>
          <div className="field">
            <label htmlFor="source-language">Language</label>
            <input id="source-language" name="language" defaultValue={v.language} pattern="[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*" placeholder="e.g. en, kk, pt-BR" aria-describedby="source-language-hint" />
            <p id="source-language-hint" className="hint">A BCP 47 tag.</p>
          </div>
        </div>
      </fieldset>

      {problem ? (
        <p role="alert" className="form-error">
          {problem}
        </p>
      ) : null}
      <SaveError error={problem ? null : state.error} onReload={() => window.location.reload()} />
      <button type="submit" disabled={pending}>
        {pending ? (mode === "url" ? "Fetching…" : "Adding…") : mode === "url" ? "Fetch and add source" : "Add source"}
      </button>
    </form>
  );
}
