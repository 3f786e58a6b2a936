/** Where to go after signing in: only a path on this site (no open redirect). */
export function safeNextPath(next: unknown): string {
  return typeof next === "string" && /^\/(?![/\\])/.test(next) ? next : "/";
}
