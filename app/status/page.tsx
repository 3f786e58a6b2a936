import type { Metadata } from "next";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Status" };

/**
 * "Verbatim is running": an operator's (or a load balancer's) check that the app answers,
 * and the framework's floor in `npm run bench` — a page through the same layout, proxy and
 * server as every other page, with no data of its own.
 */
export default function StatusPage() {
  return <p>Verbatim is running.</p>;
}
