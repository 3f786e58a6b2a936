// What the extractor found before speakers are resolved: who (as written), the cue, and
// the content spans, in UTF-16 offsets.
import type { SpeakerPhrase } from "./speaker-phrase";
import type { Range } from "./text";

export type Found = {
  kind: "direct" | "indirect";
  content: Range[];
  speaker: SpeakerPhrase | null;
  cue: Range | null;
  cueWord: string | null;
  /** How the attribution was found: drives confidence and the pronoun rules. */
  via: "tag-after" | "cue-before" | "continuation" | "follow-on" | "clause" | "fronted" | "according";
  sentence: number;
  paragraph: number;
  /** A quote whose speaker is the speaker of the attribution it continues. */
  continues: Found | null;
};
