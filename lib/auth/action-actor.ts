// The acting editor inside a server action. Next.js refuses cross-site action calls
// itself (it compares Origin with Host), so only the session and the role are checked.
import { headers } from "next/headers";
import { AppError } from "../errors";
import { type Actor, getActor } from "./actor";
import { canEdit } from "./roles";

export async function requireEditorInAction(): Promise<Actor> {
  const actor = await getActor(await headers());
  if (!actor) throw new AppError("unauthorized", "You are not signed in (your session may have expired). Nothing was saved; sign in and save again.");
  if (!canEdit(actor.role)) throw new AppError("forbidden", `Role "${actor.role}" may not change anything; an editor or admin may.`);
  return actor;
}
