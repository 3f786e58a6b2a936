import { describe, expect, it } from "vitest";
import { existingClaimFor } from "./mark-existing";
import { suggestionKey, SUGGESTION_KEY } from "./suggestion-key";

describe("suggestion keys and existing claims", () => {
  it("keys a suggestion by its content offsets", () => {
    expect(suggestionKey([{ start: 3, end: 9 }, { start: 20, end: 31 }])).toBe("3-9,20-31");
    expect(SUGGESTION_KEY.test("3-9,20-31")).toBe(true);
    expect(SUGGESTION_KEY.test("3-9;drop")).toBe(false);
  });
  it("marks the claim that covers at least half the content, counting overlapping spans once", () => {
    const spans = [
      { claimId: "a", start: 0, end: 6 }, { claimId: "a", start: 2, end: 6 },
      { claimId: "b", start: 0, end: 10 },
    ];
    expect(existingClaimFor([{ start: 0, end: 10 }], spans)).toBe("b");
    expect(existingClaimFor([{ start: 0, end: 12 }], [{ claimId: "a", start: 0, end: 6 }, { claimId: "a", start: 2, end: 6 }])).toBe("a");
    expect(existingClaimFor([{ start: 0, end: 13 }], [{ claimId: "a", start: 0, end: 6 }])).toBeNull();
    expect(existingClaimFor([{ start: 50, end: 60 }], spans)).toBeNull();
  });
});
