// Generates the deterministic synthetic corpus into its own SQLite file: migrated with the
// app's migrations (so every trigger and index is the real one), then bulk-loaded with
// better-sqlite3 prepared statements in large transactions.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import Database from "better-sqlite3";
import { migrate } from "../lib/migrate/migrate";
import { withSearchIndexDeferred } from "../lib/search/rebuild-index";
import { foldName, slugify } from "../lib/ids";
import { CodePointIndex } from "../lib/spans/codepoints";
import { spanAt } from "../lib/spans/span";
import { FIRST_NAMES, LAST_NAMES, PUBLISHERS, ROLES, paragraphs, sentence, wordStarts } from "./corpus";
import { mulberry32, randomId, type Rng } from "./prng";
import { vectorKey } from "../lib/match/semantic/vectors";

/** Bumped whenever the generator's output changes, so --keep does not reuse a stale corpus. */
/** 2: the corpus includes the search index (FTS5) and the accounts/history tables. */
/** 3: the corpus includes the similar-claim index (ClaimMatch) too. */
/** 4: and a sentence vector per claim (ClaimVector). */
export const GENERATOR_VERSION = 4;
export const DESIGNATED_SOURCE_ID = "bench-200-spans";
export const DESIGNATED_SPANS = 200;
const PEOPLE = 1000;
const STATUSES = ["unreviewed", "supported", "disputed", "stale"] as const;
type Status = (typeof STATUSES)[number];

export type CorpusMeta = {
  generatorVersion: number;
  claims: number;
  sources: number;
  seed: number;
  generationSeconds: number;
  rows: Record<string, number>;
  designatedSourceId: string;
  generatedAt: string;
};

export type GenerateOptions = { file: string; claims: number; sources: number; seed: number; log: (msg: string) => void };

function metaPath(file: string): string {
  return file.replace(/\.db$/, "") + ".meta.json";
}

/** The metadata of an existing, complete corpus with these parameters, if there is one. */
export function existingCorpus(opts: Pick<GenerateOptions, "file" | "claims" | "sources" | "seed">): CorpusMeta | null {
  const mp = metaPath(opts.file);
  if (!existsSync(opts.file) || !existsSync(mp)) return null;
  const meta = JSON.parse(readFileSync(mp, "utf8")) as CorpusMeta;
  const same =
    meta.generatorVersion === GENERATOR_VERSION && meta.claims === opts.claims && meta.sources === opts.sources && meta.seed === opts.seed;
  return same ? meta : null;
}

/** Storage format of DateTime columns written by Prisma's SQLite adapter. */
export function isoDb(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "+00:00");
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** How many claims each source gets: the designated source gets DESIGNATED_SPANS, the rest ~claims/sources each. */
function claimCounts(rng: Rng, claims: number, sources: number): Int32Array {
  const counts = new Int32Array(sources);
  counts[0] = DESIGNATED_SPANS;
  const rest = claims - DESIGNATED_SPANS;
  const others = sources - 1;
  for (let s = 0; s < others; s++) {
    counts[s + 1] = Math.floor((rest * (s + 1)) / others) - Math.floor((rest * s) / others);
  }
  // Vary sizes without changing the total: move claims between neighbours.
  for (let s = 1; s + 1 < sources; s += 2) {
    const a = counts[s]!;
    const b = counts[s + 1]!;
    const move = rng.range(-Math.floor((a - 1) / 2), Math.floor((b - 1) / 2));
    counts[s] = a + move;
    counts[s + 1] = b - move;
  }
  return counts;
}

type PersonRow = { id: string; role: string };

const DAY = 86_400_000;
const T0 = Date.UTC(2023, 0, 1);
const T1 = Date.UTC(2026, 9, 1);

