// Every string a client sends must be text that can be stored and shown faithfully:
// no unpaired surrogate (JSON's "\ud800" escapes produce one) and no NUL. Checked once,
// where JSON bodies are read, so every field of every route is covered (claim, person,
// alias, role, title, rationale, note, …), not only the ones a schema remembers.
import { AppError } from "../errors";
import { isWellFormed } from "../spans/codepoints";

const NUL = "\u0000";

/** What is wrong with `s` as text, or null. */
export function textProblem(s: string): string | null {
  if (s.includes(NUL)) return "must not contain NUL characters";
  if (!isWellFormed(s)) return "contains an unpaired surrogate (not valid Unicode text)";
  return null;
}

function walk(value: unknown, path: (string | number)[], out: { path: string; message: string }[]): void {
  if (out.length >= 20) return;
  if (typeof value === "string") {
    const problem = textProblem(value);
    if (problem) out.push({ path: path.join("."), message: problem });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, [...path, i], out));
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const keyProblem = textProblem(k);
      if (keyProblem) out.push({ path: [...path, k].join("."), message: `key ${keyProblem}` });
      walk(v, [...path, k], out);
    }
  }
}

/** 422 naming each string (by its path) that is not valid text. */
export function assertValidText(data: unknown): void {
  const issues: { path: string; message: string }[] = [];
  walk(data, [], issues);
  if (issues.length === 0) return;
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
  throw new AppError("unprocessable", `Invalid input: ${summary}`, { issues });
}
