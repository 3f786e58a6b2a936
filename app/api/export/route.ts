import { getDb } from "@/lib/db";
import { readDbFor } from "@/lib/db-read";
import { openBulkExport } from "@/lib/export/bulk-export";
import { bulkExportQuery } from "@/lib/export/schemas";
import { publicBaseUrl } from "@/lib/http/base-url";
import { acceptsGzip, gzipFast } from "@/lib/http/gzip-stream";
import { handle, queryParams } from "@/lib/http/handle";
import { parseInput } from "@/lib/validation";

export const dynamic = "force-dynamic";

/** GET /api/export?format=…&status=&person=&source=: every matching claim, streamed. */
export const GET = handle(async (req) => {
  const { format, ...filter } = parseInput(bulkExportQuery, queryParams(req));
  const exportUrl = new URL(req.url);
  const baseUrl = publicBaseUrl(req.url);
  const out = await openBulkExport(getDb(), readDbFor(), format, filter, {
    baseUrl,
    exportUrl: `${baseUrl}${exportUrl.pathname}${exportUrl.search}`,
  });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    // Pull-based: the next claims are read only when the client has taken the previous
    // ones; small pieces are gathered into ~64 KB chunks.
    async pull(controller) {
      try {
        let buffer = "";
        while (buffer.length < 65_536) {
          const { value, done } = await out.chunks.next();
          if (done) {
            if (buffer) controller.enqueue(encoder.encode(buffer));
            controller.close();
            return;
          }
          buffer += value;
        }
        controller.enqueue(encoder.encode(buffer));
      } catch (err) {
        console.error(err);
        controller.error(err);
      }
    },
    async cancel() {
      await out.chunks.return(undefined);
    },
  });
  const headers: Record<string, string> = {
    "Content-Type": out.contentType,
    "Content-Disposition": `attachment; filename="${out.filename}"`,
    "Cache-Control": "no-store",
    Vary: "Accept-Encoding",
  };
  // Compressed here, fast (lib/http/gzip-stream.ts); the server then leaves it as it is.
  if (!acceptsGzip(req)) return new Response(body, { headers });
  return new Response(gzipFast(body), { headers: { ...headers, "Content-Encoding": "gzip" } });
});
