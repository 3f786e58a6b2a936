import { describe, expect, it } from "vitest";
import { parseBrat } from "./brat";
import { goldDirect, quoteMask } from "./gold-direct";
import { score } from "./score";

describe("brat and scoring", () => {
  const text = Array.from("“We won,” Smith said. Jones said taxes rose.");
  const ann = ["T1\tContent 0 9\t“We won,”", "T2\tSource 10 15\tSmith", "T3\tCue 16 20\tsaid", "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2",
    "T4\tSource 22 27\tJones", "T5\tCue 28 32\tsaid", "T6\tContent 33 44\ttaxes rose.", "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4"].join("\n");
  const gold = parseBrat(ann);

  it("reads attributions with content, source and cue ranges (discontinuous ranges too)", () => {
    expect(gold).toHaveLength(2);
    expect(gold[0]).toEqual({ content: [{ start: 0, end: 9 }], source: [{ start: 10, end: 15 }], cue: [{ start: 16, end: 20 }] });
    expect(parseBrat("T1\tContent 0 3;5 9\tx\nE1\tAttribution:T1 Content:T1")[0]!.content).toHaveLength(2);
  });

  it("derives gold direct quotations from the quoted characters of a content", () => {
    const mask = quoteMask(text);
    expect(goldDirect(text, mask, gold[0]!)).toEqual([{ start: 1, end: 8 }]);
    expect(goldDirect(text, mask, gold[1]!)).toBeNull();
  });

  it("matches exactly after trimming edge punctuation, by overlap, and with the speaker", () => {
    const items = gold.map((g) => ({ content: g.content, speaker: g.source }));
    const predicted = [{ content: [{ start: 1, end: 7 }], speaker: [{ start: 10, end: 15 }] }, { content: [{ start: 33, end: 38 }], speaker: [] }];
    expect(score(text, items, predicted, "exact").tp).toBe(1);
    expect(score(text, items, predicted, "overlap").tp).toBe(2); // "taxes" vs "taxes rose": Jaccard 0.5
    expect(score(text, items, predicted, "speaker")).toMatchObject({ tp: 1, precision: 0.5, recall: 0.5 });
  });
});
