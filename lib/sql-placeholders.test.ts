import { describe, expect, it } from "vitest";
import { numberPlaceholders } from "./sql-placeholders";

describe("numberPlaceholders", () => {
  it("numbers ? in order, outside literals, quoted names and comments", () => {
    expect(numberPlaceholders(`SELECT "a?" FROM t WHERE x = ? AND y = 'it''s ?' -- why?\n AND z IN (?, ?)`)).toBe(
      `SELECT "a?" FROM t WHERE x = $1 AND y = 'it''s ?' -- why?\n AND z IN ($2, $3)`,
    );
  });
  it("leaves SQL without placeholders alone", () => {
    expect(numberPlaceholders(`SELECT 1`)).toBe(`SELECT 1`);
  });
});
