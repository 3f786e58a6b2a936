import { describe, expect, it } from "vitest";
import { reanchorSpans } from "../reanchor";
import { makeCase } from "./edits";
import { tallyCase } from "./score";

const ARTICLE = [
  "Kazakh President Qasym-Zhomart Toqaev met Putin in Moscow on November 12 — and talked about 80 percent of oil exports.",
  "“We agreed to strengthen our partnership,” Toqaev said. Peskov did not elaborate on the detials of the talks.",
  "The CPC pumps oil from western Kazakhstan and includes Chevron and Exxon Mobil as its main shareholders.",
  "Analysts said the visit was a reaffirmation of Kazakhstan’s strategic ties with Russia.",
].join("\n");

describe("synthetic revisions", () => {
  it("know where every surviving span is: its words at the truth's offsets", () => {
    for (let seed = 1; seed <= 50; seed++) {
      const c = makeCase(ARTICLE, seed, 8, 5);
      const oldCps = Array.from(c.oldText);
      const newCps = Array.from(c.newText);
      c.truth.forEach((t, i) => {
        if (t.kind !== "survived") return;
        const s = c.spans[i]!;
        expect(newCps.slice(t.start, t.end).join("")).toBe(oldCps.slice(s.start, s.end).join(""));
      });
    }
  });

  it("score an unchanged text as all found, nothing wrong", () => {
    const c = makeCase(ARTICLE, 3, 8, 0);
    const t = tallyCase(reanchorSpans(c.oldText, c.newText, c.spans), c.truth);
    expect(t).toMatchObject({ found: t.survived, wrong: 0, altered: 0 });
  });
});
