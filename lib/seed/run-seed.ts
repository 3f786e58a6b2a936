// Loads seeds/ into the database: both articles byte for byte, their people and the
// curated claims. Idempotent (existing records are left as they are, so a second run
// changes nothing) and loud: any mismatch aborts the whole run, which is one transaction.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createClaimIn } from "../claims/create-claim";
import type { Db } from "../db";
import { newId } from "../ids";
import { createPerson } from "../people/create-person";
import { recordReviewIn } from "../reviews/record-review";
import { sha256Hex } from "../sources/hash";
import { createSource } from "../sources/create-source";
import { seedManifest, type SeedManifest } from "./manifest-schema";

export const seedsDir = path.resolve(import.meta.dirname, "..", "..", "seeds");
export const DEMO_REVIEWER = "Verbatim demo data";
export const SEED_LINKER = "Verbatim seed data";

export class SeedError extends Error {
  override name = "SeedError";
}

export function loadManifest(dir = seedsDir): SeedManifest {
  const raw: unknown = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8"));
  const parsed = seedManifest.safeParse(raw);
  if (!parsed.success) throw new SeedError(`seeds/manifest.json is invalid: ${parsed.error.message}`);
  return parsed.data;
}

/** Reads a seed text, refusing it unless its bytes hash to the manifest's sha256. */
function readSeedText(dir: string, file: string, sha256: string): string {
  const bytes = readFileSync(path.join(dir, file));
  const text = bytes.toString("utf8");
  const actual = sha256Hex(text);
  if (actual !== sha256 || !Buffer.from(text, "utf8").equals(bytes)) {
    throw new SeedError(`seeds/${file}: sha256 ${actual} does not match the manifest's ${sha256} (the file must be kept byte for byte).`);
  }
  return text;
}

export type SeedReport = { sources: number; people: number; claims: number; reviews: number };

export async function runSeed(db: Db, dir = seedsDir): Promise<SeedReport> {
  const manifest = loadManifest(dir);
  const created: SeedReport = { sources: 0, people: 0, claims: 0, reviews: 0 };
  const texts = new Map<string, string>();
  for (const s of manifest.sources) texts.set(s.id, readSeedText(dir, s.file, s.sha256));
  const claimIds = new Set(manifest.claims.map((c) => c.id));
  for (const l of manifest.links ?? []) {
    for (const end of [l.from, l.to]) if (!claimIds.has(end)) throw new SeedError(`link ${l.from} → ${l.to}: ${end} is not a claim in the manifest.`);
    if (l.from === l.to) throw new SeedError(`link ${l.from} → ${l.to}: a link joins two different claims.`);
  }

  await db.$transaction(
    async (tx) => {
      for (const s of manifest.sources) {
        const text = texts.get(s.id)!;
        const byId = await tx.source.findUnique({ where: { id: s.id }, select: { sha256: true } });
        if (byId && byId.sha256 !== s.sha256) throw new SeedError(`source ${s.id}: the database holds a different text under this id.`);
        if (byId) continue;
        const { file: _file, sha256: _sha256, ...metadata } = s;
        const res = await createSource(tx, { ...metadata, text });
        if (!res.created) throw new SeedError(`source ${s.id}: the same text is already stored as source ${res.id}.`);
        created.sources++;
      }
      for (const p of manifest.people) {
        if (await tx.person.findUnique({ where: { id: p.id }, select: { id: true } })) continue;
        await createPerson(tx, p);
        created.people++;
      }
      for (const c of manifest.claims) {
        if (await tx.claim.findUnique({ where: { id: c.id }, select: { id: true } })) continue;
        const role = c.attribution.role;
        if (role !== null && !texts.get(c.source)?.includes(role)) {
          throw new SeedError(`claim ${c.id}: role ${JSON.stringify(role)} is not stated verbatim in source ${c.source}.`);
        }
        try {
          await createClaimIn(tx, {
            id: c.id,
            sourceId: c.source,
            text: c.text,
            asOf: c.asOf,
            spans: c.spans,
            attribution: { kind: c.attribution.kind, personId: c.attribution.person, role },
          });
        } catch (err) {
          const details = (err as { details?: unknown }).details;
          throw new SeedError(`claim ${c.id}: ${(err as Error).message}${details ? ` ${JSON.stringify(details)}` : ""}`);
        }
        created.claims++;
        let version = 1;
        for (const r of c.demoReviews ?? []) {
          ({ version } = await recordReviewIn(tx, {
            claimId: c.id,
            toStatus: r.toStatus,
            rationale: r.rationale,
            expectedVersion: version,
            reviewer: { id: null, name: DEMO_REVIEWER },
            isDemo: true,
          }));
          created.reviews++;
        }
      }
      // Seeded links are part of the starting state, like the claims themselves, so they
      // add no "linked" entry to the claims' edit history (an editor's link does). A
      // pair already linked either way — by an earlier run or an editor — is left alone.
      for (const l of manifest.links ?? []) {
        const linked = await tx.claimLink.findFirst({
          where: { OR: [{ fromClaimId: l.from, toClaimId: l.to }, { fromClaimId: l.to, toClaimId: l.from }] },
          select: { id: true },
        });
        if (linked) continue;
        await tx.claimLink.create({
          data: { id: newId(), fromClaimId: l.from, toClaimId: l.to, kind: l.kind, note: l.note, createdById: null, createdByName: SEED_LINKER },
        });
      }
    },
    { timeout: 60_000 },
  );
  return created;
}
