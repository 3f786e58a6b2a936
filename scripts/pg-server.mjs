// A throwaway PostgreSQL server for tests and benchmarks: Debian's `postgresql`
// package (installed with apt when missing and run as root), `initdb` + `pg_ctl` in a
// temporary folder, on a free loopback port, trusted local connections only.
// `node scripts/pg-server.mjs` starts one and prints its URL until interrupted.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const isRoot = process.getuid?.() === 0;

/** The folder holding initdb and pg_ctl, installing Debian's postgresql when possible. */
export function postgresBin() {
  const find = () => {
    const root = "/usr/lib/postgresql";
    const versions = existsSync(root) ? readdirSync(root).filter((v) => Number(v) >= 15).sort((a, b) => Number(b) - Number(a)) : [];
    const bin = versions.map((v) => path.join(root, v, "bin")).find((b) => existsSync(path.join(b, "initdb")));
    return process.env.PG_BIN ?? bin;
  };
  let bin = find();
  if (bin) return bin;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (!isRoot || !hasApt) {
    throw new Error("PostgreSQL 15+ not found. Install it (Debian: sudo apt-get install -y postgresql) or set PG_BIN.");
  }
  console.log("Installing Debian's postgresql for the PostgreSQL tests…");
  const install = "DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql postgresql-contrib";
  if (spawnSync("sh", ["-c", install], { stdio: "inherit" }).status !== 0) {
    execFileSync("sh", ["-c", `apt-get update -qq && ${install}`], { stdio: "inherit" });
  }
  bin = find();
  if (!bin) throw new Error("apt installed postgresql but no initdb was found under /usr/lib/postgresql");
  return bin;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = /** @type {import("node:net").AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

/** initdb refuses to run as root; as root, the cluster belongs to the `postgres` user. */
function asOwner(cmd, args) {
  const [file, argv] = isRoot ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args];
  const res = spawnSync(file, argv, { encoding: "utf8" });
  if (res.status !== 0) throw new Error(`${path.basename(cmd)} failed (${res.status}): ${res.stderr || res.stdout}`);
  return res.stdout;
}

/**
 * Starts a server in a new temporary folder. Returns its base URL (database `postgres`)
 * and `stop()`, which stops the server and removes the folder.
 */
export async function startPostgres({ maxConnections = 200 } = {}) {
  const bin = postgresBin();
  const dir = mkdtempSync(path.join(tmpdir(), "verbatim-pg-"));
  chmodSync(dir, 0o700);
  if (isRoot) {
    const pw = execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim();
    const gr = execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim();
    chownSync(dir, Number(pw), Number(gr));
  }
  const data = path.join(dir, "data");
  asOwner(path.join(bin, "initdb"), ["-D", data, "-U", "verbatim", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]);
  const port = await freePort();
  // Tests need little; a benchmark at a million claims (3.9 GB) wants its tables in the
  // server's own cache, as a production server sized to its machine has them.
  const sharedBuffers = process.env.VERBATIM_PG_SHARED_BUFFERS ?? "256MB";
  if (!/^\d+(kB|MB|GB)$/.test(sharedBuffers)) throw new Error(`VERBATIM_PG_SHARED_BUFFERS must be like 256MB or 4GB (got "${sharedBuffers}")`);
  const opts = [
    `-p ${port}`, "-c listen_addresses=127.0.0.1", `-k ${dir}`, `-c max_connections=${maxConnections}`,
    "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off", `-c shared_buffers=${sharedBuffers}`,
  ].join(" ");
  asOwner(path.join(bin, "pg_ctl"), ["-D", data, "-o", opts, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "start"]);
  const url = `postgresql://verbatim@127.0.0.1:${port}/postgres`;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      asOwner(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return { url, port, dir, stop };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startPostgres();
  console.log(server.url);
  const end = () => {
    server.stop();
    process.exit(0);
  };
  process.on("SIGINT", end);
  process.on("SIGTERM", end);
  setInterval(() => {}, 1 << 30);
}
