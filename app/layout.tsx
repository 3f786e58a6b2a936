import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Verbatim", template: "%s · Verbatim" },
  description: "Claims tied to the exact words of their sources.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip" href="#main">Skip to content</a>
        <header className="site">
          <a href="/" className="brand">Verbatim</a>
          <nav aria-label="Main">
            {/* Plain links: every page is server-rendered, and next/link would add client payload to each. */}
            <a href="/">Claims</a>
            <a href="/sources">Sources</a>
            <a href="/people">People</a>
          </nav>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
