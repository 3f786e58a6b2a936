// `verbatim embed`: encodes every claim that has no sentence vector, reporting progress
// on standard error about every 5 seconds, and the count on standard output.
import { getDb } from "../../db";
import { embedClaims } from "./embed-claims";

export async function embedCommand(): Promise<number> {
  const started = performance.now();
  let last = started;
  const done = await embedClaims(getDb(), {
    onProgress: ({ done, total }) => {
      const now = performance.now();
      if (now - last < 5_000 && done < total) return;
      last = now;
      console.error(`embed: ${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} claims (${((now - started) / 1000).toFixed(1)} s)`);
    },
  });
  console.log(JSON.stringify({ embedded: done, seconds: Number(((performance.now() - started) / 1000).toFixed(1)) }));
  return 0;
}
