// The key better-auth signs session cookies with. Never shipped: it comes from
// BETTER_AUTH_SECRET, or is generated once per installation into a file beside the
// SQLite database (mode 0600) by `verbatim setup` — on PostgreSQL, in ./data of the app's
// working folder. Several app servers on one PostgreSQL share BETTER_AUTH_SECRET (README).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { databaseUrl, DEFAULT_DATABASE_URL, engineOf, sqliteFilePath } from "../db-url";

export function authSecretFile(): string {
  const url = databaseUrl();
  return path.join(path.dirname(sqliteFilePath(engineOf(url) === "sqlite" ? url : DEFAULT_DATABASE_URL)), "auth-secret");
}

/** The configured secret, or the installation's generated one (created if missing). */
export function authSecret(): string {
  const fromEnv = process.env.BETTER_AUTH_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("BETTER_AUTH_SECRET must be at least 32 characters.");
    return fromEnv;
  }
  const file = authSecretFile();
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  // flag "wx": if another process created it meanwhile, fail and read theirs instead.
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    return secret;
  } catch {
    return readFileSync(file, "utf8").trim();
  }
}
