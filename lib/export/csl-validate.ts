// Runtime check of CSL-JSON items against the official schema (citation-style-language/
// schema, MIT; bundled as csl/csl-data.json, identical to the conformance copy — a test
// checks). citeproc throws, or silently drops fields, on invalid items, so every item is
// checked before it is formatted. Compiled once, lazily: the first export pays for it.
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import schema from "./csl/csl-data.json" with { type: "json" };

let validator: ValidateFunction | undefined;

function compile(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

/** Schema violations of a CSL-JSON document (an array of items); empty when valid. */
export function cslErrors(items: unknown): string[] {
  validator ??= compile();
  if (validator(items)) return [];
  return (validator.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}`);
}

/** Throws when an item we built is not valid CSL-JSON: a bug here, not bad input. */
export function assertValidCsl(items: unknown[]): void {
  const errors = cslErrors(items);
  if (errors.length > 0) throw new Error(`invalid CSL-JSON: ${errors.join("; ")}`);
}
