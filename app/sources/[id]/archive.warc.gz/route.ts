import { getDb } from "@/lib/db";
import { handle } from "@/lib/http/handle";
import { otherMethods } from "@/lib/http/methods";
import { getSourceArchive } from "@/lib/sources/get-source-archive";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/**
 * The HTTP exchange the source was fetched from, as a gzipped WARC 1.1 file (404 with a
 * JSON error for a pasted source, which has no archive). It never changes.
 */
export const GET = handle<Ctx>(async (_req, { params }) => {
  const { warc, filename } = await getSourceArchive(getDb(), (await params).id);
  return new Response(new Uint8Array(warc), {
    headers: {
      // Gzipped WARC records, served as the gzip file they are (not as a content encoding).
      "Content-Type": "application/gzip",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
