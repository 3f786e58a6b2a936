// Server side of every editor form: run the domain function, turn what it throws into
// the same code, status and message the JSON API would answer, keep the typed values.
import { unstable_rethrow } from "next/navigation";
import { toAppError } from "../errors";
import { type FormState, formValues } from "./form-state";
import { humanMessage } from "./human-message";

export async function runFormAction(
  prev: FormState,
  form: FormData,
  fn: () => Promise<Record<string, string> | void>,
): Promise<FormState> {
  const seq = (prev?.seq ?? 0) + 1;
  try {
    const result = await fn();
    return { seq, ok: true, error: null, values: {}, ...(result ? { result } : {}) };
  } catch (err) {
    unstable_rethrow(err); // redirect() and notFound() are not failures
    const e = toAppError(err);
    if (e.code === "internal") console.error(err);
    return {
      seq,
      ok: false,
      error: { status: e.status, code: e.code, message: humanMessage(e.message, e.details), ...(e.details === undefined ? {} : { details: e.details }) },
      values: formValues(form),
    };
  }
}
