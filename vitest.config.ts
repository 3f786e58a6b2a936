import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

/** Integration tests that read SQLite's own structures directly (files, sqlite_master, FTS5). */
const SQLITE_ONLY = [
  "tests/integration/migrate-statistics.test.ts",
  "tests/integration/page-changes.test.ts",
  "tests/integration/search-keys.test.ts",
  "tests/integration/search-rebuild.test.ts",
  "tests/integration/suggest-cli.test.ts",
  "tests/integration/write-invariants.test.ts",
];

export default defineConfig({
  resolve: { alias },
  test: {
    reporters: ["default", "./tests/support/summary-reporter.ts"],
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["lib/**/*.test.ts"] } },
      {
        resolve: { alias },
        test: { name: "integration", include: ["tests/integration/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 120_000 },
      },
      {
        resolve: { alias },
        test: {
          // The same guarantees on PostgreSQL: a throwaway server started by the setup.
          name: "postgres",
          include: ["tests/postgres/**/*.test.ts"],
          globalSetup: ["tests/support/postgres-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // The integration suite again on PostgreSQL, but for the files that read SQLite's
          // own structures (its triggers, FTS5 tables, files): those have tests/postgres twins.
          name: "integration-postgres",
          include: ["tests/integration/**/*.test.ts"],
          exclude: SQLITE_ONLY,
          globalSetup: ["tests/support/postgres-setup.ts"],
          env: { VERBATIM_TEST_ENGINE: "postgres" },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          globalSetup: ["tests/browser/global-setup.ts"],
          setupFiles: ["tests/browser/server-log.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          // The whole browser suite again with the app on PostgreSQL.
          name: "browser-postgres",
          include: ["tests/browser/**/*.test.ts"],
          globalSetup: ["tests/browser/global-setup.ts"],
          setupFiles: ["tests/browser/server-log.ts"],
          env: { VERBATIM_TEST_ENGINE: "postgres" },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          // Issue 10's probes, kept as a suite: the built app over real HTTP and in Chromium.
          name: "security",
          include: ["tests/security/**/*.test.ts"],
          globalSetup: ["tests/browser/global-setup.ts"],
          setupFiles: ["tests/browser/server-log.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
