// `verbatim reanchor --from OLD.txt --to NEW.txt --spans SPANS.json`: the re-anchoring core
// on files, for scripting and evaluation. SPANS.json is [{"start": n, "end": n}, …] in code
// points of OLD; the answer is a JSON array in the same order (offsets in code points of NEW).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { reanchorSpans } from "./reanchor";

const USAGE = "usage: verbatim reanchor --from OLD.txt --to NEW.txt --spans SPANS.json";
const spansFile = z.array(z.strictObject({ start: z.number().int().min(0), end: z.number().int().min(1) })).max(100_000);
const utf8 = new TextDecoder("utf-8", { fatal: true });

export async function reanchorCommand(args: string[]): Promise<number> {
  let values: { from?: string; to?: string; spans?: string };
  try {
    ({ values } = parseArgs({ args, strict: true, options: { from: { type: "string" }, to: { type: "string" }, spans: { type: "string" } } }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values.from || !values.to || !values.spans) {
    console.error(USAGE);
    return 2;
  }
  const read = (file: string) => utf8.decode(readFileSync(file));
  const parsed = spansFile.safeParse(JSON.parse(read(values.spans)));
  if (!parsed.success) {
    console.error(`verbatim reanchor: ${values.spans}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    return 2;
  }
  const oldText = read(values.from);
  const length = Array.from(oldText).length;
  const outside = parsed.data.findIndex((s) => s.end <= s.start || s.end > length);
  if (outside >= 0) {
    console.error(`verbatim reanchor: span ${outside} is not a range of ${values.from} (${length} code points)`);
    return 2;
  }
  console.log(JSON.stringify(reanchorSpans(oldText, read(values.to), parsed.data)));
  return 0;
}
