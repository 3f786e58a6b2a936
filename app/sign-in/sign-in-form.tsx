"use client";

import { useState } from "react";

type Props = { next: string };

/** Posts to better-auth's rate-limited sign-in endpoint; the session arrives as an httpOnly cookie. */
export function SignInForm({ next }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const res = await fetch("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
    });
    setBusy(false);
    if (res.ok) {
      window.location.assign(next);
      return;
    }
    if (res.status === 429) {
      const wait = res.headers.get("x-retry-after");
      setError(`Too many sign-in attempts. Try again${wait ? ` in ${wait} seconds` : " later"}.`);
    } else if (res.status === 401) {
      setError("Wrong email or password.");
    } else {
      setError(`Sign-in failed (${res.status}).`);
    }
  }

  return (
    <form className="stack" onSubmit={onSubmit} method="post">
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
      <button type="submit" disabled={busy}>
        {busy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
