// Worker thread entry for the bulk formats written by our own code (CSL-JSON, ClaimReview,
// Web Annotation, CSV): stream-bulk-export.ts starts it.
import { bulkExportChunks } from "../bulk-export-chunks";
import { serveExport } from "./serve-export";

void serveExport(bulkExportChunks);
