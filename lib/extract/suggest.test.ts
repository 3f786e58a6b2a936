import { describe, expect, it } from "vitest";
import { suggestClaims } from "./suggest";
import type { Suggestion } from "./suggestion";

const PEOPLE = [
  { id: "dmitry-peskov", name: "Dmitry Peskov", aliases: ["Peskov"] },
  { id: "kassym-jomart-tokayev", name: "Kassym-Jomart Tokayev", aliases: ["Qasym-Zhomart Toqaev", "Toqaev"] },
  { id: "volodymyr-zelensky", name: "Volodymyr Zelensky", aliases: [] },
];
const suggest = (text: string) => suggestClaims(text, { people: PEOPLE });
const direct = (s: Suggestion[]) => s.filter((x) => x.kind === "direct");
const indirect = (s: Suggestion[]) => s.filter((x) => x.kind === "indirect");
const contents = (s: Suggestion) => s.content.map((c) => c.exact);

describe("direct quotations", () => {
  it("finds a quote with the speaker after it, and the person it names", () => {
    const [s] = direct(suggest("“We will keep the pipeline running at full capacity,” Peskov said on Tuesday."));
    expect(contents(s!)).toEqual(["We will keep the pipeline running at full capacity"]);
    expect(s!.speaker?.exact).toBe("Peskov");
    expect(s!.cue?.exact).toBe("said");
    expect(s!.person).toEqual({ name: "Peskov", id: "dmitry-peskov", matchedAlias: "Peskov" });
  });

  it("finds `said S` after the quote, with the role in apposition", () => {
    const [s] = direct(suggest('"The talks went well for both sides," said Dmitry Peskov, the Kremlin spokesman.'));
    expect(s!.speaker?.exact).toBe("Dmitry Peskov");
    expect(s!.role).toBe("Kremlin spokesman");
    expect(s!.person?.id).toBe("dmitry-peskov");
  });

  it("finds a speaker named before the quote: `S said: “…”`", () => {
    const [s] = direct(suggest("Kremlin spokesman Dmitry Peskov told reporters: “Nothing was decided about the pipeline today.”"));
    expect(contents(s!)).toEqual(["Nothing was decided about the pipeline today."]);
    expect(s!.speaker?.exact).toBe("Dmitry Peskov");
    expect(s!.role).toBe("Kremlin spokesman");
    expect(s!.cue?.exact).toBe("told reporters");
  });

  it("keeps a quote split by a speech tag as one suggestion with two content spans", () => {
    const out = direct(suggest("“We agreed on oil and gas,” Toqaev said. “We discussed transit to third countries.”"));
    expect(out).toHaveLength(1);
    expect(contents(out[0]!)).toEqual(["We agreed on oil and gas", "We discussed transit to third countries."]);
    expect(out[0]!.person?.id).toBe("kassym-jomart-tokayev");
  });

  it("keeps `“…,” he said, “…”` as one suggestion", () => {
    const out = direct(suggest("Peskov spoke briefly. “The visit was useful,” he said, “and it will continue next year.”"));
    expect(out).toHaveLength(1);
    expect(out[0]!.content).toHaveLength(2);
  });

  it("resolves a pronoun to the person named before, and a surname to the full name", () => {
    const text = "Kazakh President Qasym-Zhomart Toqaev arrived in Moscow on Monday.\n“We are partners,” he said.\nLater Toqaev added: “Our ties are strong and old.”";
    const out = direct(suggest(text));
    expect(out.map((s) => [s.speaker?.exact, s.person?.name, s.person?.id, s.role])).toEqual([
      ["he", "Qasym-Zhomart Toqaev", "kassym-jomart-tokayev", "Kazakh President"],
      ["Toqaev", "Qasym-Zhomart Toqaev", "kassym-jomart-tokayev", "Kazakh President"],
    ]);
  });

  it("resolves a description (`the spokesman`) to the person the text gave that role", () => {
    const text = "Kremlin spokesman Dmitry Peskov spoke to reporters on Monday.\n“There is no deal yet on the pipeline,” the spokesman said.";
    const [s] = direct(suggest(text));
    expect(s!.speaker?.exact).toBe("the spokesman");
    expect(s!.person?.name).toBe("Dmitry Peskov");
  });

  it("gives a follow-on quote paragraph to the last speaker, as a claim of its own", () => {
    const text = "“The pipeline will keep working,” Peskov said.\n“There is no reason to worry about the supply.”";
    const out = direct(suggest(text));
    expect(out).toHaveLength(2);
    expect(out[1]!.person?.id).toBe("dmitry-peskov");
    expect(out[1]!.cue).toBeNull();
  });

  it("follows a quotation over several paragraphs (no closing mark before the next opens)", () => {
    const text = "Peskov said:\n“The first part of the statement runs here.\n“And the second part ends here,” he added.";
    const out = direct(suggest(text));
    expect(out).toHaveLength(1);
    expect(contents(out[0]!)).toEqual(["The first part of the statement runs here.", "And the second part ends here"]);
  });

  it("keeps nested single quotes inside the quotation", () => {
    const [s] = direct(suggest("“They told us ‘go home’ and we stayed anyway,” Peskov said."));
    expect(contents(s!)).toEqual(["They told us ‘go home’ and we stayed anyway"]);
  });

  it("handles straight quotes, two-apostrophe quotes, NBSP and em-dashes verbatim", () => {
    const text = "\"Kazakhstan\u00a0remains a partner — a close one,\" Peskov said. ''We will see what follows,'' he added.";
    const out = direct(suggest(text));
    expect(contents(out[0]!)).toEqual(["Kazakhstan\u00a0remains a partner — a close one"]);
    expect(out.flatMap(contents)).toContain("We will see what follows");
  });

  it("counts offsets in code points: astral characters before a quote", () => {
    const text = "🇰🇿🙂 Report 𝐀𝐁.\n“The deal is done at last,” Peskov said.";
    const [s] = direct(suggest(text));
    const cps = Array.from(text);
    expect(s!.content[0]!.start).toBe(cps.indexOf("“") + 1);
    for (const span of [...s!.content, s!.speaker!, s!.cue!]) expect(cps.slice(span.start, span.end).join("")).toBe(span.exact);
  });

  it("suggests nothing for scare quotes, titles of works or a single quoted word", () => {
    const text = [
      "The so-called “reset” failed.",
      "She read the book titled “War and Peace in the Steppe” last year.",
      "Critics called the plan “unworkable.”",
    ].join("\n");
    expect(direct(suggest(text))).toEqual([]);
  });
});

