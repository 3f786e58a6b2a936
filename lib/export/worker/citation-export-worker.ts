// Worker thread entry for the bulk formats rendered by citation-js (BibTeX, BibLaTeX, RIS),
// apart from export-worker.ts so that the other formats' worker starts without loading it.
import { renderedChunks } from "../bulk-export-chunks";
import { getFormat } from "../formats";
import { serveExport } from "./serve-export";

void serveExport((read, plan) => {
  if (plan.format === "csv") throw new Error("CSV is written by export-worker.ts");
  return renderedChunks(read, plan, getFormat(plan.format).render);
});
