// Worker thread of background.ts: while some claim has no vector, encode the oldest 16 and
// store them; then look again every IDLE_MS (two counts, tens of milliseconds at a
// million claims). A failure is logged and retried after a pause.
import { workerData } from "node:worker_threads";
import { createDb } from "../../../db";
import { countWithoutVector } from "../claim-vectors";
import { embedClaims } from "../embed-claims";

const IDLE_MS = 10_000;
const RETRY_MS = 60_000;
const BATCH = 16;

const db = createDb((workerData as { databaseUrl: string }).databaseUrl);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (;;) {
  try {
    if ((await countWithoutVector(db)) > 0 && (await embedClaims(db, { batch: BATCH, max: BATCH })) > 0) continue;
    await pause(IDLE_MS);
  } catch (err) {
    console.error("background encoder:", err instanceof Error ? err.message : err);
    await pause(RETRY_MS);
  }
}
