// What a form's server action answers (React's useActionState state). The same shape
// renders with JavaScript (the action is called in place) and without (the form POSTs,
// the page renders again with this state): the typed values come back so nothing the
// editor wrote is lost, and never travel in a URL. Pure: shared by server and client.

export type FormError = { status: number; code: string; message: string; details?: unknown };

export type FormState = {
  /** Increases with every answer, so a client can react once to each one. */
  seq: number;
  ok: boolean;
  error: FormError | null;
  /** What was submitted, to refill the form after an error. */
  values: Record<string, string>;
  /** What a successful action reports (e.g. the id it saved). */
  result?: Record<string, string>;
};

export const INITIAL_FORM_STATE: FormState = { seq: 0, ok: false, error: null, values: {} };

/** Every text field of a form (files left out), for refilling it. */
export function formValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) out[key] = value;
  }
  return out;
}

/** A field as text: missing is empty. */
export const field = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};
