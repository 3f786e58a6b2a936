// `verbatim embed`: encodes every claim that has no sentence vector of the model in use,
// reporting progress on standard error about every 5 seconds, and the counts on standard
// output.
import { getDb } from "../../db";
import { dropOtherModels } from "./claim-vectors";
import { embedClaims } from "./embed-claims";

export async function embedCommand(): Promise<number> {
  const started = performance.now();
  let last = started;
  const db = getDb();
  const replaced = await dropOtherModels(db);
  const done = await embedClaims(db, {
    onProgress: ({ done, total }) => {
      const now = performance.now();
      if (now - last < 5_000 && done < total) return;
      last = now;
      console.error(`embed: ${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} claims (${((now - started) / 1000).toFixed(1)} s)`);
    },
  });
  console.log(JSON.stringify({ embedded: done, replaced, seconds: Number(((performance.now() - started) / 1000).toFixed(1)) }));
  return 0;
}
