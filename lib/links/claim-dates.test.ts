import { describe, expect, it } from "vitest";
import { compareClaimDates } from "./claim-dates";

const c = (asOf: string | null, publishedAt: string | null = null) => ({ asOf, publishedAt });

describe("compareClaimDates", () => {
  it("orders by as-of, else publication date, at the coarser precision of the two", () => {
    expect(compareClaimDates(c("2022"), c(null, "2024-12-03"))).toBe(-1);
    expect(compareClaimDates(c(null, "2025-11-13"), c("2024-12"))).toBe(1);
    expect(compareClaimDates(c("2024-11-30"), c("2024-12"))).toBe(-1);
    expect(compareClaimDates(c("2024-12-01", "2020"), c(null, "2024-12-03"))).toBe(-1);
  });
  it("gives no order for an unknown date or the same period at the coarser precision", () => {
    expect(compareClaimDates(c(null), c("2024"))).toBeNull();
    expect(compareClaimDates(c("2024"), c("2024-12-03"))).toBeNull();
    expect(compareClaimDates(c("2024-12"), c("2024-12-31"))).toBeNull();
    expect(compareClaimDates(c("2024-12-03"), c(null, "2024-12-03"))).toBeNull();
  });
});
