import { describe, expect, it } from "vitest";
import { safeCitationHtml } from "./citation-html";
import { httpUrl } from "./safe-url";

describe("safeCitationHtml", () => {
  it("keeps citeproc's markup and escapes everything else", () => {
    const html = `<div data-csl-entry-id="c-1" class="csl-entry">A. (2024). <i>T &#38; "x"</i> <span style="font-variant:small-caps;">pub</span><script>alert(1)</script><img src=x onerror=alert(2)></div>`;
    expect(safeCitationHtml(html)).toBe(
      `<div data-csl-entry-id="c-1" class="csl-entry">A. (2024). <i>T &amp; &quot;x&quot;</i> <span style="font-variant:small-caps;">pub</span>alert(1)</div>`,
    );
  });

  it("drops attributes a broken href would have added, and links only http(s) URLs", () => {
    const url = `https://example.org/"autofocus/onfocus=alert(1)//`;
    const out = safeCitationHtml(`<div class="csl-entry" onclick="x()">See ${url.replace(/"/g, "&#34;")}. javascript:alert(1)</div>`, [url, "javascript:alert(1)"]);
    expect(out).toBe(`<div class="csl-entry">See <a href="https://example.org/&quot;autofocus/onfocus=alert(1)//" rel="noopener noreferrer">https://example.org/&quot;autofocus/onfocus=alert(1)//</a>. javascript:alert(1)</div>`);
  });

  it("refuses style values that are not plain keywords", () => {
    expect(safeCitationHtml(`<span style="background:url(javascript:x)">a</span>`)).toBe("<span>a</span>");
  });
});

describe("httpUrl", () => {
  it("accepts http(s) only", () => {
    expect(httpUrl("https://a.example/x?y=1")).toBe("https://a.example/x?y=1");
    expect(httpUrl("HTTP://a.example")).toBe("HTTP://a.example");
    for (const bad of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "data:text/html,x", "//evil.example", "/relative", "", null, "java\tscript:x", "https://a.example/\nx"]) {
      expect(httpUrl(bad)).toBeNull();
    }
  });
});
