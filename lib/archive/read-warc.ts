// Reads a WARC file (gzipped or not) back with warcio's parser: what the source page
// lists about an archive, and what the tests use to prove the file is a standard WARC.
import { WARCParser } from "warcio";

export type WarcEntry = {
  type: string;
  targetUri: string | null;
  date: string | null;
  payloadDigest: string | null;
  statusline: string | null;
  headers: [string, string][];
  payload: Uint8Array;
};

export async function readWarc(file: Uint8Array): Promise<WarcEntry[]> {
  const out: WarcEntry[] = [];
  for await (const record of new WARCParser([file])) {
    const payload = await record.readFully(false);
    const http = record.httpHeaders;
    out.push({
      type: record.warcType ?? "",
      targetUri: record.warcTargetURI ?? null,
      date: record.warcDate ?? null,
      payloadDigest: record.warcPayloadDigest ?? null,
      statusline: http?.statusline ?? null,
      headers: http ? [...http.headers.entries()] : [],
      payload,
    });
  }
  return out;
}
