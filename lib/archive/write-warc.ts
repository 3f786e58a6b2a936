// A fetched page's HTTP exchange as a WARC 1.1 file (ISO 28500), gzipped per record, as
// web archives store them: a warcinfo record, then for each hop of the redirect chain a
// `response` record (status line, headers and body exactly as received) and its
// `request` record (WARC-Concurrent-To the response). warcio (Webrecorder) writes the
// records and their digests (WARC-Payload-Digest, WARC-Block-Digest).
import { WARCRecord, WARCSerializer } from "warcio";
import type { Exchange } from "../fetch/fetch-page";

const WARC_VERSION = "WARC/1.1";

async function serialize(record: WARCRecord): Promise<Uint8Array> {
  return WARCSerializer.serialize(record, { gzip: true });
}

/** The gzipped WARC file for `exchanges` (oldest hop first), named `filename` in its warcinfo. */
export async function writeWarc(exchanges: Exchange[], opts: { filename: string; software: string }): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  const first = exchanges[0];
  const info = WARCRecord.createWARCInfo(
    { filename: opts.filename, warcVersion: WARC_VERSION, ...(first && { date: first.date.toISOString() }) },
    { software: opts.software, format: "WARC File Format 1.1", conformsTo: "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/" },
  );
  parts.push(await serialize(info));
  for (const ex of exchanges) {
    const date = ex.date.toISOString();
    const response = WARCRecord.create(
      {
        url: ex.url,
        date,
        type: "response",
        warcVersion: WARC_VERSION,
        statusline: ex.response.statusline,
        httpHeaders: ex.response.headers,
        keepHeadersCase: true,
        ...(ex.ip && { warcHeaders: { "WARC-IP-Address": ex.ip } }),
      },
      [new Uint8Array(ex.response.body)],
    );
    parts.push(await serialize(response));
    const request = WARCRecord.create(
      {
        url: ex.url,
        date,
        type: "request",
        warcVersion: WARC_VERSION,
        statusline: ex.request.statusline,
        httpHeaders: ex.request.headers,
        keepHeadersCase: true,
        warcHeaders: { "WARC-Concurrent-To": response.warcHeader("WARC-Record-ID") ?? "" },
      },
      [],
    );
    parts.push(await serialize(request));
  }
  return Buffer.concat(parts);
}
