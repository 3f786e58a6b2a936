// Accounts, passwords, sessions and sign-in rate limiting come from better-auth; this
// file only configures it. Sign-up is closed: accounts are created with
// `npx verbatim user add` (see create-user.ts).
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { dbEngine, getDb } from "../db";
import { configuredPublicUrl } from "../http/base-url";
import { CLIENT_IP_HEADER } from "../http/client-ip";
import { authSecret } from "./secret";

/** Sign-in attempts allowed per client address in each window. */
export const SIGN_IN_RATE_LIMIT = { window: 60, max: 5 };

function createAuth() {
  // Unset: better-auth takes the origin from each request (and checks Origin against it).
  const baseURL = configuredPublicUrl();
  return betterAuth({
    appName: "Verbatim",
    baseURL,
    basePath: "/api/auth",
    // Without a configured public URL, the site is whatever host the request came to:
    // better-auth then accepts POSTs whose Origin is that host (same rule as the API's
    // assertSameOrigin), and a page on any other site is refused.
    trustedOrigins: async (request) => {
      const host = request?.headers.get("host");
      return host && !baseURL ? [`http://${host}`, `https://${host}`] : [];
    },
    secret: authSecret(),
    database: prismaAdapter(getDb(), { provider: dbEngine(getDb()) === "postgres" ? "postgresql" : "sqlite" }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10, maxPasswordLength: 256 },
    user: { additionalFields: { role: { type: "string", required: false, defaultValue: "reader", input: false } } },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: { "/sign-in/email": SIGN_IN_RATE_LIMIT },
    },
    advanced: {
      cookiePrefix: "verbatim",
      // Secure cookies need https: on when the public URL is https (set
      // VERBATIM_PUBLIC_URL in production), off for the local demo on http.
      useSecureCookies: baseURL?.startsWith("https://") ?? false,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      database: { generateId: () => crypto.randomUUID() },
      // The address scripts/server.mjs took from the socket (lib/http/client-ip.ts); the
      // gateway removes any value a client sent. Absent: one shared bucket, never a bypass.
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    telemetry: { enabled: false },
    // The unset-baseURL notice is expected (see above); real errors still log.
    logger: { level: "error" },
  });
}

export type Auth = ReturnType<typeof createAuth>;

const holder = globalThis as unknown as { verbatimAuth?: Auth; verbatimAuthDb?: unknown };

/** The app's better-auth instance, bound to the current database client. */
export function getAuth(): Auth {
  const db = getDb();
  if (!holder.verbatimAuth || holder.verbatimAuthDb !== db) {
    holder.verbatimAuth = createAuth();
    holder.verbatimAuthDb = db;
  }
  return holder.verbatimAuth;
}
