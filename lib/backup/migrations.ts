import type { DbTx } from "../db";

/** Names of the migrations applied to the database, oldest first (Prisma's bookkeeping table). */
export async function appliedMigrations(db: DbTx): Promise<string[]> {
  const rows = await db.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations
    WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
    ORDER BY migration_name`;
  return rows.map((r) => r.migration_name);
}
