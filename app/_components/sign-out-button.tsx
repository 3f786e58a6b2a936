"use client";

/** Ends the session through better-auth (a same-origin POST), then reloads as a reader. */
export function SignOutButton() {
  return (
    <button
      type="button"
      className="linkish"
      onClick={async () => {
        await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
        window.location.assign("/");
      }}
    >
      Sign out
    </button>
  );
}
