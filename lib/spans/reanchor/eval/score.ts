// Scores re-anchoring results against the known answers of synthetic revisions. Pure.
import type { Reanchored } from "../reanchor";
import type { Truth } from "./edits";

export type Tally = {
  spans: number;
  survived: number; found: number;
  altered: number; flagged: number;
  placed: number; wrong: number; wrongExactMoved: number;
};

export const emptyTally = (): Tally => ({ spans: 0, survived: 0, found: 0, altered: 0, flagged: 0, placed: 0, wrong: 0, wrongExactMoved: 0 });

const overlaps = (r: Reanchored, t: { start: number; end: number }) => r.start !== undefined && r.end !== undefined && r.start < t.end && t.start < r.end;

/**
 * found: a surviving quote placed exactly where it is; flagged: a changed or vanished quote
 * reported `changed` or `orphaned`; wrong: a placement where the words are not (or, for
 * exact/moved, anything but the exact new place of unchanged words).
 */
export function tallyCase(results: Reanchored[], truth: Truth[], into: Tally = emptyTally()): Tally {
  results.forEach((r, i) => {
    const t = truth[i]!;
    into.spans++;
    const placed = r.status !== "orphaned";
    if (placed) into.placed++;
    if (t.kind === "survived") {
      into.survived++;
      const exactPlace = (r.status === "exact" || r.status === "moved") && r.start === t.start && r.end === t.end;
      if (exactPlace) into.found++;
      else if (placed && !(r.status === "changed" && overlaps(r, t))) {
        into.wrong++;
        if (r.status !== "changed") into.wrongExactMoved++;
      }
      return;
    }
    into.altered++;
    if (r.status === "changed" || r.status === "orphaned") into.flagged++;
    const wrongPlace = placed && (t.kind === "vanished" || !overlaps(r, t) || r.status !== "changed");
    if (wrongPlace) {
      into.wrong++;
      if (r.status === "exact" || r.status === "moved") into.wrongExactMoved++;
    }
  });
  return into;
}
