// Offline access to Prisma's schema engine. The Prisma CLI downloads a native engine
// on first use, which fails without internet; the same engine ships as WebAssembly in
// @prisma/schema-engine-wasm. That build targets bundlers (`import * as wasm from
// "./x.wasm"`), so we instantiate the module by hand and hand it its JS bindings.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";

type WasmExports = WebAssembly.Exports & { __wbindgen_start: () => void };
type Disposable = { dispose(): Promise<void> };
let started: Promise<void> | undefined;

function startWasm(): Promise<void> {
  started ??= (async () => {
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
  return started;
}

/**
 * Runs `work` with a schema engine on a SQLite file URL (`file:...`), then closes every
 * connection the engine opened. `free()` alone leaves them open, and an open read
 * cursor keeps later writers in the same process out ("database is locked").
 */
export async function withSchemaEngine<T>(
  url: string,
  schema: string,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await startWasm();
  const factory = new PrismaBetterSqlite3({ url });
  const opened: Disposable[] = [];
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    opened.push(adapter);
    return adapter;
  };
  // The engine replays whole migration files on the shadow database through
  // executeRaw, which better-sqlite3 limits to one statement; run those as scripts.
  const connectShadow = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async () => {
    const adapter = await connectShadow();
    opened.push(adapter);
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (query) => {
      if (query.args.length > 0) return executeRaw(query);
      await adapter.executeScript(query.sql);
      return 0;
    };
    return adapter;
  };
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
