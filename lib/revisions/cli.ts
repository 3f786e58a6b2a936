// `verbatim refresh [--source ID]`: one JSON line per source with a URL — revised (with
// the new revision's id and how many claims were carried or flagged), not-modified (304),
// unchanged (same readable text) or failed (with the reason). Exit 1 if any failed.
import { getDb } from "../db";
import { refreshSources } from "./refresh-sources";

const USAGE = "usage: verbatim refresh [--source ID]";

export async function refreshCommand(args: string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  const i = args.indexOf("--source");
  const sourceId = i === -1 ? undefined : args[i + 1];
  const rest = args.filter((_, j) => j !== i && j !== i + 1);
  if ((i !== -1 && !sourceId) || rest.length > 0) {
    console.error(USAGE);
    return 2;
  }
  let failed = 0;
  await refreshSources(getDb(), {
    sourceId,
    onOutcome: (o) => {
      if (o.result === "failed") failed++;
      console.log(JSON.stringify(o));
    },
  });
  return failed ? 1 : 0;
}
