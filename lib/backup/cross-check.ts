// The cross-record checks of `verbatim import` (import-dump.ts): uniqueness, references,
// hashes, the verbatim invariant of every span, and that revision links form chains.
import { sha256Hex } from "../sources/hash";
import { CodePointIndex, cpLength, isWellFormed } from "../spans/codepoints";
import { spanViolations } from "../spans/span";
import type { Located, ParsedDump, Problem } from "./import-dump";
import type { SourceRecord, SpanRecord } from "./schemas";

/** Uniqueness, references, hashes and the verbatim invariant across records. */
export function crossCheck(dump: Omit<ParsedDump, "header">, problems: Problem[]): void {
  const add = (line: number, message: string) => problems.push({ line, message });

  /** Registers a unique key; reports a repeat on its line, naming the first. */
  const unique = () => {
    const seen = new Map<string, number>();
    return (key: string, line: number, what: string): boolean => {
      const first = seen.get(key);
      if (first !== undefined) {
        add(line, `${what} (first on line ${first})`);
        return false;
      }
      seen.set(key, line);
      return true;
    };
  };

  const sources = new Map<string, Located<SourceRecord>>();
  const sourceId = unique();
  const sha = unique();
  for (const s of dump.sources) {
    const r = s.record;
    if (!sourceId(r.id, s.line, `duplicate source id "${r.id}"`)) continue;
    sources.set(r.id, s);
    sha(r.sha256, s.line, `source ${r.id}: another source has the same sha256 ${r.sha256}`);
    if (!isWellFormed(r.text)) {
      add(s.line, `source ${r.id}: text contains an unpaired surrogate`);
      continue;
    }
    const actual = sha256Hex(r.text);
    if (actual !== r.sha256) add(s.line, `source ${r.id}: text hashes to ${actual}, not the recorded sha256 ${r.sha256}`);
    const length = cpLength(r.text);
    if (length !== r.length) add(s.line, `source ${r.id}: length ${r.length} ≠ the text's ${length} code points`);
  }

  const people = new Set<string>();
  const personId = unique();
  const slug = unique();
  const aliasId = unique();
  for (const p of dump.people) {
    const r = p.record;
    if (!personId(r.id, p.line, `duplicate person id "${r.id}"`)) continue;
    people.add(r.id);
    slug(r.slug, p.line, `person ${r.id}: duplicate slug "${r.slug}"`);
    const names = new Set<string>();
    r.aliases.forEach((a, i) => {
      aliasId(a.id, p.line, `person ${r.id}: aliases.${i}: duplicate alias id "${a.id}"`);
      if (names.has(a.alias)) add(p.line, `person ${r.id}: aliases.${i}: duplicate alias ${JSON.stringify(a.alias)}`);
      names.add(a.alias);
    });
  }

  const claims = new Set<string>();
  const claimId = unique();
  const attributionId = unique();
  const spanId = unique();
  // Spans grouped by source, so each source's code-point index is built once and dropped.
  const spansBySource = new Map<string, { line: number; claimId: string; i: number; span: SpanRecord }[]>();
  for (const c of dump.claims) {
    const r = c.record;
    if (!claimId(r.id, c.line, `duplicate claim id "${r.id}"`)) continue;
    claims.add(r.id);
    const hasSource = sources.has(r.sourceId);
    if (!hasSource) add(c.line, `claim ${r.id}: sourceId "${r.sourceId}" is not a source in this backup`);
    const a = r.attribution;
    if (a) {
      attributionId(a.id, c.line, `claim ${r.id}: duplicate attribution id "${a.id}"`);
      if (a.personId !== null && !people.has(a.personId)) {
        add(c.line, `claim ${r.id}: attribution.personId "${a.personId}" is not a person in this backup`);
      }
    }
    r.spans.forEach((span, i) => {
      spanId(span.id, c.line, `claim ${r.id}: spans.${i}: duplicate span id "${span.id}"`);
      if (span.sourceId !== r.sourceId) {
        add(c.line, `claim ${r.id}: spans.${i}: sourceId "${span.sourceId}" differs from the claim's source "${r.sourceId}"`);
      } else if (hasSource) {
        let list = spansBySource.get(r.sourceId);
        if (!list) spansBySource.set(r.sourceId, (list = []));
        list.push({ line: c.line, claimId: r.id, i, span });
      }
    });
  }

  for (const [id, spans] of spansBySource) {
    const index = new CodePointIndex(sources.get(id)!.record.text);
    for (const s of spans) {
      for (const v of spanViolations(index, s.span)) {
        add(s.line, `claim ${s.claimId}: spans.${s.i} (span ${s.span.id}) is not verbatim: ${v.message}`);
      }
    }
  }

  const reviewId = unique();
  for (const rv of dump.reviews) {
    const r = rv.record;
    reviewId(r.id, rv.line, `duplicate review id "${r.id}"`);
    if (!claims.has(r.claimId)) add(rv.line, `review ${r.id}: claimId "${r.claimId}" is not a claim in this backup`);
  }

  // Who made a review, edit, link or merge is a plain string (the user may be gone), so
  // only real foreign keys are checked: survivor → person, edit and link → claims.
  const mergeId = unique();
  const mergedId = unique();
  for (const m of dump.merges) {
    const r = m.record;
    if (!mergeId(r.id, m.line, `duplicate merge id "${r.id}"`)) continue;
    mergedId(r.mergedId, m.line, `merge ${r.id}: person "${r.mergedId}" was already merged`);
    if (!people.has(r.survivorId)) add(m.line, `merge ${r.id}: survivorId "${r.survivorId}" is not a person in this backup`);
  }

  const userId = unique();
  const email = unique();
  for (const u of dump.users) {
    const r = u.record;
    if (!userId(r.id, u.line, `duplicate user id "${r.id}"`)) continue;
    email(r.email, u.line, `user ${r.id}: duplicate email "${r.email}"`);
  }

  const editId = unique();
  for (const e of dump.edits) {
    const r = e.record;
    editId(r.id, e.line, `duplicate edit id "${r.id}"`);
    if (!claims.has(r.claimId)) add(e.line, `edit ${r.id}: claimId "${r.claimId}" is not a claim in this backup`);
  }

  const linkId = unique();
  const linkPair = unique();
  for (const l of dump.links) {
    const r = l.record;
    if (!linkId(r.id, l.line, `duplicate link id "${r.id}"`)) continue;
    linkPair(`${r.fromClaimId} ${r.toClaimId}`, l.line, `link ${r.id}: another link already joins ${r.fromClaimId} to ${r.toClaimId}`);
    for (const end of ["fromClaimId", "toClaimId"] as const) {
      if (!claims.has(r[end])) add(l.line, `link ${r.id}: ${end} "${r[end]}" is not a claim in this backup`);
    }
  }

  const rejectionId = unique();
  const rejectionKey = unique();
  for (const j of dump.rejections) {
    const r = j.record;
    if (!rejectionId(r.id, j.line, `duplicate rejection id "${r.id}"`)) continue;
    rejectionKey(`${r.sourceId} ${r.key}`, j.line, `rejection ${r.id}: suggestion ${r.key} of source ${r.sourceId} is rejected twice`);
    if (!sources.has(r.sourceId)) add(j.line, `rejection ${r.id}: sourceId "${r.sourceId}" is not a source in this backup`);
  }

  const sourceEditId = unique();
  for (const e of dump.sourceEdits) {
    const r = e.record;
    sourceEditId(r.id, e.line, `duplicate source edit id "${r.id}"`);
    if (!sources.has(r.sourceId)) add(e.line, `source edit ${r.id}: sourceId "${r.sourceId}" is not a source in this backup`);
  }
  const archiveId = unique();
  for (const a of dump.archives) {
    const r = a.record;
    archiveId(r.id, a.line, `source ${r.id} has two archives`);
    if (!sources.has(r.id)) add(a.line, `archive ${r.id}: "${r.id}" is not a source in this backup`);
  }
  // Revision links: each to a source in the backup, at most one next revision per source, no cycle.
  const nextOf = unique();
  for (const s of dump.sources) {
    const prev = s.record.revisionOf;
    if (prev === null) continue;
    if (!sources.has(prev)) add(s.line, `source ${s.record.id}: revisionOf "${prev}" is not a source in this backup`);
    else nextOf(prev, s.line, `source ${s.record.id}: source ${prev} already has a next revision`);
  }
  for (const s of dump.sources) {
    const seen = new Set<string>([s.record.id]);
    for (let cur = s.record.revisionOf; cur !== null; cur = sources.get(cur)?.record.revisionOf ?? null) {
      if (seen.has(cur)) {
        add(s.line, `source ${s.record.id}: its revision links go round in a circle`);
        break;
      }
      seen.add(cur);
    }
  }
  const changeId = unique();
  const openChange = unique();
  for (const c of dump.sourceChanges) {
    const r = c.record;
    if (!changeId(r.id, c.line, `duplicate source change id "${r.id}"`)) continue;
    if (!claims.has(r.claimId)) add(c.line, `source change ${r.id}: claimId "${r.claimId}" is not a claim in this backup`);
    for (const end of ["fromSourceId", "toSourceId"] as const) {
      if (!sources.has(r[end])) add(c.line, `source change ${r.id}: ${end} "${r[end]}" is not a source in this backup`);
    }
    if (r.state === "open") openChange(r.claimId, c.line, `source change ${r.id}: claim ${r.claimId} has two open source changes`);
  }
}
