// Worker thread of background.ts: first drop the vectors of any other model (once: the
// model changes only with the code); then, while some claim has no vector, encode the
// next 16 in id order after the last batch (starting over at the end of the claims) and
// store them. Between passes it counts the claims without vectors (two counts, about
// 12 ms at a million claims: not paid for every batch) and, when none is left, looks
// again every IDLE_MS. A failure is logged and retried after a pause.
import { workerData } from "node:worker_threads";
import { createDb } from "../../../db";
import { countWithoutVector, dropOtherModels } from "../claim-vectors";
import { embedBatch } from "../embed-claims";

const IDLE_MS = 10_000;
const RETRY_MS = 60_000;
const BATCH = 16;

const db = createDb((workerData as { databaseUrl: string }).databaseUrl);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let modelChecked = false;
let after = "";
for (;;) {
  try {
    if (!modelChecked) {
      const dropped = await dropOtherModels(db);
      if (dropped > 0) console.log(`background encoder: ${dropped} vectors of another model dropped; their claims are encoded again`);
      modelChecked = true;
    }
    // Within a pass the batch query says whether any claim is left; a count starts one.
    if (after !== "" || (await countWithoutVector(db)) > 0) {
      const passOngoing = after !== "";
      after = (await embedBatch(db, after, BATCH)).last ?? "";
      if (after !== "" || passOngoing) continue;
    }
    await pause(IDLE_MS);
  } catch (err) {
    console.error("background encoder:", err instanceof Error ? err.message : err);
    await pause(RETRY_MS);
  }
}
