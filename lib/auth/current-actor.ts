// The actor for a server component: the same rules as the API (lib/auth/actor.ts),
// read from the incoming request's headers, once per request.
import { headers } from "next/headers";
import { cache } from "react";
import { type Actor, getActor } from "./actor";

export const currentActor = cache(async (): Promise<Actor | null> => {
  try {
    return await getActor(await headers());
  } catch {
    return null; // a bad token on a page view is simply "not signed in"
  }
});
