import type { Metadata } from "next";
import "./globals.css";
import { SearchBox } from "./search/search-box";
import { canEdit } from "@/lib/auth/roles";
import { currentActor } from "@/lib/auth/current-actor";
import { headers } from "next/headers";
import { signInHref } from "@/lib/auth/safe-next";

export const metadata: Metadata = {
  title: { default: "Verbatim", template: "%s · Verbatim" },
  description: "Claims tied to the exact words of their sources.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const actor = await currentActor();
  const here = (await headers()).get("x-verbatim-path") ?? "/";
  return (
    <html lang="en">
      <body>
        <a className="skip" href="#main">Skip to content</a>
        <header className="site">
          <a href="/" className="brand">Verbatim</a>
          <nav aria-label="Main">
            {/* Plain links: every page is server-rendered, and next/link would add client payload to each. */}
            <a href="/claims">Claims</a>
            <a href="/sources">Sources</a>
            <a href="/people">People</a>
            {canEdit(actor?.role) ? <a href="/queue">Review queue</a> : null}
            {canEdit(actor?.role) ? <a href="/sources/new">Add source</a> : null}
          </nav>
          <SearchBox />
          <div className="account">
            {actor ? (
              <>
                <span>
                  {actor.name} <span className="muted">({actor.role})</span>
                </span>{" "}
                <form method="post" action="/api/session/sign-out" className="inline">
                  <button type="submit" className="linkish">Sign out</button>
                </form>
              </>
            ) : (
              <a href={signInHref(here)}>Sign in</a>
            )}
          </div>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
