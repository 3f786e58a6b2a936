import type { Metadata } from "next";
import { headers } from "next/headers";
import { getActor, type Actor } from "@/lib/auth/actor";
import { canEdit } from "@/lib/auth/roles";
import { MAX_HTML_BYTES, MAX_SOURCE_BYTES } from "@/lib/sources/limits";
import { SourceForm } from "./source-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Add a source" };

async function visitor(): Promise<Actor | null> {
  try {
    return await getActor(await headers());
  } catch {
    return null; // a bad token on a page view is simply "not signed in"
  }
}

export default async function NewSourcePage() {
  const actor = await visitor();
  if (!canEdit(actor?.role)) {
    return (
      <article className="source-new">
        <h1>Add a source</h1>
        <p>
          Only editors add sources.{" "}
          {actor ? (
            <>You are signed in as {actor.name}, whose role ({actor.role}) may not change anything.</>
          ) : (
            <a href="/sign-in?next=/sources/new">Sign in as an editor</a>
          )}
        </p>
      </article>
    );
  }
  return (
    <article className="source-new">
      <h1>Add a source</h1>
      <p className="muted">
        The text is stored exactly as given and can never change afterwards; claims quote it word for word. Adding text
        that is already stored opens the existing source instead of making a copy.
      </p>
      <SourceForm maxTextBytes={MAX_SOURCE_BYTES} maxHtmlBytes={MAX_HTML_BYTES} />
    </article>
  );
}
