// Worker thread entry for extract-html.ts: reduces one page to text and posts it back.
// Runs apart from the request thread so a page that takes long cannot stall the server;
// the caller ends the thread when its time limit passes or its client goes away.
import { parentPort, workerData } from "node:worker_threads";
import { type ExtractedText, htmlToText } from "../html-to-text";

export type HtmlWorkerAnswer = { ok: true; result: ExtractedText } | { ok: false; error: string };

const port = parentPort;
if (!port) throw new Error("html-worker.ts runs only as a worker thread");
try {
  const { html, pageUrl } = workerData as { html: string; pageUrl?: string };
  port.postMessage({ ok: true, result: htmlToText(html, pageUrl) } satisfies HtmlWorkerAnswer);
} catch (err) {
  port.postMessage({ ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies HtmlWorkerAnswer);
}
