// Entry point of `npx verbatim`. Each command is a small function below; later
// features add theirs to COMMANDS.
import { getDb } from "../lib/db";
import { AppError } from "../lib/errors";
import { displayUrl } from "../lib/db-url";
import { migrate } from "../lib/migrate/migrate";
import { runSeed, SeedError } from "../lib/seed/run-seed";
import { verifyDatabase } from "../lib/verify/verify-database";

type Command = { summary: string; run: (args: string[]) => Promise<number> };

const COMMANDS: Record<string, Command> = {
  migrate: {
    summary: "Apply pending database migrations (offline-capable).",
    async run() {
      const applied = await migrate();
      console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
      return 0;
    },
  },
  seed: {
    summary: "Load seeds/ (idempotent; fails on any quote that does not match its source).",
    async run() {
      const r = await runSeed(getDb());
      console.log(`seeded: ${r.sources} sources, ${r.people} people, ${r.claims} claims, ${r.reviews} demo reviews created`);
      return 0;
    },
  },
  setup: {
    summary: "migrate, then seed. With --if-empty, seed only a database that has no sources yet; with --demo-editor, also create a demo editor with a generated password, printed once (what `npm start` runs).",
    async run(args) {
      const failed = await COMMANDS.migrate!.run(args);
      if (failed) return failed;
      if (args.includes("--if-empty") && (await getDb().source.count()) > 0) {
        console.log("database has sources; not seeding");
        return 0;
      }
      const seeded = await COMMANDS.seed!.run(args);
      if (seeded || !args.includes("--demo-editor")) return seeded;
      const { createDemoEditor } = await import("../lib/auth/demo-editor");
      const demo = await createDemoEditor(getDb());
      if (demo) {
        console.log(`\nDemo editor created (shown only now): email ${demo.email}  password ${demo.password}`);
        console.log("Remove it with: npx verbatim user role --email " + demo.email + " --role reader\n");
      }
      return 0;
    },
  },
  verify: {
    summary: "Check every span against its source and every source against its sha256; exit 1 on any violation.",
    async run() {
      const r = await verifyDatabase(getDb());
      for (const v of r.violations) console.error(`VIOLATION ${v.entity} ${v.id}: ${v.message}`);
      console.log(`checked ${r.sources} sources, ${r.spans} spans, ${r.claims} claims: ${r.violations.length} violation(s)`);
      return r.violations.length ? 1 : 0;
    },
  },
  export: {
    summary: "Write a complete, versioned JSONL backup: --out FILE (--out - or no --out: stdout).",
    async run(args) {
      return (await import("../lib/backup/cli")).exportCommand(args);
    },
  },
  import: {
    summary: "Load a backup made by `export` into an empty database: FILE (- for stdin); writes nothing if any record is wrong.",
    async run(args) {
      return (await import("../lib/backup/cli")).importCommand(args);
    },
  },
  suggest: {
    summary: "Suggested claims of UTF-8 text files, one JSON line per file: FILE... (- for stdin); people matched when DATABASE_URL is set.",
    async run(args) {
      return (await import("../lib/suggestions/cli")).suggestCommand(args);
    },
  },
  reanchor: {
    summary: "Where spans of an old text are in a new one: --from OLD.txt --to NEW.txt --spans SPANS.json; prints a JSON array (exact | moved | changed | orphaned).",
    async run(args) {
      return (await import("../lib/spans/reanchor/cli")).reanchorCommand(args);
    },
  },
  refresh: {
    summary: "Fetch sources with URLs again (conditional GET) and record a revision where the readable text changed: [--source ID]; one JSON line per source.",
    async run(args) {
      return (await import("../lib/revisions/cli")).refreshCommand(args);
    },
  },
  ingest: {
    summary: "Bring in existing claims: FILE of JSON Lines, one source and its claims per line (- for stdin); nothing is imported if any line is invalid, unless --skip-invalid.",
    async run(args) {
      return (await import("../lib/ingest/cli")).ingestCommand(args);
    },
  },
  embed: {
    summary: "Compute the sentence vectors similar-claim matching compares, for every claim that has none (the server does it in the background; this does it now, with progress).",
    async run() {
      return (await import("../lib/match/semantic/cli")).embedCommand();
    },
  },
  user: {
    summary: "Accounts: user add --email E --role editor (password on stdin) | user list | user role --email E --role R | user password --email E.",
    async run(args) {
      return (await import("../lib/auth/cli")).userCommand(args);
    },
  },
  token: {
    summary: "API tokens: token create --email E (prints the token alone) | token list --email E | token revoke ID.",
    async run(args) {
      return (await import("../lib/auth/cli")).tokenCommand(args);
    },
  },
};

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return [
    "usage: verbatim <command> [options]",
    "",
    "commands:",
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    "",
    `database: DATABASE_URL (now ${displayUrl()})`,
  ].join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(help());
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`verbatim: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  try {
    return await command.run(args);
  } catch (err) {
    console.error(`verbatim ${name}: ${err instanceof SeedError ? "" : "error: "}${(err as Error).message}`);
    return err instanceof AppError && err.status < 500 ? 2 : 1;
  } finally {
    await getDb().$disconnect();
  }
}
