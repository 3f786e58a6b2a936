import { parseHTML } from "linkedom";
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { StatusBadge } from "@/app/_components/status-badge";
import { claimListHtml, type ListedClaim } from "./claim-list-html";

const HOSTILE = `Claim with <script>alert("x")</script> & <img src=x onerror='y'> “quotes”`;
const claims: ListedClaim[] = [
  { id: "c1", text: "Oil exports through the CPC", status: "supported", spans: [{ id: "s1" }] },
  { id: "c2", text: HOSTILE, status: "disputed", spans: [{ id: "s2" }, { id: "s3" }] },
  { id: "c3", text: "No quote kept", status: "unreviewed", spans: [] },
  { id: "c4", text: "Old", status: "stale", spans: [{ id: "s4" }] },
];

/** The list as the source page rendered it with React elements before it became a string. */
const asElements = (list: ListedClaim[]) =>
  renderToStaticMarkup(
    h(
      "ol",
      null,
      list.map((c) =>
        h(
          "li",
          { key: c.id, "data-claim-id": c.id },
          h(StatusBadge, { status: c.status }),
          " ",
          h("a", { href: `/claims/${c.id}` }, c.text),
          " ",
          c.spans.map((s, i) =>
            h("a", { key: s.id, href: `#span-${s.id}`, className: "to-span", "aria-label": `Show quote${c.spans.length > 1 ? ` ${i + 1} of ${c.spans.length}` : ""} of: ${c.text}` }, "¶"),
          ),
        ),
      ),
    ),
  );

const dom = (html: string) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body;

describe("claimListHtml", () => {
  it("is the markup React rendered, element for element", () => {
    expect(dom(`<ol>${claimListHtml(claims)}</ol>`).innerHTML).toBe(dom(asElements(claims)).innerHTML);
  });

  it("keeps hostile text as text", () => {
    const root = dom(`<ol>${claimListHtml(claims)}</ol>`);
    expect(root.querySelectorAll("script, img")).toHaveLength(0);
    expect(root.querySelector('li[data-claim-id="c2"] a[href="/claims/c2"]')!.textContent).toBe(HOSTILE);
    expect(root.querySelector('a[href="#span-s3"]')!.getAttribute("aria-label")).toBe(`Show quote 2 of 2 of: ${HOSTILE}`);
  });
});

describe("claimListHtml: source changed", () => {
  it("marks a claim waiting on a newer revision of its source", () => {
    const html = claimListHtml([{ id: "c1", text: "T", status: "supported", sourceChanged: true, spans: [{ id: "s1" }] }]);
    expect(html).toContain('<a href="/claims/c1">T</a> <span class="badge badge-changed">source changed</span> <a href="#span-s1"');
    expect(claimListHtml([{ id: "c1", text: "T", status: "supported", spans: [{ id: "s1" }] }])).not.toContain("source changed");
  });
});
