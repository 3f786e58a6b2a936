import { describe, expect, it } from "vitest";
import { htmlShapeProblem, MAX_HTML_DEPTH } from "./html-shape";

const nested = (n: number) => `<html><body>${"<div>".repeat(n)}x${"</div>".repeat(n)}</body></html>`;

describe("htmlShapeProblem", () => {
  it("refuses deep nesting before any parsing, quickly", () => {
    const t = performance.now();
    expect(htmlShapeProblem(nested(10_000))).toMatch(/nested more than 256 deep/);
    expect(performance.now() - t).toBeLessThan(1_000);
    expect(htmlShapeProblem(nested(MAX_HTML_DEPTH - 3))).toBeNull();
  });

  it("accepts ordinary pages with omitted end tags, void elements and script text", () => {
    const paragraphs = Array.from({ length: 2_000 }, (_, i) => `<p>Paragraph ${i}<br>line<img src=x.png>`).join("\n");
    const list = `<ul>${Array.from({ length: 1_000 }, (_, i) => `<li>item ${i}`).join("")}</ul>`;
    const table = `<table>${Array.from({ length: 500 }, () => "<tr><td>a<td>b").join("")}</table>`;
    const script = `<script>${"<div>".repeat(5_000)}</script>`;
    expect(htmlShapeProblem(`<!doctype html><html><head><meta charset=utf-8><title><div></title></head><body><article>${paragraphs}${list}${table}${script}<!-- ${"<div>".repeat(999)} --></article></body></html>`)).toBeNull();
  });

  it("scans hostile markup in linear time", () => {
    const t = performance.now();
    for (const hostile of ["<a".repeat(1_000_000), "<!--".repeat(500_000), `<div ${"x".repeat(3_000_000)}`, "</".repeat(1_000_000)]) htmlShapeProblem(hostile);
    expect(performance.now() - t).toBeLessThan(3_000);
  });

  it("refuses a page with too many elements", () => {
    expect(htmlShapeProblem("<br>".repeat(200_001))).toMatch(/more than 200000 elements/);
  });
});
