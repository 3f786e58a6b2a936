// One reference entry per source for the bulk citation exports: a reference manager gets
// each article once (not twenty copies, "2024a…2024t"), with every exported claim's quote
// in its note and, in CSL-JSON, every claim's structured record. Single-claim citations
// (the cite API) stay one entry per claim. Pure.
import { biblatexEntry, bibtexEntry } from "./bibtex";
import { risRecord } from "./citation-js";
import { claimCustom, type CslItem, cslNote, type NoteMode, toCslItem, type VerbatimCustom } from "./csl";
import { assertValidCsl } from "./csl-validate";
import { sourcePermalink } from "./permalinks";
import { type ExportClaim, type ExportContext, OFFSET_UNIT } from "./types";

type ClaimRecord = Omit<VerbatimCustom, "sourceId" | "sourcePermalink" | "sourceSha256" | "offsetUnit">;

export type CslSourceItem = Omit<CslItem, "custom"> & {
  custom: { verbatim: { sourceId: string; sourcePermalink: string; sourceSha256: string; offsetUnit: typeof OFFSET_UNIT; claims: ClaimRecord[] } };
};

/** The claims' notes, numbered, in the given mode (each says where a quote was normalised). */
function notes(claims: ExportClaim[], ctx: ExportContext, mode: NoteMode): string[] {
  return claims.map((c, i) => `[${i + 1}] ${cslNote(c, ctx, mode)}`);
}

/**
 * The source's CSL-JSON item, keyed by the source id, holding every claim (all of one
 * source). `validate: false` skips the schema check, for the bulk export's hot loop: the
 * same builder is checked against the schema in the tests and on every single citation.
 */
export function toCslSourceItem(claims: ExportClaim[], ctx: ExportContext, opts: { validate?: boolean } = {}): CslSourceItem {
  const first = claims[0];
  if (!first) throw new Error("a source entry needs at least one claim");
  const { custom, ...item } = toCslItem(first, ctx);
  const source = first.source;
  const entry: CslSourceItem = {
    ...item,
    id: source.id,
    "citation-key": source.id,
    note: notes(claims, ctx, "exact").join("\n"),
    custom: {
      verbatim: {
        sourceId: source.id,
        sourcePermalink: sourcePermalink(first, ctx),
        sourceSha256: custom.verbatim.sourceSha256,
        offsetUnit: OFFSET_UNIT,
        claims: claims.map((c) => {
          const { sourceId: _s, sourcePermalink: _p, sourceSha256: _h, offsetUnit: _u, ...rest } = claimCustom(c, ctx);
          return rest;
        }),
      },
    },
  };
  if (opts.validate !== false) assertValidCsl([entry]);
  return entry;
}

export function bibtexSourceEntry(claims: ExportClaim[], ctx: ExportContext): string {
  const { custom: _c, ...item } = toCslSourceItem(claims, ctx);
  return bibtexEntry(item, notes(claims, ctx, "tex").join(" "));
}

export function biblatexSourceEntry(claims: ExportClaim[], ctx: ExportContext): string {
  const { custom: _c, ...item } = toCslSourceItem(claims, ctx);
  return biblatexEntry(item, notes(claims, ctx, "tex").join(" "));
}

/** One RIS record per source, one N1 line per claim. */
export function risSourceRecord(claims: ExportClaim[], ctx: ExportContext): string {
  const { custom: _c, ...item } = toCslSourceItem(claims, ctx);
  return risRecord(item, notes(claims, ctx, "line"));
}
