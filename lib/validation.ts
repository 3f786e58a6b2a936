import type { z } from "zod";
import { AppError, type ErrorCode } from "./errors";

/** Parses input with a zod schema; failure is an AppError listing each problem by path. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown, code: ErrorCode = "bad_request"): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
  throw new AppError(code, `Invalid input: ${summary}`, { issues });
}
