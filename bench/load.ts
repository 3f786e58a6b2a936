// HTTP load with autocannon (programmatic API): a fixed number of keep-alive connections
// for a bounded duration, the request path rotating over a list of sampled paths. Every
// response's latency is recorded (autocannon's own histogram reports p97.5, not p95).
import autocannon from "autocannon";
import { summarize, type Summary } from "./stats";

/** `headers` go with every request (a cookie that bypasses the reader cache, say). */
export type LoadOptions = { connections: number; durationSeconds: number; headers?: Record<string, string> };
export type LoadResult = {
  latency: Summary;
  requests: number;
  rps: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  bytesPerResponse: number;
};

export async function load(origin: string, paths: readonly string[], opts: LoadOptions): Promise<LoadResult> {
  if (paths.length === 0) throw new Error("load: no paths");
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(origin)) throw new Error(`load: refusing non-loopback target ${origin}`);
  let next = 0;
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let bytes = 0;
  const started = performance.now();
  let finish: (r: autocannon.Result) => void = () => {};
  let fail: (e: unknown) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon({
    url: origin,
    connections: opts.connections,
    duration: opts.durationSeconds,
    timeout: 30,
    requests: [
      {
        method: "GET",
        setupRequest: (req) => {
          const path = paths[next++ % paths.length]!;
          return { ...req, path, headers: { ...req.headers, ...opts.headers } };
        },
      },
    ],
  }, (err: unknown, result) => (err ? fail(err) : finish(result)));
  instance.on("response", (_client, statusCode, resBytes, responseTime) => {
    latencies.push(responseTime);
    statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    bytes += resBytes;
  });
  // autocannon ends by itself after `duration`; this is only a guard against a hung run.
  const guard = setTimeout(() => instance.stop(), (opts.durationSeconds + 60) * 1000);
  try {
    const result = await done;
    const elapsed = (performance.now() - started) / 1000;
    return {
      latency: summarize(latencies),
      requests: latencies.length,
      rps: latencies.length / elapsed,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      statusCodes,
      bytesPerResponse: latencies.length ? bytes / latencies.length : 0,
    };
  } finally {
    clearTimeout(guard);
  }
}
