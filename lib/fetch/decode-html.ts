// The characters of a fetched page: the charset its Content-Type names, else a byte
// order mark, else a <meta charset> in the first 1024 bytes (as browsers prescan), else
// UTF-8. An unknown charset label falls back to UTF-8 rather than failing. Pure.

function charsetOf(contentType: string | null): string | null {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? "");
  return m ? m[1]! : null;
}

function prescan(body: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(body.subarray(0, 1024));
  const m = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return m ? m[1]! : null;
}

function decoder(label: string | null): TextDecoder {
  try {
    return new TextDecoder(label ?? "utf-8");
  } catch {
    return new TextDecoder("utf-8");
  }
}

// windows-1252's 0x80–0x9F (the WHATWG meaning of "latin1", "iso-8859-1", "ascii"…);
// Node 20's decoder returns C1 controls for them, so they are mapped here. 0 = unassigned.
const CP1252 = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

function decodeWith(d: TextDecoder, body: Uint8Array): string {
  const text = d.decode(body);
  if (d.encoding !== "windows-1252") return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => {
    const mapped = CP1252[c.charCodeAt(0) - 0x80]!;
    return mapped === 0 ? c : String.fromCharCode(mapped);
  });
}

export function decodeHtml(body: Uint8Array, contentType: string | null): string {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return new TextDecoder("utf-8").decode(body); // drops the BOM
  if (body[0] === 0xfe && body[1] === 0xff) return new TextDecoder("utf-16be").decode(body);
  if (body[0] === 0xff && body[1] === 0xfe) return new TextDecoder("utf-16le").decode(body);
  return decodeWith(decoder(charsetOf(contentType) ?? prescan(body)), body);
}
