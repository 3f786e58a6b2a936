// Code-point offsets of a quote's first occurrence in a text (the seed quotes are unique).
export function locateQuote(text: string, exact: string): { start: number; end: number } {
  const unit = text.indexOf(exact);
  if (unit < 0) throw new Error(`quote not in text: ${exact.slice(0, 60)}`);
  const start = Array.from(text.slice(0, unit)).length;
  return { start, end: start + Array.from(exact).length };
}
