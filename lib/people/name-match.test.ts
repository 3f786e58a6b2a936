import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { editDistance, nearNameMatch, phoneticForm } from "./name-match";

describe("near speaker names", () => {
  it.each([
    ["Seitkali", "Marat Seitkali", "part"],
    ["M. Seitkali", "Marat Seitkali", "part"],
    ["seitkali", "Marat Seitkali", "part"],
    ["Tokayev", "Toqaev", "spelling"],
    ["Tokaev", "Kassym-Jomart Toqaev", "spelling"],
    ["Dmitri Peskov", "Dmitry Peskov", "spelling"],
    ["Zhomart Tokayev", "Jomart Toqaev", "spelling"],
    ["D’Anieri", "Paul D'Anieri", "part"],
    ["Peskov", "Dmitry Peskov", "part"],
  ])("%s → %s", (typed, stored, why) => {
    expect(nearNameMatch(typed, stored)).toBe(why);
  });

  it.each([
    ["Putin", "Dmitry Peskov"],
    ["Ivan Petrov", "Petr Ivanov"], // words out of order are a different person
    ["Paddack", "Marat Seitkali"],
    ["Al", "Ali Aliyev"], // too short to say anything
    ["Marat Seitkali", "Marat Seitkali"], // exact spellings are found before near matching
    ["Sharifli", "Sharif"],
  ])("%s is not %s", (typed, stored) => {
    expect(nearNameMatch(typed, stored)).toBeNull();
  });

  it("edit distance is symmetric and bounded; a name never near-matches itself", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, a)).toBe(0);
        expect(editDistance(a, b)).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
    fc.assert(fc.property(fc.stringMatching(/^[a-z]{0,12}$/), (w) => { expect(nearNameMatch(w, w)).toBeNull(); }));
    expect(phoneticForm("tokayev")).toBe(phoneticForm("tokaiev"));
  });
});
