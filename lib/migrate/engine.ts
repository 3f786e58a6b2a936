// Offline access to Prisma's schema engine. The Prisma CLI downloads a native engine
// on first use, which fails without internet; the same engine ships as WebAssembly in
// @prisma/schema-engine-wasm. That build targets bundlers (`import * as wasm from
// "./x.wasm"`), so we instantiate the module by hand and hand it its JS bindings.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import { engineOf } from "../db-url";
import { schemaEnginePg } from "./pg-adapter";

type WasmExports = WebAssembly.Exports & { __wbindgen_start: () => void };
type Disposable = { dispose(): Promise<void> };
// Kept on globalThis: a test runner may load this module more than once in one process,
// while the bindings module (and the instance set into it) exists once.
const shared = globalThis as unknown as { verbatimWasm?: Promise<void>; verbatimEngineQueue?: Promise<void> };

// The engine reports a Rust panic's message here before it throws; without the registry
// the panic surfaces as "Cannot read properties of undefined (reading 'set_message')".
const panics = globalThis as unknown as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
panics.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (message) => console.error(`schema engine panic: ${message}`) };

function startWasm(): Promise<void> {
  shared.verbatimWasm ??= (async () => {
    const require = createRequire(import.meta.url);
    // The package exports only its JS entry points; the .wasm file sits beside them.
    const wasmPath = require
      .resolve("@prisma/schema-engine-wasm/schema_engine_bg")
      .replace(/\.js$/, ".wasm");
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
    });
    const exports = instance.exports as WasmExports;
    bindings.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
  })();
  return shared.verbatimWasm;
}

type Factory = SqlMigrationAwareDriverAdapterFactory;

/**
 * Records every adapter a factory opens, so that all are closed when the work ends; the
 * engine closes some itself, so closing is made idempotent (pg's pool throws on a second end()).
 */
function tracked(factory: Factory, opened: Disposable[]): Factory {
  const track = <A extends Disposable>(adapter: A): A => {
    const dispose = adapter.dispose.bind(adapter);
    let closing: Promise<void> | undefined;
    adapter.dispose = () => (closing ??= dispose());
    opened.push(adapter);
    return adapter;
  };
  const connect = factory.connect.bind(factory);
  const connectShadow = factory.connectToShadowDb.bind(factory);
  factory.connect = async () => track(await connect());
  factory.connectToShadowDb = async () => track(await connectShadow());
  return factory;
}

function sqliteFactory(url: string): Factory {
  const factory = new PrismaBetterSqlite3({ url });
  // The engine replays whole migration files on the shadow database through
  // executeRaw, which better-sqlite3 limits to one statement; run those as scripts.
  const connectShadow = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async () => {
    const adapter = await connectShadow();
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (query) => {
      if (query.args.length > 0) return executeRaw(query);
      await adapter.executeScript(query.sql);
      return 0;
    };
    return adapter;
  };
  return factory;
}

/**
 * Runs `work` with a schema engine on a database URL (`file:` SQLite or PostgreSQL),
 * then closes every connection the engine opened. `free()` alone leaves them open, and
 * on SQLite an open read cursor keeps later writers in the same process out.
 */
export async function withSchemaEngine<T>(
  url: string,
  schema: string,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  // One WebAssembly instance serves the process, and it is not re-entrant: two engines
  // working at once corrupt its memory (seen as a panic). Engines take turns.
  const turn = (shared.verbatimEngineQueue ?? Promise.resolve()).then(() => runEngine(url, schema, work));
  shared.verbatimEngineQueue = turn.then(
    () => undefined,
    () => undefined,
  );
  return turn;
}

async function runEngine<T>(url: string, schema: string, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  await startWasm();
  const opened: Disposable[] = [];
  const factory = tracked(engineOf(url) === "postgres" ? schemaEnginePg(url) : sqliteFactory(url), opened);
  const engine: SchemaEngine = await bindings.SchemaEngine.new(
    { datamodels: [["schema.prisma", schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((adapter) => adapter.dispose()));
  }
}
