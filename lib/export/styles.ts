// APA, MLA and Chicago references rendered by citeproc-js (through @citation-js/plugin-csl)
// with the official CSL styles bundled in ./csl (CC BY-SA 3.0, licence inside each file).
// Styles and the en-US locale are read from disk and registered once, on first use, so
// nothing is ever fetched. The cited work is the source article (see csl.ts).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { plugins } from "@citation-js/core";
import "@citation-js/plugin-csl";
import { safeCitationHtml } from "../render/citation-html";
import { toCslItem } from "./csl";
import { assertValidCsl } from "./csl-validate";
import type { ExportClaim, ExportContext } from "./types";

export const STYLE_IDS = ["apa", "mla", "chicago-author-date", "chicago-notes"] as const;
export type StyleId = (typeof STYLE_IDS)[number];

// Registered under our own names: plugin-csl ships an older "apa" we must not pick up by accident.
const STYLE_FILES: Record<StyleId, string> = {
  apa: "apa.csl",
  mla: "modern-language-association.csl",
  "chicago-author-date": "chicago-author-date.csl",
  "chicago-notes": "chicago-notes-bibliography.csl",
};
const registered = (id: StyleId) => `verbatim-${id}`;
const LOCALE = "en-US";
export { UNTITLED } from "./csl";

/** lib/export/csl, next to this module. import.meta.url, not .dirname: bundlers (Next's
 * server build) substitute the former with the source file's URL but not the latter. */
function cslDir(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), "csl");
}

let ready = false;

function register(): void {
  if (ready) return;
  const config = plugins.config.get("@csl");
  const dir = cslDir();
  // Replaces plugin-csl's bundled en-US with the current official locale, so the terms
  // match the styles' version.
  config.locales.add(LOCALE, readFileSync(path.join(dir, "locales-en-US.xml"), "utf8"));
  for (const id of STYLE_IDS) config.styles.add(registered(id), readFileSync(path.join(dir, STYLE_FILES[id]), "utf8"));
  ready = true;
}

export type StyleOptions = { html?: boolean };

function cslForStyle(claim: ExportClaim, ctx: ExportContext): Record<string, unknown> {
  // An untitled source already carries its bracketed description (csl.ts UNTITLED_CSL),
  // the same one every export carries.
  const { custom: _custom, ...item } = toCslItem(claim, ctx);
  // citeproc throws on (or silently mangles) items that are not valid CSL-JSON.
  assertValidCsl([item]);
  return item;
}

function bibliography(items: Record<string, unknown>[], style: StyleId, opts: StyleOptions): [string, string][] {
  register();
  // The output plugin directly: `new Cite()` would re-parse items we already validated.
  return plugins.output.format("bibliography", items, {
    format: opts.html ? "html" : "text",
    template: registered(style),
    lang: LOCALE,
    // No citeproc links: its href is not attribute-escaped (see render/citation-html.ts).
    hyperlinks: false,
    asEntryArray: true,
  });
}

/** The reference-list entry for the claim's source, as text (default) or an HTML fragment. */
export function formatStyle(claim: ExportClaim, ctx: ExportContext, style: StyleId, opts: StyleOptions = {}): string {
  const item = cslForStyle(claim, ctx);
  const [entry] = bibliography([item], style, opts);
  if (!entry) return "";
  // HTML: rebuilt from an allowlist, every value escaped; the source's web address linked.
  return opts.html ? safeCitationHtml(entry[1].trim(), [typeof item.URL === "string" ? item.URL : null]) : entry[1].trim();
}
