// One error type for everything the app reports to a client, with one code → status
// table. Anything else that is thrown becomes a generic 500 with no internals.
export const ERROR_STATUS = {
  bad_request: 400,
  invalid_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toJSON(): { error: { code: ErrorCode; message: string; details?: unknown } } {
    return {
      error: { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) },
    };
  }
}

export const notFound = (what: string, id: string) => new AppError("not_found", `No ${what} with id "${id}".`);

/**
 * Translates database errors into AppErrors, in one place. Invariant triggers raise
 * messages starting with VERBATIM_ (see prisma/migrations/*_invariants).
 */
export function fromDatabaseError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  if (!(err instanceof Error)) return undefined;
  // Prisma reports a trigger's RAISE as a foreign-key error (P2003) and keeps the
  // trigger's own message only in meta.driverAdapterError.cause.originalMessage.
  const meta = (err as { meta?: unknown }).meta;
  // (PostgreSQL's message comes wrapped in backticks: "Message: `VERBATIM_…`".)
  const invariant = /VERBATIM_[A-Z_]+: [^\n"`]+/.exec(`${err.message}\n${meta === undefined ? "" : JSON.stringify(meta)}`);
  if (invariant) return new AppError("unprocessable", invariant[0]);
  // Another write held the database longer than the busy timeout (a long bulk import):
  // nothing was written, and the same request can be sent again.
  if (/database is locked|SQLITE_BUSY/.test(`${err.message}\n${meta === undefined ? "" : JSON.stringify(meta)}`)) {
    return new AppError("unavailable", "The database is busy with another write (e.g. a bulk import); nothing was saved. Try again in a moment.");
  }
  const code = (err as { code?: unknown }).code;
  switch (code) {
    case "P2002":
      return new AppError("conflict", "A record with the same unique value already exists.");
    case "P2003":
      return new AppError("unprocessable", "A referenced record does not exist.");
    case "P2025":
      return new AppError("not_found", "The record does not exist.");
    default:
      return undefined;
  }
}

/** AppError for anything thrown: known database errors translated, the rest a generic 500. */
export function toAppError(err: unknown): AppError {
  return fromDatabaseError(err) ?? new AppError("internal", "Internal server error.");
}
