// The checks a version 3 dump's trailer makes possible: every line before it is hashed
// and counted, records must come in dump order (by type, then by id, as `export` writes
// them), and the trailer's counts and checksum must match what was read. So a file cut
// short, with a line repeated, moved or edited, is refused with the reason.
import { createHash } from "node:crypto";
import { z } from "zod";
import { BACKUP_END_TYPE, DUMP_ORDER, type DumpType } from "./format";

type Problem = { line: number; message: string };

/** The trailer of a dump whose format version holds `types`: a count for each of them. */
const trailerRecord = (types: readonly DumpType[]) =>
  z.strictObject({
    type: z.literal(BACKUP_END_TYPE),
    records: z.strictObject(Object.fromEntries(types.map((t) => [t, z.number().int().min(0)])) as Record<DumpType, z.ZodNumber>),
    lines: z.number().int().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  });

/** Whether a line is the trailer (checked cheaply before parsing it as a record). */
export const isTrailerLine = (line: string): boolean => line.startsWith(`{"type":"${BACKUP_END_TYPE}"`);

export class TrailerCheck {
  private readonly hash = createHash("sha256");
  private readonly counts = Object.fromEntries(DUMP_ORDER.map((t) => [t, 0])) as Record<DumpType, number>;
  private lastType = -1;
  private lastId = "";
  lines = 0;
  seen = false;

  /** A line before the trailer (the header included). */
  add(line: string): void {
    this.hash.update(`${line}\n`, "utf8");
    this.lines++;
  }

  /** A record's place in the dump order: types in DUMP_ORDER, ids strictly ascending within a type. */
  order(type: string, id: unknown, lineNo: number, problems: Problem[]): void {
    const rank = DUMP_ORDER.indexOf(type as DumpType);
    if (rank === -1) return; // an unknown type is reported by the caller
    this.counts[type as DumpType]++;
    const key = typeof id === "string" ? id : "";
    if (rank < this.lastType) {
      problems.push({ line: lineNo, message: `out of order: a ${type} record after ${DUMP_ORDER[this.lastType]} records (lines were moved)` });
      return;
    }
    if (rank === this.lastType && key <= this.lastId) {
      problems.push({ line: lineNo, message: `out of order: ${type} ${key} does not follow ${this.lastId} (a line was repeated or moved)` });
      return;
    }
    this.lastType = rank;
    this.lastId = key;
  }

  /** The trailer itself: its counts and checksum against what was read. */
  check(line: string, lineNo: number, problems: Problem[], types: readonly DumpType[] = DUMP_ORDER): void {
    this.seen = true;
    let parsed: z.infer<ReturnType<typeof trailerRecord>>;
    try {
      const result = trailerRecord(types).safeParse(JSON.parse(line));
      if (!result.success) throw new Error(result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
      parsed = result.data;
    } catch (err) {
      problems.push({ line: lineNo, message: `the end record is malformed (${(err as Error).message})` });
      return;
    }
    if (parsed.lines !== this.lines) problems.push({ line: lineNo, message: `the end record counts ${parsed.lines} lines before it; the file has ${this.lines}` });
    for (const t of types) {
      if (parsed.records[t] !== this.counts[t]) {
        problems.push({ line: lineNo, message: `the end record counts ${parsed.records[t]} ${t} records; the file has ${this.counts[t]}` });
      }
    }
    const digest = this.hash.digest("hex");
    if (parsed.sha256 !== digest) problems.push({ line: lineNo, message: "the checksum in the end record does not match the lines before it (the file was changed)" });
  }
}
