import { describe, expect, it } from "vitest";
import { searchPageHtml } from "../render/search-html";
import { composeSearchPage } from "./search-shell";

const empty = searchPageHtml({ params: { q: "" }, result: null, error: null });
// The shape of Next's empty search page (the browser tests compare with the real one).
const shell = [
  `<!DOCTYPE html><html lang="en"><head><link rel="stylesheet" href="/a.css" nonce="N"/><link rel="preload" as="script" fetchPriority="low" href="/x.js"/>`,
  `<script src="/x.js" async="" nonce="N"></script><title>Search · Verbatim</title></head><body><header class="site"><div class="account"><a href="/sign-in?next=%2Fsearch">Sign in</a></div></header>`,
  `<main id="main"><div class="search-page">${empty}</div></main><script nonce="N">self.__next_f.push([1,"\\u003cdiv\\u003e"])</script></body></html>`,
].join("");
const answer = { title: "“a & b” · Search", html: "<h1>Search</h1><p>results</p>" };

describe("composeSearchPage", () => {
  it("puts the content, title and sign-in return address into the shell, without Next's scripts", () => {
    const page = composeSearchPage(shell, answer, "/search?q=a%20%26%20b")!;
    expect(page).toContain(`<title>“a &amp; b” · Search · Verbatim</title>`);
    expect(page).toContain(`<main id="main"><div class="search-page"><h1>Search</h1><p>results</p></div></main>`);
    expect(page).toContain(`href="/sign-in?next=%2Fsearch%3Fq%3Da%2B%2526%2Bb"`);
    expect(page).not.toMatch(/<script|as="script"/);
    expect(page).toContain(`<link rel="stylesheet" href="/a.css" nonce="N"/>`);
  });

  it("assembles nothing from a shell that is not the empty search page", () => {
    expect(composeSearchPage(shell.replace("<title>Search", "<title>Other"), answer, "/search?q=a")).toBeNull();
    expect(composeSearchPage(shell.replace(empty, `${empty}x`), answer, "/search?q=a")).toBeNull();
    expect(composeSearchPage(shell.replace("</main>", `<div class="search-page">${empty}</div></main>`), answer, "/search?q=a")).toBeNull();
    expect(composeSearchPage(shell.replace("/sign-in?next=%2Fsearch", "/sign-in"), answer, "/search?q=a")).toBeNull();
  });
});
