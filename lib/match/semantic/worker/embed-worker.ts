// Worker thread of background.ts: first drop the vectors of any other model (once: the
// model changes only with the code); then, while some claim has no vector, encode the
// next 16 in id order after the last batch (starting over at the end of the claims) and
// store them; when none is left, look again every IDLE_MS (two counts, tens of
// milliseconds at a million claims). A failure is logged and retried after a pause.
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
    if ((await countWithoutVector(db)) > 0) {
      const { last } = await embedBatch(db, after, BATCH);
      const wrapped = last === null && after !== "";
      after = last ?? "";
      if (last !== null || wrapped) continue;
    }
    await pause(IDLE_MS);
  } catch (err) {
    console.error("background encoder:", err instanceof Error ? err.message : err);
    await pause(RETRY_MS);
  }
}
