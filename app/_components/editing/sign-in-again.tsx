"use client";

import { usePathname } from "next/navigation";

/** A sign-in link that brings the editor back to this page (and its query). */
export function SignInAgain() {
  const pathname = usePathname() ?? "/";
  const here = typeof window === "undefined" ? pathname : `${window.location.pathname}${window.location.search}`;
  return <a href={`/sign-in?next=${encodeURIComponent(here)}`}>Sign in</a>;
}
