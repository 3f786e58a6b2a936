import type { Db } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { getAuth } from "./auth";
import { createUserInput, type CreateUserInput } from "./schemas";
import { revokeAllApiTokens } from "./tokens";

/**
 * Creates an account with a password, as better-auth's own sign-up does (its password
 * hashing, its tables), since public sign-up is closed.
 */
export async function createUser(db: Db, input: CreateUserInput): Promise<{ id: string; email: string; role: string }> {
  const data = parseInput(createUserInput, input, "unprocessable");
  if (await db.user.findUnique({ where: { email: data.email }, select: { id: true } })) {
    throw new AppError("conflict", `A user with email ${data.email} already exists.`);
  }
  const ctx = await getAuth().$context;
  const hash = await ctx.password.hash(data.password);
  return db.$transaction(async (tx) => {
    const id = crypto.randomUUID();
    const user = await tx.user.create({
      data: { id, email: data.email, name: data.name ?? data.email.split("@")[0]!, role: data.role, emailVerified: true },
      select: { id: true, email: true, role: true },
    });
    await tx.account.create({ data: { id: crypto.randomUUID(), userId: id, accountId: id, providerId: "credential", password: hash } });
    return user;
  });
}

export async function findUserByEmail(db: Db, email: string): Promise<{ id: string; name: string; email: string; role: string }> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, name: true, email: true, role: true } });
  if (!user) throw new AppError("not_found", `No user with email ${email}.`);
  return user;
}

/** Sets (or, after a backup import, first gives) a user's password, ends their sessions and revokes their API tokens. */
export async function setPassword(db: Db, options: { userId: string; password: string }): Promise<void> {
  const { password } = parseInput(createUserInput.pick({ password: true }), { password: options.password }, "unprocessable");
  const hash = await (await getAuth().$context).password.hash(password);
  await db.$transaction(async (tx) => {
    const account = await tx.account.findFirst({ where: { userId: options.userId, providerId: "credential" }, select: { id: true } });
    if (account) await tx.account.update({ where: { id: account.id }, data: { password: hash } });
    else await tx.account.create({ data: { id: crypto.randomUUID(), userId: options.userId, accountId: options.userId, providerId: "credential", password: hash } });
    await tx.session.deleteMany({ where: { userId: options.userId } });
    await revokeAllApiTokens(tx, options.userId);
  });
}

/** An admin's (the command line's) change of a user's display name, at most 200 characters. */
export async function renameUser(db: Db, options: { userId: string; name: string }): Promise<void> {
  const { name } = parseInput(createUserInput.pick({ name: true }).required(), { name: options.name }, "unprocessable");
  await db.user.update({ where: { id: options.userId }, data: { name } });
}
