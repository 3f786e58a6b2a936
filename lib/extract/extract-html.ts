// HTML → text off the request thread: the page's shape is checked first (422 for
// pathological nesting), then a worker thread reduces it, ended when the time limit
// passes (422) or when the client goes away. The request thread never parses HTML.
import { Worker } from "node:worker_threads";
import { AppError } from "../errors";
import { runningFromSource, workerFromSource } from "../workers/source-worker";
import type { ExtractedText } from "./html-to-text";
import { htmlShapeProblem } from "./html-shape";
import type { HtmlWorkerAnswer } from "./worker/html-worker";

/** Time one page may take (VERBATIM_HTML_TIMEOUT_MS; default 10 s). */
export const htmlTimeoutMs = (): number => Number(process.env.VERBATIM_HTML_TIMEOUT_MS) || 10_000;

function startWorker(html: string, pageUrl: string | undefined): Worker {
  const options = { workerData: { html, pageUrl }, resourceLimits: { maxOldGenerationSizeMb: 512 } };
  if (runningFromSource()) return workerFromSource(new URL("./worker/html-worker.ts", import.meta.url), options);
  return new Worker(new URL("./worker/html-worker.ts", import.meta.url), options);
}

/** The readable text of `html`; 422 for a page refused by shape or time, "aborted" when `signal` fires. */
export function extractHtml(html: string, opts: { signal?: AbortSignal; timeoutMs?: number; pageUrl?: string } = {}): Promise<ExtractedText> {
  const problem = htmlShapeProblem(html);
  if (problem) return Promise.reject(new AppError("unprocessable", `html: refused because ${problem}.`));
  if (opts.signal?.aborted) return Promise.reject(new AppError("bad_request", "The request was cancelled."));
  const timeoutMs = opts.timeoutMs ?? htmlTimeoutMs();
  return new Promise((resolve, reject) => {
    const worker = startWorker(html, opts.pageUrl);
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener("abort", onAbort);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(
      () => finish(() => reject(new AppError("unprocessable", `html: the page could not be reduced to text within ${timeoutMs / 1000} s; it is refused.`))),
      timeoutMs,
    );
    const onAbort = () => finish(() => reject(new AppError("bad_request", "The request was cancelled.")));
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    worker.once("message", (answer: HtmlWorkerAnswer) =>
      finish(() => (answer.ok ? resolve(answer.result) : reject(new Error(`HTML extraction failed: ${answer.error}`)))),
    );
    worker.once("error", (err) => finish(() => reject(err)));
    worker.once("exit", (code) => finish(() => reject(new Error(`HTML extraction worker exited with code ${code}`))));
  });
}
