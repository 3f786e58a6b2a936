// `npm start`: apply pending migrations, seed the database if it is empty, then serve
// the built app. A fresh DATABASE_URL file therefore just works. Seeding an empty
// database also creates a demo editor and prints its generated password once
// (VERBATIM_DEMO_EDITOR=0 turns that off).
import { spawn, spawnSync } from "node:child_process";
const cli = new URL("../bin/verbatim.mjs", import.meta.url).pathname;
const setup = spawnSync(process.execPath, [cli, "setup", "--if-empty", ...(process.env.VERBATIM_DEMO_EDITOR === "0" ? [] : ["--demo-editor"])], { stdio: "inherit" });
if (setup.status !== 0) process.exit(setup.status ?? 1);

// scripts/server.mjs: Next's request handler behind our own HTTP server (client address
// from the socket, body limits before reading; see that file).
const next = spawn(process.execPath, [new URL("./server.mjs", import.meta.url).pathname, ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => next.kill(signal));
next.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