describe("indirect statements", () => {
  const one = (text: string) => indirect(suggest(text))[0]!;
  it("`S said (that) X`", () => {
    const s = one("Peskov said on November 12 that the two presidents discussed the pipeline.");
    expect(contents(s)).toEqual(["the two presidents discussed the pipeline"]);
    expect(s.person?.id).toBe("dmitry-peskov");
    expect(s.claim).toBe("Peskov said that the two presidents discussed the pipeline.");
  });
  it("`X, S said`", () => {
    const s = one("The timing of the meeting isn't coincidental, analysts told RFE/RL.");
    expect(contents(s)).toEqual(["The timing of the meeting isn't coincidental"]);
    expect(s.speaker?.exact).toBe("analysts");
    expect(s.cue?.exact).toBe("told RFE/RL");
    expect(s.person).toBeNull();
  });
  it("`according to S, X` and `X, according to S`", () => {
    expect(contents(one("According to Peskov, the talks lasted three hours."))).toEqual(["the talks lasted three hours"]);
    const s = one("Energy ties played a prominent part in the talks, according to Toqaev.");
    expect(s.person?.id).toBe("kassym-jomart-tokayev");
    expect(s.cue?.exact).toBe("according to");
  });
  it("`S told reporters X` and `S warned … that X`", () => {
    expect(one("Peskov told reporters the visit would take place in May.").cue?.exact).toBe("told reporters");
    expect(contents(one("Peskov warned on Friday that sanctions would hurt the pipeline."))).toEqual(["sanctions would hurt the pipeline"]);
  });
  it("beliefs and intentions", () => {
    expect(one("Toqaev believes the corridor will carry more freight.").claim).toBe("Toqaev believes the corridor will carry more freight.");
    expect(contents(one("Zelensky plans to visit Astana in the spring."))).toEqual(["to visit Astana in the spring"]);
  });
  it("a relative `who said` refers to the name before it", () => {
    const s = one("The talks went on for hours, and it was Toqaev, who said that he and Putin agreed to boost oil trade.");
    expect(s.person?.id).toBe("kassym-jomart-tokayev");
    expect(s.speaker?.exact).toBe("who");
  });
});

