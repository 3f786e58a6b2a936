// The demo start (`npm start` on an empty database) creates one editor so the editing
// features can be tried. No password ships: it is generated here and printed once.
import { randomBytes } from "node:crypto";
import type { Db } from "../db";
import { createUser } from "./create-user";

export const DEMO_EDITOR_EMAIL = "demo-editor@verbatim.invalid";

export async function createDemoEditor(db: Db): Promise<{ email: string; password: string } | null> {
  if ((await db.user.count()) > 0) return null;
  const password = randomBytes(12).toString("base64url");
  await createUser(db, { email: DEMO_EDITOR_EMAIL, name: "Demo Editor", role: "editor", password });
  return { email: DEMO_EDITOR_EMAIL, password };
}
