// A page's own statements about itself, each with where it was found: schema.org
// JSON-LD (NewsArticle and kin), OpenGraph and article:* meta tags, <meta name=author>,
// <title>, <html lang>, <link rel=canonical>. Pure (takes a parsed document). Nothing is
// guessed: a value that is absent, empty or unreadable is left out, and a date keeps the
// precision the page gives (its calendar day as written, never shifted by a time zone).
import { isPartialDate } from "../dates";

export type PageField = "title" | "publisher" | "author" | "publishedAt" | "language" | "url";
export type Found = { value: string; origin: string };
export type PageMetadata = Partial<Record<PageField, Found>>;

const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|Report|ScholarlyArticle)$/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === "object" && !Array.isArray(v);
const clean = (s: unknown): string | undefined => {
  if (typeof s !== "string") return undefined;
  const t = s.replace(/[ \t\n\f\r]+/g, " ").trim();
  return t === "" ? undefined : t;
};
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/** "2024-12-03T10:00:00+05:00" → "2024-12-03" (as written); "2024-12" stays; anything else is dropped. */
export function pageDate(raw: unknown): string | undefined {
  const m = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:$|T)/.exec(clean(raw) ?? "");
  return m && isPartialDate(m[1]!) ? m[1] : undefined;
}

const names = (v: unknown): string[] =>
  asList(v)
    .map((a) => (isObject(a) ? clean(a.name) : clean(a)))
    .filter((n): n is string => n !== undefined && !/^https?:\/\//.test(n));

function jsonLdArticles(doc: Document): Json[] {
  const out: Json[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? "");
    } catch {
      continue; // a broken block says nothing
    }
    const queue = asList(data);
    while (queue.length > 0) {
      const item = queue.shift();
      if (!isObject(item)) continue;
      if (Array.isArray(item["@graph"])) queue.push(...item["@graph"]);
      if (asList(item["@type"]).some((t) => typeof t === "string" && ARTICLE_TYPES.test(t))) out.push(item);
    }
  }
  return out;
}

function meta(doc: Document, attr: "property" | "name", key: string): string | undefined {
  for (const el of doc.querySelectorAll(`meta[${attr}]`)) {
    if (el.getAttribute(attr)?.toLowerCase() === key) {
      const v = clean(el.getAttribute("content"));
      if (v !== undefined) return v;
    }
  }
  return undefined;
}

const httpUrl = (raw: string | undefined, base: string | undefined): string | undefined => {
  if (!raw) return undefined;
  try {
    const u = new URL(raw, base);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : undefined;
  } catch {
    return undefined;
  }
};

/** Every field the page states, the most specific statement first (JSON-LD, then meta tags, then plain HTML). */
export function pageMetadata(doc: Document, pageUrl?: string): PageMetadata {
  const candidates: Record<PageField, [string | undefined, string][]> = { title: [], publisher: [], author: [], publishedAt: [], language: [], url: [] };
  for (const a of jsonLdArticles(doc)) {
    candidates.title.push([clean(a.headline) ?? clean(a.name), "json-ld"]);
    candidates.publisher.push([names(a.publisher)[0], "json-ld"]);
    const authors = names(a.author);
    candidates.author.push([authors.length > 0 ? authors.join("; ") : undefined, "json-ld"]);
    candidates.publishedAt.push([pageDate(a.datePublished), "json-ld"]);
    candidates.language.push([clean(a.inLanguage), "json-ld"]);
    candidates.url.push([httpUrl(clean(a.url), pageUrl), "json-ld"]);
  }
  candidates.title.push([meta(doc, "property", "og:title"), "opengraph"]);
  candidates.publisher.push([meta(doc, "property", "og:site_name"), "opengraph"]);
  candidates.author.push([clean(meta(doc, "property", "article:author")?.replace(/^https?:\/\/\S*$/, "")), "article-meta"]);
  candidates.author.push([meta(doc, "name", "author"), "meta-author"]);
  candidates.publishedAt.push([pageDate(meta(doc, "property", "article:published_time")), "article-meta"]);
  candidates.url.push([httpUrl(doc.querySelector('link[rel~="canonical"]')?.getAttribute("href") ?? undefined, pageUrl), "canonical"]);
  candidates.url.push([httpUrl(meta(doc, "property", "og:url"), pageUrl), "opengraph"]);
  candidates.title.push([clean(doc.querySelector("title")?.textContent), "html-title"]);
  candidates.language.push([clean(doc.documentElement?.getAttribute("lang")), "html-lang"]);

  const out: PageMetadata = {};
  for (const field of Object.keys(candidates) as PageField[]) {
    const hit = candidates[field].find(([v]) => v !== undefined);
    if (hit) out[field] = { value: hit[0]!, origin: hit[1] };
  }
  return out;
}
