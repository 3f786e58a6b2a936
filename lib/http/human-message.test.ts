import { describe, expect, it } from "vitest";
import { humanMessage, humanPath } from "./human-message";

describe("form messages count from 1 and use the form's labels", () => {
  it("paths", () => {
    expect(humanPath("evidence.0.url")).toBe("Evidence 1, URL");
    expect(humanPath("spans.2")).toBe("Quote 3");
    expect(humanPath("attribution.personName")).toBe("Speaker");
    expect(humanPath("rationale")).toBe("Rationale");
  });
  it("zod issues and hand-built messages", () => {
    expect(humanMessage("Invalid input: evidence.0.url: Invalid URL", { issues: [{ path: "evidence.0.url", message: "Invalid URL" }] })).toBe("Evidence 1, URL: Invalid URL");
    expect(humanMessage('evidence.1: no claim with id "x".', undefined)).toBe('Evidence 2: no claim with id "x".');
    expect(humanMessage("spans.0: the quote was not found", undefined)).toBe("Quote 1: the quote was not found");
    expect(humanMessage("Nothing to fix here.", undefined)).toBe("Nothing to fix here.");
  });
});
