// SQL is written once with `?` placeholders (SQLite's); PostgreSQL numbers them. Pure.

const numbered = new Map<string, string>();

/**
 * `?` → `$1, $2, …`, outside string literals, quoted identifiers and comments. Cached:
 * repositories build a handful of statement shapes.
 */
export function numberPlaceholders(sql: string): string {
  let out = numbered.get(sql);
  if (out !== undefined) return out;
  let n = 0;
  out = sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\?/g, (m) => (m === "?" ? `$${++n}` : m));
  if (numbered.size >= 500) numbered.clear();
  numbered.set(sql, out);
  return out;
}
