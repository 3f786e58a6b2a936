import type { Metadata } from "next";
import { searchTitle } from "@/lib/render/search-html";
import { searchPage, searchPageParams } from "@/lib/search/search-page";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const firstOf = (sp: Record<string, string | string[] | undefined>) => (name: string) => {
  const v = sp[name];
  return (Array.isArray(v) ? v[0] : v) || undefined;
};

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return { title: searchTitle(searchPageParams(firstOf(await searchParams)).q) };
}

// The content is one HTML string (lib/render/search-html.ts): an anonymous reader gets
// the same markup from the server in front of Next (lib/search/search-page.ts).
export default async function SearchPage({ searchParams }: Props) {
  const { html } = await searchPage(searchPageParams(firstOf(await searchParams)));
  return <div className="search-page" dangerouslySetInnerHTML={{ __html: html }} />;
}
