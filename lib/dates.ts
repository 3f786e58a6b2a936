import { z } from "zod";

// Dates at the precision a source states them: "2024", "2024-12" or "2024-12-03".
// A fact-check tool must not turn "November 2024" into "2024-11-01".
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isPartialDate(s: string): boolean {
  const m = PARTIAL_DATE.exec(s);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  const last = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return day >= 1 && day <= last;
}

export const partialDate = z
  .string()
  .refine(isPartialDate, "must be an ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD");

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2024-12-03" → "3 December 2024", "2025-11" → "November 2025". */
export function formatPartialDate(s: string): string {
  const m = PARTIAL_DATE.exec(s);
  if (!m) return s;
  const [, y, mo, d] = m;
  if (mo === undefined) return y!;
  const month = MONTHS[Number(mo) - 1]!;
  return d === undefined ? `${month} ${y}` : `${Number(d)} ${month} ${y}`;
}

/** An instant as people read it in history lists: "2026-12-07 02:09 UTC" (to the minute). */
export function utcMinute(at: string | Date): string {
  return `${(typeof at === "string" ? at : at.toISOString()).slice(0, 16).replace("T", " ")} UTC`;
}
