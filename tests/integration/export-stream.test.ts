import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generate } from "@/bench/generate";
import { createDb } from "@/lib/db";
import { readDbFor } from "@/lib/db-read";
import { type BulkExportPlan, planBulkExport } from "@/lib/export/bulk-export";
import { bulkExportChunks, renderedSourceChunks } from "@/lib/export/bulk-export-chunks";
import { risSourceRecord } from "@/lib/export/source-entry";
import { getFormat } from "@/lib/export/formats";
import { streamBulkExport } from "@/lib/export/stream-bulk-export";

// The bulk export's worker thread, on a generated corpus big enough for many chunks:
// the bytes are the in-process writer's, a slow reader gets all of them, and a client
// that goes away or a worker that fails stops the worker.
let dir: string;
let url: string;
const ctx = { baseUrl: "http://verbatim.test", exportUrl: "http://verbatim.test/api/export?format=csl-json" };
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "verbatim-export-stream-"));
  const file = path.join(dir, "corpus.db");
  await generate({ file, claims: 3000, sources: 300, seed: 7, log: () => {} });
  url = `file:${file}`;
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function plan(format: BulkExportPlan["format"]): Promise<BulkExportPlan> {
  const db = createDb(url);
  try {
    return await planBulkExport(db, format, {}, ctx);
  } finally {
    await db.$disconnect();
  }
}

async function inProcess(p: BulkExportPlan): Promise<string> {
  let out = "";
  const read = readDbFor(url);
  const pieces = p.format === "ris" ? renderedSourceChunks(read, p, risSourceRecord) : bulkExportChunks(read, p);
  for await (const piece of pieces) out += piece;
  return out;
}

const exited = () => {
  let resolve!: (code: number) => void;
  const promise = new Promise<number>((r) => (resolve = r));
  return { promise, onWorkerExit: resolve };
};

describe("streamBulkExport (worker thread)", () => {
  it("streams the in-process writer's bytes, to a reader that takes its time, and then the worker exits", async () => {
    const p = await plan("csl-json");
    const exit = exited();
    const reader = streamBulkExport(p, url, exit).getReader();
    const chunks: Uint8Array[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      chunks.push(r.value);
      if (chunks.length % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(chunks.length).toBeGreaterThan(3); // several pieces, read slowly
    expect(Buffer.concat(chunks).toString("utf8")).toBe(await inProcess(p));
    await exit.promise;
  });

  it("writes citation-js formats in their own worker, with the same bytes", async () => {
    const p = await plan("ris");
    const reader = streamBulkExport(p, url).getReader();
    const chunks: Uint8Array[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
    expect(Buffer.concat(chunks).toString("utf8")).toBe(await inProcess(p));
  });

  it("stops the worker when the client goes away", async () => {
    const exit = exited();
    const reader = streamBulkExport(await plan("csl-json"), url, exit).getReader();
    expect((await reader.read()).done).toBe(false);
    await reader.cancel();
    expect(await exit.promise).toBe(1); // terminated, not finished
  });

  it("ends the stream with a generic error, the cause in the server log, when the worker fails", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const exit = exited();
      const missing = `file:${path.join(dir, "missing.db")}`;
      const reader = streamBulkExport(await plan("csl-json"), missing, exit).getReader();
      await expect(reader.read()).rejects.toThrow("The export failed on the server.");
      expect(String(log.mock.calls[0]?.[1])).toMatch(/missing\.db|does not exist|unable to open/i);
      await exit.promise;
    } finally {
      log.mockRestore();
    }
  });
});
