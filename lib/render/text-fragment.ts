// Links to a quote on its original page with a URL text fragment (WICG Text Fragments:
// https://wicg.github.io/scroll-to-text-fragment/), e.g. `…#:~:text=prefix-,start,end,-suffix`,
// so that supporting browsers scroll to the quote and highlight it. Pure.
//
// Browsers match a directive against the page's rendered text: whitespace runs count as
// one space and each term must sit inside one block (paragraph). So whitespace is
// normalised, the quote is cut at its first line break (every line is a paragraph here,
// as lib/render/highlight.ts renders them), and prefix/suffix stop at line breaks.
// Everything else is the quote's own characters, percent-encoded.

/** Longer quotes (in code points) are sent as `textStart,textEnd` to keep the URL short. */
export const MAX_EXACT_LENGTH = 300;
/** Words on each side of a long quote's `textStart,textEnd`. */
export const EDGE_WORDS = 5;

export type FragmentQuote = { exact: string; prefix?: string; suffix?: string };
export type FragmentOptions = {
  /** Add `prefix-,` / `,-suffix` from the span's context to tell repeated quotes apart (default true). */
  context?: boolean;
};

const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029/;

/** Runs of whitespace (NBSP included: browsers match it as a space) become one space. */
export function normaliseWhitespace(s: string): string {
  return s.replace(/\s+/gu, " ").trim();
}

/**
 * Percent-encodes a directive term: everything encodeURIComponent encodes (`,` and `&`
 * included: they separate terms and directives) and `-`, which marks prefix and suffix.
 */
export function encodeTerm(s: string): string {
  return encodeURIComponent(s).replace(/-/g, "%2D");
}

const codePoints = (s: string) => Array.from(s).length;

/** The context before a quote, from the line it is on, without a leading partial word. */
function prefixTerm(prefix: string): string {
  const lines = prefix.split(LINE_BREAK);
  const line = lines[lines.length - 1]!;
  // Context is cut at a fixed length, usually mid-word; after a line break it starts whole.
  const whole = lines.length > 1 ? line : line.replace(/^\S*/u, "");
  return normaliseWhitespace(whole);
}

/** The context after a quote, up to its line's end, without a trailing partial word. */
function suffixTerm(suffix: string): string {
  const lines = suffix.split(LINE_BREAK);
  const line = lines[0]!;
  const whole = lines.length > 1 ? line : line.replace(/\S*$/u, "");
  return normaliseWhitespace(whole);
}

type QuoteTerms = { terms: string[]; prefixAdjacent: boolean; suffixAdjacent: boolean };

/** The quote's terms: its first non-empty line, as one term or as start and end words if long. */
function quoteTerms(exact: string): QuoteTerms | null {
  const lines = exact.split(LINE_BREAK).map(normaliseWhitespace);
  const nonEmpty = lines.filter((l) => l.length > 0);
  const first = nonEmpty[0];
  if (!first) return null;
  // Context is only usable when it is on the same line as the directive's first / last term.
  const prefixAdjacent = lines[0] !== "";
  const suffixAdjacent = nonEmpty.length === 1 && lines[lines.length - 1] !== "";
  const terms = (): string[] => {
    if (codePoints(first) <= MAX_EXACT_LENGTH) return [first];
    const words = first.split(" ");
    // Too few words to split (e.g. a script written without spaces): the full text still matches.
    if (words.length < 2 * EDGE_WORDS) return [first];
    return [words.slice(0, EDGE_WORDS).join(" "), words.slice(-EDGE_WORDS).join(" ")];
  };
  return { terms: terms(), prefixAdjacent, suffixAdjacent };
}

/** One `text=` directive for a quote, or null when the quote has no visible text. */
export function textDirective(quote: FragmentQuote, options: FragmentOptions = {}): string | null {
  const q = quoteTerms(quote.exact);
  if (!q) return null;
  const context = options.context ?? true;
  const prefix = context && quote.prefix && q.prefixAdjacent ? prefixTerm(quote.prefix) : "";
  const suffix = context && quote.suffix && q.suffixAdjacent ? suffixTerm(quote.suffix) : "";
  const parts = [...(prefix ? [`${encodeTerm(prefix)}-`] : []), ...q.terms.map(encodeTerm), ...(suffix ? [`-${encodeTerm(suffix)}`] : [])];
  return `text=${parts.join(",")}`;
}

/**
 * `url` with a fragment directive pointing at the quotes (one `text=` each; browsers
 * highlight all and scroll to the first). An existing `#fragment` is kept, an existing
 * directive replaced. Returns `url` unchanged when no quote has text.
 */
export function withTextFragment(url: string, quotes: FragmentQuote[], options: FragmentOptions = {}): string {
  const directives = quotes.map((q) => textDirective(q, options)).filter((d): d is string => d !== null);
  if (directives.length === 0) return url;
  const hash = url.indexOf("#");
  const base = hash === -1 ? `${url}#` : url.slice(0, url.includes(":~:", hash) ? url.indexOf(":~:", hash) : url.length);
  return `${base}:~:${directives.join("&")}`;
}
