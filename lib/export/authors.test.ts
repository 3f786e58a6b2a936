import { describe, expect, it } from "vitest";
import { parseAuthors } from "./authors";

describe("bylines split into the right authors", () => {
  it.each([
    ["Anna Smith; Bob Jones", [{ family: "Smith", given: "Anna" }, { family: "Jones", given: "Bob" }]],
    ["Anna Smith and Bob Jones", [{ family: "Smith", given: "Anna" }, { family: "Jones", given: "Bob" }]],
    ["Anna Smith, Bob Jones and Carl Lee", [{ family: "Smith", given: "Anna" }, { family: "Jones", given: "Bob" }, { family: "Lee", given: "Carl" }]],
    ["Anna Smith, Bob Jones, and Carl Lee", [{ family: "Smith", given: "Anna" }, { family: "Jones", given: "Bob" }, { family: "Lee", given: "Carl" }]],
    ["Smith, Anna and Jones, Bob", [{ family: "Smith", given: "Anna" }, { family: "Jones", given: "Bob" }]],
    ["Smith, Anna", [{ family: "Smith", given: "Anna" }]],
    ["By Ludwig van Beethoven", [{ family: "Beethoven", given: "Ludwig", "non-dropping-particle": "van" }]],
    ["RFE/RL's Kazakh Service", [{ literal: "RFE/RL's Kazakh Service" }]],
  ])("%s", (byline, names) => {
    expect(parseAuthors(byline)).toEqual(names);
  });
});
