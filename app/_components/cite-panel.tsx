import { FORMATS } from "@/lib/export/formats";
import type { ExportClaim, ExportContext } from "@/lib/export/types";
import { toPlainText } from "@/lib/export/text";
import { CopyButtons } from "./copy-citation";

/**
 * Citation formats for one claim: a ready plain-text citation, and every format as a
 * link (works without JavaScript) with a copy button. Formats are rendered on request
 * by the cite API, so the claim page itself stays cheap.
 */
export function CitePanel({ claim, ctx }: { claim: ExportClaim; ctx: ExportContext }) {
  const base = `/api/claims/${claim.id}/cite?format=`;
  return (
    <section id="cite" aria-labelledby="cite-heading">
      <h2 id="cite-heading">Cite</h2>
      <p className="citation">{toPlainText(claim, ctx)}</p>
      <ul className="formats">
        {FORMATS.filter((f) => f.available(claim)).map((f) => (
          <li key={f.id} data-format={f.id}>
            <a href={`${base}${f.id}`}>{f.label}</a>{" "}
            <button type="button" className="copy" data-copy-url={`${base}${f.id}`} aria-label={`Copy ${f.label} citation`} hidden>
              Copy
            </button>
            {f.htmlContentType ? (
              <>
                {" "}
                <a href={`${base}${f.id}&html=true`} aria-label={`${f.label} as HTML`}>HTML</a>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <CopyButtons />
    </section>
  );
}
