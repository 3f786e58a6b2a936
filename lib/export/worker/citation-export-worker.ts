// Worker thread entry for the bulk reference formats (BibTeX, BibLaTeX, RIS): one entry
// per source, holding its claims (source-entry.ts), apart from export-worker.ts so that
// the other formats' worker starts without loading citation-js.
import { renderedSourceChunks } from "../bulk-export-chunks";
import { biblatexSourceEntry, bibtexSourceEntry, risSourceRecord } from "../source-entry";
import { serveExport } from "./serve-export";

const RENDER = { bibtex: bibtexSourceEntry, biblatex: biblatexSourceEntry, ris: risSourceRecord } as const;

void serveExport((read, plan) => {
  if (!(plan.format in RENDER)) throw new Error(`${plan.format} is written by export-worker.ts`);
  return renderedSourceChunks(read, plan, RENDER[plan.format as keyof typeof RENDER]);
});
