// Test-only: validators built from the official conformance material, vendored with its
// licences in tests/conformance (see its README), so every clone runs them.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import Ajv from "ajv";
import Ajv04 from "ajv-draft-04";
import addFormats from "ajv-formats";

export const CONFORMANCE_DIR = path.resolve(import.meta.dirname, "..", "..", "tests", "conformance");
export const WEB_ANNOTATION_DIR = path.join(CONFORMANCE_DIR, "web-annotation");
export const CSL_SCHEMA_PATH = path.join(CONFORMANCE_DIR, "csl-data", "csl-data.json");
if (!existsSync(CSL_SCHEMA_PATH) || !existsSync(WEB_ANNOTATION_DIR)) throw new Error(`The vendored conformance suites are missing from ${CONFORMANCE_DIR}.`);

/** The official CSL-JSON schema (draft-07), with formats. Validates a CSL-JSON document (an array). */
export function officialCslValidator(): (doc: unknown) => string[] {
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(CSL_SCHEMA_PATH, "utf8")) as object);
  return (doc) => (validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`));
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return jsonFiles(p);
    return name.endsWith(".json") ? [p] : [];
  });
}

function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  if (v && typeof v === "object") {
    const entries = Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(",")}}`;
  }
  return JSON.stringify(v);
}

type Assertion = { file: string; expectValid: boolean; check: (doc: unknown) => boolean };

export type AnnotationSuite = {
  musts: Assertion[];
  /** Names of the MUST assertions `doc` fails; empty when it conforms. */
  failures(doc: unknown): string[];
  /** A schema assembled from the suite's collections.json definitions (§5 Collections). */
  collection(doc: unknown): boolean;
  page(doc: unknown): boolean;
};

/**
 * Every schema in definitions/ and annotations/ loaded into one draft-04 Ajv (they $ref
 * each other by file name), with formats: without them an invalid `id` would pass.
 */
export function annotationSuite(): AnnotationSuite {
  const ajv = new Ajv04({ allErrors: false, strict: false });
  addFormats(ajv);
  const seen = new Map<string, string>();
  for (const file of [...jsonFiles(path.join(WEB_ANNOTATION_DIR, "definitions")), ...jsonFiles(path.join(WEB_ANNOTATION_DIR, "annotations"))]) {
    const schema = JSON.parse(readFileSync(file, "utf8")) as { id?: string };
    if (!schema.id) throw new Error(`${file} has no id`);
    // The suite holds two files twice (bodiesTargets/ and specificResource/, keys in a
    // different order): load one; anything else under a shared id would be ambiguous.
    const canonical = canonicalJson(schema);
    const previous = seen.get(schema.id);
    if (previous !== undefined) {
      if (previous !== canonical) throw new Error(`schema id ${schema.id} names two different schemas (${file})`);
      continue;
    }
    seen.set(schema.id, canonical);
    ajv.addSchema(schema);
  }
  const list = JSON.parse(readFileSync(path.join(WEB_ANNOTATION_DIR, "annotations", "annotationMusts.test"), "utf8")) as { assertions: string[] };
  const musts = list.assertions.map((entry): Assertion => {
    // Entries name a schema file; those without a slash are relative to annotations/.
    const file = path.join(WEB_ANNOTATION_DIR, entry.includes("/") ? entry : path.join("annotations", entry));
    const schema = JSON.parse(readFileSync(file, "utf8")) as { id: string; expectedResult?: string };
    const validate = ajv.getSchema(schema.id);
    if (!validate) throw new Error(`schema ${schema.id} was not loaded`);
    return { file: entry, expectValid: schema.expectedResult !== "invalid", check: (doc) => validate(doc) === true };
  });
  const compile = (schema: object) => ajv.compile(schema);
  const ref = (r: string) => ({ $ref: r });
  const collection = compile({
    allOf: [
      ref("id.json#/definitions/idValueFound"),
      ref("collections.json#/definitions/annotationCollectionTypeValueFound"),
      {
        type: "object",
        required: ["@context"],
        properties: { "@context": { oneOf: [ref("collections.json#/definitions/contextValueFound"), ref("collections.json#/definitions/contextValueInArrayFound")] } },
      },
      ref("collections.json#/definitions/labelDefinition"),
      ref("collections.json#/definitions/totalFound"),
      ref("collections.json#/definitions/firstRequiredIfTotalMoreThanZero"),
      ref("collections.json#/definitions/firstValidIfPresent"),
      ref("collections.json#/definitions/lastValidIfPresent"),
    ],
  });
  const page = compile({
    allOf: [
      ref("id.json#/definitions/idValueFound"),
      ref("collections.json#/definitions/annotationPageTypeValueFound"),
      ref("collections.json#/definitions/startIndexDefinition"),
      ref("collections.json#/definitions/itemsFound"),
      { type: "object", properties: { items: { type: "array", minItems: 1 } } },
    ],
  });
  return {
    musts,
    failures: (doc) => musts.filter((m) => m.check(doc) !== m.expectValid).map((m) => m.file),
    collection: (doc) => collection(doc) === true,
    page: (doc) => page(doc) === true,
  };
}
