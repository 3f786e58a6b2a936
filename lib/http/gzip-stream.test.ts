import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { acceptsGzip, gzipFast } from "./gzip-stream";

const req = (accept?: string) => new Request("http://x/", accept === undefined ? {} : { headers: { "accept-encoding": accept } });

describe("acceptsGzip", () => {
  it.each([
    [undefined, false], ["", false], ["gzip", true], ["br, gzip;q=0.5", true], ["gzip;q=0", false], ["gzip; q=0.0", false], ["*", true], ["identity", false], ["deflate, br", false],
  ] as const)("%s → %s", (accept, expected) => {
    expect(acceptsGzip(req(accept))).toBe(expected);
  });
});

describe("gzipFast", () => {
  it("compresses a stream so that it inflates back to the same bytes", async () => {
    const parts = Array.from({ length: 200 }, (_, i) => `{"id":${i},"text":"café — “quoted” 👩‍👩‍👧"}\n`);
    const source = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const p of parts) controller.enqueue(new TextEncoder().encode(p));
        controller.close();
      },
    });
    const zipped = Buffer.from(await new Response(gzipFast(source)).arrayBuffer());
    expect(zipped.length).toBeLessThan(Buffer.byteLength(parts.join("")));
    expect(gunzipSync(zipped).toString("utf8")).toBe(parts.join(""));
  });
});
