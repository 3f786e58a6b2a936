import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "tests/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 240_000,
    reporters: ["default", "./tests/support/summary-reporter.ts"],
    // Browser tests share one built server and are heavy on a 2-core machine.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
