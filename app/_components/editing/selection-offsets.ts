// Maps a DOM selection inside a rendered source (HighlightedText) back to code-point
// offsets in the source text. Every text piece is an element with data-o = its start
// offset; within a piece, the offset is counted in code points (not UTF-16 units).
const cpLength = (s: string) => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

function pieceOf(node: Node): HTMLElement | null {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return (el?.closest("[data-o]") as HTMLElement | null) ?? null;
}

/** The code-point offset of a DOM boundary point, or null when it is outside the source text. */
export function offsetAt(node: Node, offset: number): number | null {
  const piece = pieceOf(node);
  if (!piece) return null;
  const range = document.createRange();
  range.setStart(piece, 0);
  range.setEnd(node, offset);
  return Number(piece.dataset.o) + cpLength(range.toString());
}

/** The selection as offsets, without surrounding whitespace, or null if it is empty or not in `root`. */
export function selectionOffsets(root: HTMLElement, selection: Selection | null): { start: number; end: number; text: string } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  let start = offsetAt(range.startContainer, range.startOffset);
  let end = offsetAt(range.endContainer, range.endOffset);
  // A selection that starts or ends between paragraphs lands on a paragraph element, not a piece.
  if (start === null) start = firstPieceOffset(range, "start");
  if (end === null) end = firstPieceOffset(range, "end");
  if (start === null || end === null || end <= start) return null;
  const raw = selection.toString();
  const lead = cpLength(raw) - cpLength(raw.trimStart());
  const trail = cpLength(raw) - cpLength(raw.trimEnd());
  // Trim only when the rendered text agrees with the source on its length (single paragraph).
  if (cpLength(raw) === end - start && lead + trail < end - start) {
    start += lead;
    end -= trail;
  }
  return { start, end, text: raw.trim() };
}

function firstPieceOffset(range: Range, edge: "start" | "end"): number | null {
  const pieces = [...(range.commonAncestorContainer as Element).querySelectorAll?.("[data-o]") ?? []].filter((p) => range.intersectsNode(p)) as HTMLElement[];
  if (pieces.length === 0) return null;
  const piece = edge === "start" ? pieces[0]! : pieces[pieces.length - 1]!;
  return Number(piece.dataset.o) + (edge === "start" ? 0 : cpLength(piece.textContent ?? ""));
}
