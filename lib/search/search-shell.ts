// An anonymous reader's search page, assembled from the empty search page Next rendered
// (the shell: site header, styles, security headers) and the content of one search
// (search-page.ts). Pure. Every change must find its place exactly once, or nothing is
// assembled and Next renders the page itself.
//
// Next's scripts are left out: they would hydrate the shell's own (empty) content over
// the results. Nothing on the page needs them: the header and the search form are plain
// links and a GET form, like every reader's page.
import { signInHref } from "../auth/safe-next";
import { escapeHtml } from "../render/highlight-html";
import { searchPageHtml, searchTitle } from "../render/search-html";

/** The path the shell is rendered at. */
export const SHELL_PATH = "/search";

const SCRIPTS = /<script\b[^>]*>[\s\S]*?<\/script>|<link\b[^>]*\bas="script"[^>]*\/?>/g;

/** `from` in `text` once, replaced by `to`; null when it is not there exactly once. */
function replaceOnce(text: string | null, from: string, to: string): string | null {
  if (text === null) return null;
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + from.length) >= 0) return null;
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** The page's own address as the app's proxy passes it on to sign-in (its query re-encoded, as Next does). */
function pageAddress(url: string): string {
  const u = new URL(url, "http://verbatim.invalid");
  const search = u.searchParams.toString();
  return `${u.pathname}${search ? `?${search}` : ""}`;
}

/** The shell with `answer` as its content and title, and sign-in coming back to `url`. */
export function composeSearchPage(shell: string, answer: { title: string; html: string }, url: string): string | null {
  const empty = searchPageHtml({ params: { q: "" }, result: null, error: null });
  let page: string | null = shell.replace(SCRIPTS, "");
  page = replaceOnce(page, `<title>${escapeHtml(searchTitle(""))} · `, `<title>${escapeHtml(answer.title)} · `);
  page = replaceOnce(page, `<div class="search-page">${empty}</div>`, `<div class="search-page">${answer.html}</div>`);
  page = replaceOnce(page, `href="${escapeHtml(signInHref(SHELL_PATH))}"`, `href="${escapeHtml(signInHref(pageAddress(url)))}"`);
  return page;
}
