import { Fragment } from "react";
import type { Segment } from "@/lib/search/highlight";

/** Text with its matched words in <mark>. Segments are plain text: React escapes them. */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) => (s.match ? <mark key={i} className="match">{s.text}</mark> : <Fragment key={i}>{s.text}</Fragment>))}
    </>
  );
}
