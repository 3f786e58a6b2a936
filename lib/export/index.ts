// The public surface of lib/export: pure functions from an ExportClaim (getClaim()'s shape)
// to every citation/export format. No database access anywhere in this folder.
export type { ExportClaim, ExportContext, ExportOrganization } from "./types";
export { claimPermalink, sourcePermalink } from "./permalinks";
export { toCslItem, type CslItem, type VerbatimCustom } from "./csl";
export { cslErrors, assertValidCsl } from "./csl-validate";
export { toBibtex, toBiblatex, toRis } from "./citation-js";
export { formatStyle, STYLE_IDS, type StyleId, type StyleOptions } from "./styles";
export { toClaimReview, claimReviewScript, type ClaimReviewJsonLd, type ClaimReviewOptions } from "./claimreview";
export { toAnnotation, toAnnotationCollection, ANNO_CONTEXT, type WebAnnotation, type AnnotationCollection, type CollectionOptions } from "./annotation";
export { toPlainText, toMarkdown } from "./text";
export { FORMATS, FORMAT_IDS, isFormat, getFormat, contentTypeOf, type Format, type FormatId, type RenderOptions } from "./formats";
