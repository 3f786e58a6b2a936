// @prisma/adapter-pg, pinned at 7.10.0, with the four workarounds the WebAssembly schema
// engine needs (each has a test in tests/postgres/schema-engine.test.ts):
// 1. Catalog columns of type "char" (OID 18, e.g. pg_class.relkind) are not mapped and
//    fail every diff: they are reported as the Character type the engine reads them as.
// 2. executeScript splits a script on ";", which cuts plpgsql bodies apart: a script is
//    sent as one simple query, which PostgreSQL runs as one implicit transaction, so a
//    failing migration leaves nothing half-applied.
// 3. A shadow database is created and then reached through a connection string that
//    still names the main database: we connect to the shadow database by its own URL.
// 4. The shadow database is dropped before its pool is closed ("is being accessed by
//    other users"): we close the pool first, then drop it.
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlQueryable,
} from "@prisma/driver-adapter-utils";
import { withDatabase } from "../db-url";

const CHAR_OID = 18;
const TEXT_OID = 25;
type PgResult = { fields: { dataTypeID: number }[]; rows: unknown[] & { charColumns?: number[] } };
type Patchable = { performIO(query: SqlQuery): Promise<PgResult> };

/**
 * "char" columns are read as text (which is what pg returns for them) and reported as
 * the Character column type the engine expects: the indexes travel with the rows array,
 * which queryRaw returns as it got it.
 */
function patchQueryable<T extends SqlQueryable>(queryable: T): T {
  const q = queryable as unknown as Patchable;
  const performIO = q.performIO.bind(q);
  q.performIO = async (query) => {
    const result = await performIO(query);
    const chars: number[] = [];
    (result.fields ?? []).forEach((field, i) => {
      if (field.dataTypeID === CHAR_OID) (field.dataTypeID = TEXT_OID), chars.push(i);
    });
    if (chars.length && Array.isArray(result.rows)) result.rows.charColumns = chars;
    return result;
  };
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of (result.rows as PgResult["rows"]).charColumns ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

function patchAdapter<T extends SqlDriverAdapter>(adapter: T): T {
  patchQueryable(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (level) => patchQueryable(await startTransaction(level));
  // A script is sent whole as one simple query (no parameters): PostgreSQL runs all its
  // statements in one implicit transaction.
  const driver = (adapter as unknown as { underlyingDriver(): { query(sql: string): Promise<unknown> } }).underlyingDriver();
  adapter.executeScript = async (script: string) => {
    await driver.query(script);
  };
  return adapter;
}

/** A driver adapter factory for the schema engine, with the workarounds above. */
export function schemaEnginePg(url: string): SqlMigrationAwareDriverAdapterFactory {
  const main = new PrismaPg({ connectionString: url, max: 4 });
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => patchAdapter(await main.connect()),
    connectToShadowDb: async () => {
      const database = `verbatim_shadow_${randomUUID().replace(/-/g, "")}`;
      const admin = await main.connect();
      await admin.executeRaw({ sql: `CREATE DATABASE "${database}"`, args: [], argTypes: [] });
      const shadow = patchAdapter(await new PrismaPg({ connectionString: withDatabase(url, database), max: 2 }).connect());
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        try {
          await dispose();
          await admin.executeRaw({ sql: `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`, args: [], argTypes: [] });
        } finally {
          await admin.dispose();
        }
      };
      return shadow;
    },
  };
}
