/**
 * The site-wide search box: a plain GET form to /search, so it works without JavaScript.
 * The label is visually hidden but read out; the placeholder alone would not be.
 */
export function SearchBox({ id = "site-search", defaultValue }: { id?: string; defaultValue?: string }) {
  return (
    <form role="search" aria-label="Search claims" action="/search" method="get" className="site-search">
      <label htmlFor={id} className="visually-hidden">
        Search claims, quotes, people and sources
      </label>
      <input id={id} type="search" name="q" defaultValue={defaultValue} required maxLength={200} placeholder="Search claims, quotes, people…" />
      <button type="submit">Search</button>
    </form>
  );
}
