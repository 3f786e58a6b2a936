// Test factory: accounts with API tokens, for calling mutation routes as a given role.
import { createUser } from "@/lib/auth/create-user";
import type { Role } from "@/lib/auth/roles";
import { createApiToken } from "@/lib/auth/tokens";
import type { Db } from "@/lib/db";

export type TestActor = { id: string; email: string; role: Role; token: string; auth: { authorization: string } };

let counter = 0;

export async function createTestActor(db: Db, role: Role = "editor", name?: string): Promise<TestActor> {
  counter += 1;
  const email = `${role}-${counter}-${Date.now()}@verbatim.test`;
  const user = await createUser(db, { email, role, name: name ?? `${role} ${counter}`, password: "test-password-123" });
  const { token } = await createApiToken(db, { userId: user.id, name: "test" });
  return { id: user.id, email, role, token, auth: { authorization: `Bearer ${token}` } };
}

/** A JSON request as a client would send it. */
export function jsonRequest(url: string, method: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(url, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}
