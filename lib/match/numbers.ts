// Quantities written in words or symbols, made one token each, so that "80 percent",
// "80 per cent", "80%" and "four-fifths" match. Pure; on lower-cased text.

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
  forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, thousand: 1000,
};
const FRACTIONS: Record<string, string> = {
  half: "50%", "one-half": "50%", "a third": "33%", "one-third": "33%", "two-thirds": "67%", "a quarter": "25%", "one-quarter": "25%",
  "three-quarters": "75%", "one-fifth": "20%", "two-fifths": "40%", "three-fifths": "60%", "four-fifths": "80%",
};
const SCALE: Record<string, string> = { million: "000000", billion: "000000000", trillion: "000000000000" };

/** Rewrites quantities in `text` (lower case) to canonical tokens: "80%", "1500000", "20". */
export function canonicalNumbers(text: string): string {
  return text
    .replace(/\b(one-half|one-third|two-thirds|one-quarter|three-quarters|one-fifth|two-fifths|three-fifths|four-fifths|a third|a quarter|half)\b/g, (m) => ` ${FRACTIONS[m]} `)
    .replace(/(\d+(?:[.,]\d+)?)\s*(?:%|percent\b|per cent\b|pct\b)/g, (_, n: string) => ` ${n.replace(",", ".")}% `)
    .replace(/\b(\d+(?:\.\d+)?)\s*(million|billion|trillion)\b/g, (_, n: string, s: string) => {
      const [whole, frac = ""] = n.split(".");
      return ` ${whole}${frac}${SCALE[s]!.slice(frac.length)} `;
    })
    .replace(/(\d),(?=\d{3}\b)/g, "$1")
    .replace(/\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b(?:-(one|two|three|four|five|six|seven|eight|nine))?/g, (_, a: string, b?: string) => ` ${UNITS[a]! + (b ? UNITS[b]! : 0)} `);
}
