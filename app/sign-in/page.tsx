import type { Metadata } from "next";
import { SignInForm } from "./sign-in-form";
import { currentActor } from "@/lib/auth/current-actor";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

/** Only same-site paths are followed after sign-in (no open redirect). */
const safeNext = (next: string | string[] | undefined) => (typeof next === "string" && /^\/(?!\/)/.test(next) ? next : "/");

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNext((await searchParams).next);
  const actor = await currentActor();
  return (
    <article className="narrow">
      <h1>Sign in</h1>
      {actor ? (
        <p>
          You are signed in as {actor.name} ({actor.role}). <a href={next}>Continue</a>
        </p>
      ) : (
        <>
          <p className="muted">For editors. Readers need no account. Accounts are created with <code>npx verbatim user add</code>.</p>
          <SignInForm next={next} />
        </>
      )}
    </article>
  );
}
