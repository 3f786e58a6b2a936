// The add-source form's fields as POST /api/sources input (addSource validates the rest
// with the API's own messages). The same rules whether the browser ran JavaScript or not.
import { AppError } from "../errors";
import { field } from "../http/form-state";
import { MAX_HTML_BYTES, MAX_SOURCE_BYTES } from "./limits";

const mb = (bytes: number) => `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
const METADATA = ["title", "publisher", "author", "url", "publishedAt", "language"] as const;

/**
 * A datetime-local value ("2026-11-29T08:30") as an instant: the browser's offset from UTC
 * (minutes, as Date#getTimezoneOffset gives it) when its script sent one, else UTC.
 */
export function retrievedInstant(local: string, offsetMinutes: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) throw new AppError("unprocessable", "Retrieved: enter a date and time.");
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  const offset = /^-?\d{1,4}$/.test(offsetMinutes) ? Number(offsetMinutes) : 0;
  const date = new Date(utc + offset * 60_000);
  if (Number.isNaN(date.getTime())) throw new AppError("unprocessable", "Retrieved: enter a date and time.");
  return date.toISOString();
}

/** The file as text, decoded strictly as UTF-8: a wrongly decoded file would be stored and quoted with replacement characters. */
async function fileText(file: File): Promise<string> {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw new AppError("unprocessable", `${file.name} is not UTF-8 text. Save it as UTF-8 and choose it again.`);
  }
}

/**
 * A page to fetch (mode "url", or without JavaScript a filled "Web address" with no text
 * or file), else a chosen file, else pasted text — without JavaScript all fields are shown.
 * When fetching, the metadata URL field is not sent: the page is fetched from `fetchUrl`.
 */
export async function sourceFormInput(form: FormData): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of METADATA) {
    const value = field(form, name).trim();
    if (value) out[name] = value;
  }
  const retrieved = field(form, "retrievedAt");
  if (retrieved) out.retrievedAt = retrievedInstant(retrieved, field(form, "timezoneOffset"));
  const mode = field(form, "mode");
  const fetchUrl = field(form, "fetchUrl").trim();
  const file = form.get("file");
  const noTextOrFile = !field(form, "text").trim() && !(file instanceof File && file.size > 0);
  if (mode === "url" || (mode === "" && fetchUrl && noTextOrFile)) {
    if (!fetchUrl) throw new AppError("unprocessable", "Enter the web address of the page to fetch.");
    out.url = fetchUrl;
    return out;
  }
  if (file instanceof File && file.size > 0 && mode !== "paste") {
    const isHtml = /\.html?$/i.test(file.name);
    if (!isHtml && !/\.txt$/i.test(file.name)) throw new AppError("unprocessable", `${file.name}: only .txt, .html and .htm files can be added.`);
    const limit = isHtml ? MAX_HTML_BYTES : MAX_SOURCE_BYTES;
    if (file.size > limit) throw new AppError("payload_too_large", `${file.name} is ${mb(file.size)}; the limit for this kind of file is ${mb(limit)}.`);
    out[isHtml ? "html" : "text"] = await fileText(file);
    return out;
  }
  const text = field(form, "text");
  if (/^[ \t\n\f\r]*$/.test(text)) throw new AppError("unprocessable", "Paste the source's text, or choose a file.");
  out.text = text;
  return out;
}
