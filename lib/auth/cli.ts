// `verbatim user …` and `verbatim token …`. Passwords are read from standard input
// (never from argv, where they would show in `ps` and shell history); a new token is
// printed alone on standard output so scripts can capture it.
import { getDb } from "../db";
import { AppError } from "../errors";
import { createUser, findUserByEmail, renameUser, setPassword } from "./create-user";
import { isRole, ROLES } from "./roles";
import { createApiToken, listApiTokens, revokeApiToken } from "./tokens";

export function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i === -1) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith("--")) throw new AppError("bad_request", `--${name} needs a value.`);
  return value;
}

const required = (args: string[], name: string): string => {
  const value = option(args, name);
  if (value === undefined) throw new AppError("bad_request", `--${name} is required.`);
  return value;
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** The password on stdin: its first line, without the line ending. */
export async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write("password (then Enter and Ctrl-D): ");
  const text = await readStdin();
  return text.split(/\r?\n/)[0] ?? "";
}

export async function userCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const db = getDb();
  if (sub === "add") {
    const role = option(rest, "role") ?? "editor";
    if (!isRole(role)) throw new AppError("bad_request", `--role must be one of ${ROLES.join(", ")}.`);
    const user = await createUser(db, { email: required(rest, "email"), name: option(rest, "name"), role, password: await readPassword() });
    console.error(`created ${user.role} ${user.email}`);
    return 0;
  }
  if (sub === "list") {
    for (const u of await db.user.findMany({ orderBy: { email: "asc" }, select: { email: true, name: true, role: true } })) {
      console.log(`${u.email}\t${u.role}\t${u.name}`);
    }
    return 0;
  }
  if (sub === "role") {
    const role = required(rest, "role");
    if (!isRole(role)) throw new AppError("bad_request", `--role must be one of ${ROLES.join(", ")}.`);
    const user = await findUserByEmail(db, required(rest, "email"));
    await db.user.update({ where: { id: user.id }, data: { role } });
    console.error(`${user.email} is now ${role}`);
    return 0;
  }
  if (sub === "password") {
    const user = await findUserByEmail(db, required(rest, "email"));
    await setPassword(db, { userId: user.id, password: await readPassword() });
    console.error(`password set for ${user.email}; their sessions were ended and their API tokens revoked`);
    return 0;
  }
  if (sub === "name") {
    const user = await findUserByEmail(db, required(rest, "email"));
    await renameUser(db, { userId: user.id, name: required(rest, "name") });
    console.error(`${user.email} is now named ${required(rest, "name").trim()}`);
    return 0;
  }
  console.error("usage: verbatim user add --email E [--role admin|editor|reader] [--name N]  (password on stdin)\n       verbatim user list\n       verbatim user role --email E --role R\n       verbatim user password --email E  (password on stdin)\n       verbatim user name --email E --name N");
  return 2;
}

export async function tokenCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const db = getDb();
  if (sub === "create") {
    const user = await findUserByEmail(db, required(rest, "email"));
    const { token, info } = await createApiToken(db, { userId: user.id, name: option(rest, "name") ?? "API token" });
    process.stdout.write(`${token}\n`);
    console.error(`token ${info.id} created for ${user.email}; it is shown only now`);
    return 0;
  }
  if (sub === "list") {
    const user = await findUserByEmail(db, required(rest, "email"));
    for (const t of await listApiTokens(db, user.id)) {
      const state = t.revokedAt ? `revoked ${t.revokedAt.toISOString()}` : "active";
      console.log(`${t.id}\t${t.prefix}…\t${t.name}\tcreated ${t.createdAt.toISOString()}\t${state}`);
    }
    return 0;
  }
  if (sub === "revoke") {
    const id = rest.find((a) => !a.startsWith("--")) ?? required(rest, "id");
    const t = await revokeApiToken(db, { id });
    console.error(`token ${t.id} revoked`);
    return 0;
  }
  console.error("usage: verbatim token create --email E [--name N]\n       verbatim token list --email E\n       verbatim token revoke ID");
  return 2;
}
