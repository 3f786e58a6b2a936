import { redirect } from "next/navigation";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The claims list lives at /claims; the home page opens it (keeping any filters). */
export default async function Home({ searchParams }: Props) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(await searchParams)) for (const one of Array.isArray(v) ? v : v ? [v] : []) q.append(k, one);
  redirect(`/claims${q.size ? `?${q}` : ""}`);
}
