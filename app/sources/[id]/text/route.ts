import { getDb } from "@/lib/db";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/methods";
import { sourceText } from "@/lib/sources/source-text";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/**
 * The source's stored text, exactly (UTF-8, no BOM, no trailing newline added): what the
 * W3C Web Annotation export's TextPositionSelector offsets count code points in. The
 * text never changes (a trigger refuses it), so it may be cached for good; its ETag is
 * its SHA-256.
 */
export const GET = handle<Ctx>(async (_req, { params }) => {
  const { text, sha256 } = await sourceText(getDb(), (await params).id);
  return new Response(text, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "public, max-age=31536000, immutable",
      ETag: `"${sha256}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
