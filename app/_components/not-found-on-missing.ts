import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

/** Awaits a lookup; an unknown id renders the 404 page instead of an error. */
export async function orNotFound<T>(lookup: Promise<T>): Promise<T> {
  try {
    return await lookup;
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}
