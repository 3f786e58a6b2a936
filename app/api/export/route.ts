import { getDb } from "@/lib/db";
import { readDbFor } from "@/lib/db-read";
import { openBulkExport } from "@/lib/export/bulk-export";
import { bulkExportQuery } from "@/lib/export/schemas";
import { publicBaseUrl } from "@/lib/http/base-url";
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
  return new Response(body, {
    headers: {
      "Content-Type": out.contentType,
      "Content-Disposition": `attachment; filename="${out.filename}"`,
      "Cache-Control": "no-store",
      // Compressed by the server (next start gzips it when the client asks): a 146 MB
      // CSL-JSON export of 100,000 claims travels as 30 MB. Next drops a Content-Encoding
      // set here (send-response.js), so a faster gzip level cannot be chosen per route.
    },
  });
});