describe("harder constructions", () => {
  it("a tag split off as a sentence of its own: `“… missing.” Trump said.`", () => {
    const [s] = direct(suggest("“I hope you are able to find the emails that are missing.” Peskov said."));
    expect(s!.person?.id).toBe("dmitry-peskov");
  });
  it("a tag closing the sentence after a quotation inside it", () => {
    const [s] = direct(suggest("Democrats had “put the biggest crack” yet in the glass ceiling, she said in a video."));
    expect(s!.speaker?.exact).toBe("she");
    expect(contents(s!)).toEqual(["put the biggest crack"]);
  });
  it("`X, said S, role.` and a participial apposition", () => {
    const s = indirect(suggest("The polarizing campaign has helped drive voters to the polls, said Steven Taylor, a professor at Troy University."))[0]!;
    expect(s.speaker?.exact).toBe("Steven Taylor");
    expect(s.role).toBe("professor at Troy University");
    const t = indirect(suggest("An Israeli official, speaking on the condition of anonymity, said Wednesday that the meeting would go ahead."))[0]!;
    expect(t.speaker?.exact).toBe("An Israeli official");
    expect(contents(t)).toEqual(["the meeting would go ahead"]);
  });
  it("a name after its description, and a statement that ends at the speaker's next verb", () => {
    const [q] = direct(suggest("In a statement, her senior policy adviser, Jake Sullivan, said: “Cooperation is strongest when Europe is united.”"));
    expect([q!.speaker?.exact, q!.role]).toEqual(["Jake Sullivan", "senior policy adviser"]);
    const s = indirect(suggest("Suu Kyi, 70, said it was too early to congratulate winners but added that she was hopeful."));
    expect(contents(s[0]!)).toEqual(["it was too early to congratulate winners"]);
    expect(s[0]!.speaker?.exact).toBe("Suu Kyi");
  });
});

describe("roles and people", () => {
  it("reads a role in apposition and a title before the name", () => {
    const text = "Andrew D'Anieri, associate director of the Atlantic Council's Eurasia Center, told RFE/RL that the visit mattered.\nKazakh President Qasym-Zhomart Toqaev said the talks were useful.";
    const [a, b] = indirect(suggestClaims(text));
    expect([a!.person?.name, a!.role]).toEqual(["Andrew D'Anieri", "associate director of the Atlantic Council's Eurasia Center"]);
    expect([b!.person?.name, b!.role]).toEqual(["Qasym-Zhomart Toqaev", "Kazakh President"]);
  });
  it("matches a near spelling of a transliterated name and says which alias matched", () => {
    const s = indirect(suggest("Zelenskyy said the front line held."))[0]!;
    expect(s.person).toEqual({ name: "Zelenskyy", id: "volodymyr-zelensky", matchedAlias: "Volodymyr Zelensky" });
    const t = indirect(suggest("Kassym-Jomart Tokayev said the talks were useful."))[0]!;
    expect(t.person?.id).toBe("kassym-jomart-tokayev");
  });
  it("proposes an unknown speaker as a new person with the name the text gives", () => {
    const s = indirect(suggest("Marat Seitkali said the harvest was late."))[0]!;
    expect(s.person).toEqual({ name: "Marat Seitkali", id: null, matchedAlias: null });
  });
});

describe("publication assertions", () => {
  it("proposes unattributed sentences with checkable facts, not opinions or headlines", () => {
    const text = [
      "Russia's Evolving Role In Central Asia",
      "The CPC pumps oil from western Kazakhstan and carries 80 percent of its exports.",
      "Kazakhstan should diversify its partnerships.",
      "Toqaev arrived on November 11 for talks with Putin.",
    ].join("\n");
    const pub = suggestClaims(text).filter((s) => s.kind === "publication");
    expect(pub.map((s) => s.content[0]!.exact)).toEqual([
      "The CPC pumps oil from western Kazakhstan and carries 80 percent of its exports.",
      "Toqaev arrived on November 11 for talks with Putin.",
    ]);
    expect(pub.every((s) => s.speaker === null && s.person === null)).toBe(true);
  });
});
