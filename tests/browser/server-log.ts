// Setup file of the suites that run against the built server (global-setup.ts): when a
// test fails, print what the server wrote while that test ran (its last 200 lines), so a
// failure that happens only now and then can be explained from CI's output alone.
import { openSync, readSync, closeSync, statSync } from "node:fs";
import { beforeEach, inject } from "vitest";

const MAX_LINES = 200;

function readFrom(file: string, offset: number): string {
  const size = statSync(file).size;
  if (size <= offset) return "";
  const buffer = Buffer.alloc(size - offset);
  const fd = openSync(file, "r");
  try {
    readSync(fd, buffer, 0, buffer.length, offset);
  } finally {
    closeSync(fd);
  }
  return buffer.toString("utf8");
}

beforeEach(({ task, onTestFailed }) => {
  const file = inject("serverLog");
  const from = statSync(file).size;
  onTestFailed(() => {
    const lines = readFrom(file, from).split("\n");
    const shown = lines.slice(-MAX_LINES).join("\n").trim();
    console.error(`── server output while "${task.name}" ran${lines.length > MAX_LINES ? ` (last ${MAX_LINES} lines)` : ""} ──\n${shown || "(nothing)"}`);
  });
});
