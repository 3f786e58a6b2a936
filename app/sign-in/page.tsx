import type { Metadata } from "next";
import { currentActor } from "@/lib/auth/current-actor";
import { safeNextPath } from "@/lib/auth/safe-next";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function errorMessage(error: unknown, retry: unknown): string | null {
  if (error === "invalid") return "Wrong email or password.";
  if (error === "rate_limited") return `Too many sign-in attempts. Try again${typeof retry === "string" && retry ? ` in ${retry} seconds` : " later"}.`;
  return null;
}

/** A plain form (works without JavaScript) posting to /api/session/sign-in. */
export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  const actor = await currentActor();
  const error = errorMessage(params.error, params.retry);
  return (
    <article className="narrow">
      <h1>Sign in</h1>
      {actor ? (
        <p>
          You are signed in as {actor.name} ({actor.role}). <a href={next}>Continue</a>
        </p>
      ) : (
        <>
          <p className="muted">For editors; readers need no account. Accounts are created with <code>npx verbatim user add</code>.</p>
          <form className="stack" method="post" action="/api/session/sign-in">
            <input type="hidden" name="next" value={next} />
            <label>
              Email
              <input name="email" type="email" autoComplete="username" required />
            </label>
            <label>
              Password
              <input name="password" type="password" autoComplete="current-password" required />
            </label>
            {error ? (
              <p role="alert" className="error">
                {error}
              </p>
            ) : null}
            <button type="submit">Sign in</button>
          </form>
        </>
      )}
    </article>
  );
}
