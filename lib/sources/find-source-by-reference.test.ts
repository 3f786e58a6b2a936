import { describe, expect, it } from "vitest";
import type { DbTx } from "../db";
import { findSourceByReference } from "./find-source-by-reference";

describe("findSourceByReference", () => {
  it("refuses an empty or oversized reference before reading anything", async () => {
    const db = {} as DbTx; // any read would throw: the checks come first
    await expect(findSourceByReference(db, "   ", "Evidence 1")).rejects.toThrow(/^Evidence 1: type the source's title/);
    await expect(findSourceByReference(db, "x".repeat(2_001), "Evidence 2")).rejects.toThrow(/^Evidence 2: a source's title or link is at most 2,000 characters/);
  });
});
