import { describe, expect, it } from "vitest";
import { AppError, ERROR_STATUS, toAppError } from "./errors";

describe("toAppError", () => {
  it("keeps AppErrors and their status", () => {
    const e = new AppError("conflict", "changed");
    expect(toAppError(e)).toBe(e);
    expect(e.status).toBe(409);
    expect(e.toJSON()).toEqual({ error: { code: "conflict", message: "changed" } });
  });

  it("turns an invariant trigger's message into a 422, also when Prisma reports it as a foreign-key error", () => {
    const prismaLike = Object.assign(new Error("Foreign key constraint violated on the foreign key"), {
      code: "P2003",
      meta: { driverAdapterError: { cause: { originalMessage: "VERBATIM_SPAN_MISMATCH: span text differs" } } },
    });
    const e = toAppError(prismaLike);
    expect(e.code).toBe("unprocessable");
    expect(e.message).toBe("VERBATIM_SPAN_MISMATCH: span text differs");
  });

  it("translates Prisma codes in one place, and hides anything else behind a generic 500", () => {
    expect(toAppError(Object.assign(new Error("x"), { code: "P2002" })).status).toBe(409);
    expect(toAppError(Object.assign(new Error("x"), { code: "P2025" })).status).toBe(404);
    const internal = toAppError(new Error("SQLITE_CORRUPT at /secret/path"));
    expect(internal.toJSON()).toEqual({ error: { code: "internal", message: "Internal server error." } });
    expect(ERROR_STATUS.internal).toBe(500);
  });

  it("answers a write that waited out another one (database is locked) with a 503 to retry", () => {
    const busy = toAppError(Object.assign(new Error("x"), { meta: { driverAdapterError: { cause: { originalMessage: "database is locked" } } } }));
    expect(busy.status).toBe(503);
    expect(busy.code).toBe("unavailable");
    expect(toAppError(new Error("SqliteError: database is locked")).status).toBe(503);
  });
});
