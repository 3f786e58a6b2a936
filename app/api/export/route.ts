import { getDb } from "@/lib/db";
import { databaseUrl } from "@/lib/db-url";
import { planBulkExport } from "@/lib/export/bulk-export";
import { bulkExportQuery } from "@/lib/export/schemas";
import { streamBulkExport } from "@/lib/export/stream-bulk-export";
import { publicBaseUrl } from "@/lib/http/base-url";
import { handle, queryParams } from "@/lib/http/handle";
import { parseInput } from "@/lib/validation";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

/** GET /api/export?format=…&status=&person=&source=: every matching claim, streamed. */
export const GET = handle(async (req) => {
  const { format, bom, ...filter } = parseInput(bulkExportQuery, queryParams(req));
  const exportUrl = new URL(req.url);
  const baseUrl = publicBaseUrl(req);
  const plan = await planBulkExport(getDb(), format, filter, {
    baseUrl,
    exportUrl: `${baseUrl}${exportUrl.pathname}${exportUrl.search}`,
  }, { bom });
  return new Response(streamBulkExport(plan, databaseUrl()), {
    headers: {
      "Content-Type": plan.contentType,
      "Content-Disposition": `attachment; filename="${plan.filename}"`,
      "Cache-Control": "no-store",
      // Compressed by the server (next start gzips it when the client asks): a 146 MB
      // CSL-JSON export of 100,000 claims travels as 30 MB.
    },
  });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
