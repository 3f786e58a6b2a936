"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

type Props = { maxTextBytes: number; maxHtmlBytes: number };
type Mode = "paste" | "file";
type Body = { text?: string; html?: string } & Record<string, string>;

const mb = (bytes: number) => `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
const METADATA = ["title", "publisher", "author", "url", "publishedAt", "language"] as const;

/** Thrown for a problem found before sending; its message is shown as is. */
class FormProblem extends Error {}

/**
 * The file's text, decoded strictly as UTF-8: a wrongly decoded file would be stored,
 * hashed and quoted with replacement characters, so it is refused instead.
 */
async function readUtf8(file: File): Promise<string> {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw new FormProblem(`${file.name} is not UTF-8 text. Save it as UTF-8 and choose it again.`);
  }
}

/** The source part of the request: pasted text verbatim, or a file as `text` (.txt) or `html` (.html/.htm). */
async function sourcePart(form: FormData, mode: Mode, limits: Props): Promise<{ text: string } | { html: string }> {
  if (mode === "paste") {
    const text = String(form.get("text") ?? "");
    if (/^[ \t\n\f\r]*$/.test(text)) throw new FormProblem("Paste the source's text, or choose a file.");
    const bytes = new TextEncoder().encode(text).length;
    if (bytes > limits.maxTextBytes) throw new FormProblem(`The text is ${mb(bytes)}; the limit is ${mb(limits.maxTextBytes)}.`);
    return { text };
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) throw new FormProblem("Choose a .txt or .html file, or paste the text.");
  const isHtml = /\.html?$/i.test(file.name);
  if (!isHtml && !/\.txt$/i.test(file.name)) throw new FormProblem(`${file.name}: only .txt, .html and .htm files can be added.`);
  const limit = isHtml ? limits.maxHtmlBytes : limits.maxTextBytes;
  if (file.size > limit) throw new FormProblem(`${file.name} is ${mb(file.size)}; the limit for this kind of file is ${mb(limit)}.`);
  const content = await readUtf8(file);
  return isHtml ? { html: content } : { text: content };
}

/** Metadata as typed, trimmed; empty fields are left out (for HTML, the page's own metadata may fill them). */
function metadataPart(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of METADATA) {
    const value = String(form.get(field) ?? "").trim();
    if (value) out[field] = value;
  }
  const retrieved = String(form.get("retrievedAt") ?? "");
  if (retrieved) {
    // datetime-local has no time zone: it is the editor's local time, sent with its offset resolved.
    const date = new Date(retrieved);
    if (Number.isNaN(date.getTime())) throw new FormProblem("Retrieved: enter a date and time.");
    out.retrievedAt = date.toISOString();
  }
  return out;
}

async function serverError(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: { message?: unknown } };
    if (typeof body.error?.message === "string") return body.error.message;
  } catch {
    // Not JSON (e.g. a proxy's error page): fall through to the status.
  }
  return `The source was not added (HTTP ${res.status}).`;
}

export function SourceForm(limits: Props) {
  const router = useRouter();
  const [mode, setMode] = useState<Mode>("paste");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const body: Body = { ...metadataPart(form), ...(await sourcePart(form, mode, limits)) };
      const res = await fetch("/api/sources", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new FormProblem(await serverError(res));
      const { source, created } = (await res.json()) as { source: { id: string }; created: boolean };
      router.push(`/sources/${encodeURIComponent(source.id)}${created ? "" : "?existing=1"}`);
    } catch (err) {
      setError(err instanceof FormProblem ? err.message : "Could not reach the server. Try again.");
      setPending(false);
    }
  }

  return (
    <form className="source-form" onSubmit={onSubmit}>
      <fieldset>
        <legend>Source text</legend>
        <div className="choice">
          <label>
            <input type="radio" name="mode" value="paste" checked={mode === "paste"} onChange={() => setMode("paste")} /> Paste text
          </label>
          <label>
            <input type="radio" name="mode" value="file" checked={mode === "file"} onChange={() => setMode("file")} /> Upload a
            .txt or .html file
          </label>
        </div>
        <div className="field" hidden={mode !== "paste"}>
          <label htmlFor="source-text">Text, exactly as published</label>
          <textarea id="source-text" name="text" rows={14} required={mode === "paste"} aria-describedby="source-text-hint" />
          <p id="source-text-hint" className="hint">
            Stored character for character (curly quotes, non-breaking spaces and all), up to {mb(limits.maxTextBytes)}.
          </p>
        </div>
        <div className="field" hidden={mode !== "file"}>
          <label htmlFor="source-file">File</label>
          <input id="source-file" name="file" type="file" accept=".txt,.html,.htm,text/plain,text/html" required={mode === "file"} aria-describedby="source-file-hint" />
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
            <input id="source-title" name="title" maxLength={500} />
          </div>
          <div className="field">
            <label htmlFor="source-publisher">Publisher</label>
            <input id="source-publisher" name="publisher" maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor="source-author">Author</label>
            <input id="source-author" name="author" maxLength={300} />
          </div>
          <div className="field">
            <label htmlFor="source-url">URL</label>
            <input id="source-url" name="url" type="url" inputMode="url" placeholder="https://" maxLength={2000} />
          </div>
          <div className="field">
            <label htmlFor="source-published">Published</label>
            <input id="source-published" name="publishedAt" pattern="\d{4}(-\d{2}(-\d{2})?)?" placeholder="YYYY, YYYY-MM or YYYY-MM-DD" aria-describedby="source-published-hint" />
            <p id="source-published-hint" className="hint">Only as precisely as the source states it.</p>
          </div>
          <div className="field">
            <label htmlFor="source-retrieved">Retrieved</label>
            <input id="source-retrieved" name="retrievedAt" type="datetime-local" aria-describedby="source-retrieved-hint" />
            <p id="source-retrieved-hint" className="hint">Your local time.</p>
          </div>
          <div className="field">
            <label htmlFor="source-language">Language</label>
            <input id="source-language" name="language" pattern="[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*" placeholder="e.g. en, kk, pt-BR" aria-describedby="source-language-hint" />
            <p id="source-language-hint" className="hint">A BCP 47 tag.</p>
          </div>
        </div>
      </fieldset>

      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add source"}
      </button>
    </form>
  );
}
