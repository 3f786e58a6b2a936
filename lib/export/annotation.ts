// Claim → W3C Web Annotation (JSON-LD, www.w3.org/TR/annotation-model). The target is
// the claim's span(s) of the source, selected both by quote (TextQuoteSelector, robust
// to edits) and by position (TextPositionSelector; W3C counts code points, as we do).
// The positions count in Verbatim's stored text, so that text is the target's `source`
// (served as text/plain at /sources/{id}/text, with its language and format); the
// original page, when known, is the `scope` the text was taken from.
// The bodies carry the claim in the editor's words and, once reviewed, the verdict.
import { claimStatus, known, latestReview, STATUS_LABEL } from "./claim-facts";
import { appBase, claimPermalink, organization, sourceTextUrl } from "./permalinks";
import type { ExportClaim, ExportContext, ExportSpan } from "./types";
import { toUri } from "./uri";

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

type TextualBody = {
  type: "TextualBody";
  value: string;
  format: "text/plain";
  purpose: "describing" | "assessing";
};

type TextResource = { id: string; type: "Text"; format: "text/plain"; language?: string };

type Target = {
  type: "SpecificResource";
  source: TextResource;
  scope?: string;
  selector: [
    { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string },
    { type: "TextPositionSelector"; start: number; end: number },
  ];
  state?: { type: "TimeState"; sourceDate: string };
};

export type WebAnnotation = {
  "@context"?: typeof ANNO_CONTEXT;
  id: string;
  type: "Annotation";
  motivation: "assessing" | "describing";
  created: string;
  modified: string;
  creator: { type: "Organization"; name: string; homepage?: string };
  body: TextualBody[];
  target: Target | Target[];
};

export type AnnotationOptions = {
  /** Leave out @context: for annotations embedded in a collection page, which carries it. */
  embedded?: boolean;
};

function target(claim: ExportClaim, ctx: ExportContext, span: ExportSpan): Target {
  // The offsets count code points of Verbatim's stored text: that text is the source. The
  // original page (as a URI: the model requires one) is where it was taken from.
  const url = known(claim.source.url);
  const scope = url ? toUri(url) : null;
  const language = known(claim.source.language);
  const retrievedAt = claim.source.retrievedAt;
  return {
    type: "SpecificResource",
    source: { id: sourceTextUrl(claim, ctx), type: "Text", format: "text/plain", ...(language && { language }) },
    ...(scope && { scope }),
    selector: [
      { type: "TextQuoteSelector", exact: span.exact, prefix: span.prefix, suffix: span.suffix },
      { type: "TextPositionSelector", start: span.start, end: span.end },
    ],
    // The state says *when* the text was as selected; without a retrieval date we say nothing.
    ...(retrievedAt && { state: { type: "TimeState", sourceDate: retrievedAt } }),
  };
}

export function toAnnotation(claim: ExportClaim, ctx: ExportContext, opts: AnnotationOptions = {}): WebAnnotation {
  const status = claimStatus(claim);
  const review = latestReview(claim);
  const org = organization(ctx);
  const body: TextualBody[] = [{ type: "TextualBody", value: claim.text, format: "text/plain", purpose: "describing" }];
  // "assessing" only once an editor has judged the claim; before that the annotation just
  // describes what the source says ("describing", W3C motivation vocabulary §3.3.5).
  if (status !== "unreviewed") {
    const rationale = known(review?.rationale);
    body.push({
      type: "TextualBody",
      value: `${STATUS_LABEL[status]}${rationale ? `: ${rationale}` : ""}`,
      format: "text/plain",
      purpose: "assessing",
    });
  }
  const targets = claim.spans.map((s) => target(claim, ctx, s));
  return {
    ...(!opts.embedded && { "@context": ANNO_CONTEXT }),
    id: claimPermalink(claim, ctx),
    type: "Annotation",
    motivation: status === "unreviewed" ? "describing" : "assessing",
    created: claim.createdAt,
    modified: claim.updatedAt,
    creator: { type: "Organization", name: org.name, ...(org.url && { homepage: org.url }) },
    body,
    // One target per span; a single span stays a plain object, the common case.
    target: targets.length === 1 ? targets[0]! : targets,
  };
}

export type AnnotationCollection = {
  "@context": typeof ANNO_CONTEXT;
  id: string;
  type: "AnnotationCollection";
  label?: string;
  total: number;
  /** Absent for an empty collection: a W3C AnnotationPage must hold at least one annotation. */
  first?: { id: string; type: "AnnotationPage"; partOf: string; startIndex: 0; items: WebAnnotation[] };
  /** The last page's IRI: the only page, the first (W3C §5.1). */
  last?: string;
};

/** The IRI of the collection's one page. */
export const annotationPageId = (collectionId: string) => `${collectionId}${collectionId.includes("#") ? "-" : "#"}page-1`;

export type CollectionOptions = {
  /** The collection's IRI (W3C: it MUST have one); default `${baseUrl}/api/claims`. Pass the export URL. */
  id?: string;
  label?: string;
};

/** All claims as one AnnotationCollection whose single, embedded first page holds every annotation. */
export function toAnnotationCollection(items: ExportClaim[], ctx: ExportContext, opts: CollectionOptions = {}): AnnotationCollection {
  const id = opts.id ?? `${appBase(ctx)}/api/claims`;
  return {
    "@context": ANNO_CONTEXT,
    id,
    type: "AnnotationCollection",
    ...(opts.label && { label: opts.label }),
    total: items.length,
    ...(items.length > 0 && {
      last: annotationPageId(id),
      first: {
        id: annotationPageId(id),
        type: "AnnotationPage",
        partOf: id,
        startIndex: 0,
        items: items.map((c) => toAnnotation(c, ctx, { embedded: true })),
      },
    }),
  };
}
