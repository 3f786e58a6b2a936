// The shape of a suggested claim, as the CLI prints it and the API returns it. Offsets
// are Unicode code points into the source text; every `exact` is the text at its offsets.
export type TextSpan = { start: number; end: number; exact: string };

export type SuggestedPerson = { name: string; id: string | null; matchedAlias: string | null };

export type Suggestion = {
  kind: "direct" | "indirect" | "publication";
  content: TextSpan[];
  speaker: TextSpan | null;
  cue: TextSpan | null;
  role: string | null;
  person: SuggestedPerson | null;
  claim: string;
  confidence: number;
};

/** People to resolve speakers against: each with its stored name and aliases. */
export type KnownPerson = { id: string; name: string; aliases: string[] };