export async function generate(opts: GenerateOptions): Promise<CorpusMeta> {
  const { file, claims, sources, seed, log } = opts;
  if (sources < 2) throw new Error("--sources must be at least 2");
  if (claims < DESIGNATED_SPANS + sources - 1) {
    throw new Error(`--claims must be at least ${DESIGNATED_SPANS} + (sources - 1) = ${DESIGNATED_SPANS + sources - 1}`);
  }
  const started = performance.now();
  for (const f of [file, `${file}-wal`, `${file}-shm`, metaPath(file)]) rmSync(f, { force: true });
  await migrate(`file:${file}`);

  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -1048576"); // 1 GiB: keeps the B-trees of the indexes in memory during the load
  db.pragma("temp_store = MEMORY");

  const rng = mulberry32(seed);
  const idRng = mulberry32(seed ^ 0x5bd1e995);
  const rows: Record<string, number> = { Source: 0, Person: 0, PersonAlias: 0, Claim: 0, Span: 0, Attribution: 0, Review: 0 };

  const insSource = db.prepare(
    `INSERT INTO "Source" ("id","title","publisher","author","url","publishedAt","retrievedAt","language","text","sha256","length","createdAt")
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const insPerson = db.prepare(`INSERT INTO "Person" ("id","name","slug","description","createdAt") VALUES (?,?,?,?,?)`);
  const insAlias = db.prepare(`INSERT INTO "PersonAlias" ("id","personId","alias","folded") VALUES (?,?,?,?)`);
  const insClaim = db.prepare(
    `INSERT INTO "Claim" ("id","text","status","version","asOf","sourceId","createdAt","updatedAt") VALUES (?,?,?,?,?,?,?,?)`,
  );
  const insSpan = db.prepare(
    `INSERT INTO "Span" ("id","claimId","sourceId","start","end","exact","prefix","suffix") VALUES (?,?,?,?,?,?,?,?)`,
  );
  // Each claim's sentence vector, keyed to its text as the encoder keys it, so that every
  // lookup compares them as it would real ones. The components are random: encoding a
  // million claims for real takes about 4.5 hours on this 2-core VM, and reading and
  // comparing a vector costs the same whatever it holds. (A query text is encoded for real.)
  const insVector = db.prepare(`INSERT INTO "ClaimVector" ("claimId","key","vector") VALUES (?,?,?)`);
  const vectorRng = mulberry32(seed ^ 0x2545f491);
  const randomVector = () => {
    const words = new Uint32Array(128);
    for (let i = 0; i < 128; i++) words[i] = Math.floor(vectorRng.next() * 4294967296);
    return Buffer.from(words.buffer);
  };
  const insAttribution = db.prepare(`INSERT INTO "Attribution" ("id","claimId","kind","personId","role") VALUES (?,?,?,?,?)`);
  const insReview = db.prepare(
    `INSERT INTO "Review" ("id","claimId","fromStatus","toStatus","rationale","evidence","reviewerId","reviewerName","isDemo","createdAt")
     VALUES (?,?,?,?,?,?,?,?,?,?)`,
  );

  // The search index is filled once at the end (one bulk build) instead of by its
  // triggers on every insert, which made a 1,000,000-claim load ~6x slower.
  await withSearchIndexDeferred(db, () => {
    // People, with aliases (full name, initial + surname, surname; ~1/3 also an ASCII transliteration).
    const people: PersonRow[] = [];
    db.transaction(() => {
      const slugs = new Set<string>();
      const names = new Set<string>();
      while (people.length < PEOPLE) {
        let name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
        if (names.has(name)) name = `${rng.pick(FIRST_NAMES)} ${String.fromCharCode(65 + rng.int(26))}. ${rng.pick(LAST_NAMES)}`;
        if (names.has(name)) continue;
        names.add(name);
        const id = randomId(idRng);
        let slug = slugify(name);
        if (slugs.has(slug)) slug = `${slug}-${id.slice(0, 6)}`;
        slugs.add(slug);
        const role = rng.pick(ROLES);
        insPerson.run(id, name, slug, rng.chance(0.7) ? `${role}, ${rng.pick(PUBLISHERS)} coverage` : null, isoDb(T0 - rng.int(365) * DAY));
        const parts = name.split(" ");
        const last = parts[parts.length - 1]!;
        const aliases = new Set([name, `${parts[0]!.charAt(0)}. ${last}`, last]);
        if (rng.chance(0.35)) aliases.add(name.normalize("NFKD").replace(/\p{M}/gu, ""));
        for (const alias of aliases) {
          insAlias.run(randomId(idRng), id, alias, foldName(alias));
          rows.PersonAlias!++;
        }
        people.push({ id, role });
        rows.Person!++;
      }
    })();

    const counts = claimCounts(rng, claims, sources);
    const BATCH_CLAIMS = 20_000;

    const insertSource = (s: number): void => {
      const sourceId = s === 0 ? DESIGNATED_SOURCE_ID : randomId(idRng);
      const publisher = rng.pick(PUBLISHERS);
      const heading = `${s === 0 ? "Designated long article" : `Report ${s}`}: ${sentence(rng, 5, 10)}`;
      const text = paragraphs(rng, s === 0 ? 16_000 : rng.range(2_000, 4_000), heading);
      const index = new CodePointIndex(text);
      const createdMs = T0 + rng.int(T1 - T0);
      const retrievedMs = createdMs - rng.int(3 * DAY);
      insSource.run(
        sourceId,
        rng.chance(0.9) ? sentence(rng, 4, 12).slice(0, -1) : null,
        publisher,
        rng.chance(0.6) ? `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}` : null,
        rng.chance(0.95) ? `https://news.example.org/${slugify(publisher)}/${sourceId}` : null,
        rng.chance(0.9) ? isoDay(retrievedMs - rng.int(10) * DAY) : null,
        isoDb(retrievedMs),
        "en",
        text,
        createHash("sha256").update(text, "utf8").digest("hex"),
        index.length,
        isoDb(createdMs),
      );
      rows.Source!++;

      const starts = wordStarts(text);
      const words = starts.length - 1;
      for (let c = 0; c < counts[s]!; c++) {
        const claimId = randomId(idRng);
        const r = rng.next();
        const status: Status = r < 0.4 ? "unreviewed" : r < 0.7 ? "supported" : r < 0.9 ? "disputed" : "stale";
        const createdAt = createdMs + rng.int(30 * DAY);
        const reviewTimes: number[] = [];
        const reviews = status === "unreviewed" ? 0 : status === "stale" ? 2 : 1;
        let t = createdAt;
        for (let k = 0; k < reviews; k++) reviewTimes.push((t += DAY / 24 + rng.int(60 * DAY)));
        const asOf = rng.chance(0.3) ? (rng.chance(0.5) ? isoDay(createdMs).slice(0, 7) : isoDay(createdMs)) : null;
        const text = sentence(rng, 8, 18);
        insClaim.run(claimId, text, status, 1 + reviews, asOf, sourceId, isoDb(createdAt), isoDb(t));
        insVector.run(claimId, vectorKey(text), randomVector());
        rows.Claim!++;

        const w = rng.int(words);
        const k = Math.min(words, w + rng.range(4, 24));
        let end = k < words ? starts[k]! - 1 : starts[k]!;
        while (end > starts[w]! + 1 && /\s/.test(index.slice(end - 1, end))) end--; // no trailing line break
        const span = spanAt(index, starts[w]!, end);
        insSpan.run(randomId(idRng), claimId, sourceId, span.start, span.end, span.exact, span.prefix, span.suffix);
        rows.Span!++;

        const kr = rng.next();
        if (kr < 0.2) {
          insAttribution.run(randomId(idRng), claimId, "publication", null, null);
        } else {
          const u = rng.next();
          const person = people[Math.floor(people.length * u * u)]!; // skewed: a few people are quoted a lot
          insAttribution.run(randomId(idRng), claimId, kr < 0.65 ? "direct" : "indirect", person.id, rng.chance(0.6) ? person.role : null);
        }
        rows.Attribution!++;

        const path: Array<[Status, Status]> =
          status === "stale" ? [["unreviewed", "supported"], ["supported", "stale"]] : reviews ? [["unreviewed", status]] : [];
        path.forEach(([from, to], i) => {
          insReview.run(randomId(idRng), claimId, from, to, rng.chance(0.8) ? sentence(rng, 10, 30) : null, "[]", null,
            `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`, 0, isoDb(reviewTimes[i]!));
          rows.Review!++;
        });
      }
    };

    let s = 0;
    let nextReport = 0.1;
    while (s < sources) {
      db.transaction(() => {
        let batch = 0;
        while (s < sources && batch < BATCH_CLAIMS) {
          batch += counts[s]!;
          insertSource(s++);
        }
      })();
      if (rows.Claim! / claims >= nextReport) {
        log(`  ${Math.round((100 * rows.Claim!) / claims)}% — ${rows.Claim} claims, ${rows.Source} sources, ${((performance.now() - started) / 1000).toFixed(1)} s`);
        nextReport = Math.floor((rows.Claim! / claims) * 10 + 1) / 10;
      }
    }

  });
  log("  search index built");

  // The load's PageChange rows (what each insert touched, for the reader cache of a running
  // server) are not data: a corpus starts with none, like a database after ten minutes.
  db.exec(`DELETE FROM "PageChange"`);
  log("  ANALYZE / PRAGMA optimize / checkpoint…");
  db.exec("ANALYZE");
  db.pragma("optimize");
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();

  const meta: CorpusMeta = {
    generatorVersion: GENERATOR_VERSION,
    claims,
    sources,
    seed,
    generationSeconds: (performance.now() - started) / 1000,
    rows,
    designatedSourceId: DESIGNATED_SOURCE_ID,
    generatedAt: new Date().toISOString(),
  };
  writeFileSync(metaPath(file), JSON.stringify(meta, null, 2) + "\n");
  return meta;
}

export function dbFileBytes(file: string): number {
  let total = 0;
  for (const f of [file, `${file}-wal`]) if (existsSync(f)) total += statSync(f).size;
  return total;
}
