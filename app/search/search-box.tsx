import { SEARCH_BOX } from "@/lib/render/search-html";

/**
 * The site-wide search box: a plain GET form to /search, so it works without JavaScript.
 * The label is visually hidden but read out; the placeholder alone would not be.
 * (The search page's own box is the same form, rendered as HTML: searchBoxHtml.)
 */
export function SearchBox({ id = "site-search", defaultValue }: { id?: string; defaultValue?: string }) {
  return (
    <form role="search" aria-label="Search claims" action="/search" method="get" className="site-search">
      <label htmlFor={id} className="visually-hidden">
        {SEARCH_BOX.label}
      </label>
      <input id={id} type="search" name="q" defaultValue={defaultValue} required maxLength={SEARCH_BOX.maxLength} placeholder={SEARCH_BOX.placeholder} />
      <button type="submit">Search</button>
    </form>
  );
}
