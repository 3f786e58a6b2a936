// Synthetic English-like text for the benchmark corpus. Deliberately includes non-ASCII
// (curly quotes, an emoji outside the BMP, NBSP, accented letters) so that code-point
// offsets differ from UTF-16 offsets, as they do in real sources.
import type { Rng } from "./prng";

const WORDS = (
  "the of and to in a is that for it as was with be by on not he this are or his from at which but have an they " +
  "you were her she there been one all we their has would when if so no will can more other about out up them into " +
  "only some time could its new two may first then do any like my now over such our man me even most made after also " +
  "did many before must through back years where much your way well down should because each just those people how too " +
  "little state good very make world still own see men work long get here between both life being under never day same " +
  "another know while last might us great old year off come since against go came right used take three government " +
  "minister ministry report energy pipeline export exports oil gas market prices budget inflation growth election " +
  "parliament committee agreement summit visit president official officials spokesman statement interview analysts " +
  "percent million billion tonnes barrels capacity project investment contract policy reform court ruling vote region " +
  "border security talks partners partnership cooperation council agency sources data survey quarter annual increase " +
  "decline record highest lowest shortage supply demand transit route corridor port terminal railway infrastructure " +
  "café naïve résumé Zürich Malmö São Kraków Dvořák"
).split(" ");

const CONTRACTIONS = ["it’s", "don’t", "won’t", "can’t", "isn’t", "we’re", "they’ve", "country’s", "government’s", "O’Neill"];
const UNITS = ["percent", "km", "tonnes", "MW", "barrels", "USD", "°C"];

export const FIRST_NAMES = [
  "Anna", "Boris", "Chen", "Dana", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jamal", "Kaito", "Lena", "Marek", "Nadia",
  "Omar", "Priya", "Quentin", "Rosa", "Sergei", "Tamar", "Umar", "Vera", "Wei", "Ximena", "Yusuf", "Zoë", "José", "Aigerim",
  "Bjørn", "Chloé", "Dmitry", "Émile", "Fatima", "Gulnara", "Håkon", "Irina", "Jürgen", "Kassym", "Laila", "Miloš",
];
export const LAST_NAMES = [
  "Abdullaev", "Bergström", "Castillo", "Dvořák", "Eriksen", "Fernández", "Gómez", "Hoffmann", "Ibragimov", "Jansen",
  "Kowalski", "López", "Müller", "Nazarbayeva", "Okafor", "Petrov", "Quispe", "Rossi", "Schröder", "Tokayev", "Ušakov",
  "Varga", "Wójcik", "Xu", "Yilmaz", "Zhumabekov", "Almeida", "Brennan", "Cohen", "D’Anieri", "Esposito", "Fischer",
  "García", "Haddad", "Ivanova", "Jovanović", "Kim", "Larsen", "Mendes", "Novak", "O’Brien", "Popescu", "Rahimi", "Søndergaard",
  "Tanaka", "Uribe", "Volkov", "Weber", "Yamamoto", "Zając", "Baker", "Clarke", "Dubois", "Evans", "Fontaine", "Grant", "Hughes",
  "Iqbal", "Jensen", "Kaur",
];
export const PUBLISHERS = [
  "The Caspian Post", "RFE/RL", "Reuters", "Associated Press", "Le Monde", "Süddeutsche Zeitung", "El País", "The Guardian",
  "Kyiv Independent", "Eurasianet", "Nikkei Asia", "Al Jazeera", "BBC News", "Der Spiegel", "Financial Times", "Bloomberg",
  "Deutsche Welle", "The Diplomat", "Meduza", "Novaya Gazeta Europe", "Tengrinews", "Kursiv", "Daryo", "Azattyq", "Politico Europe",
  "Foreign Policy", "The Economist", "Nature", "Science", "Wired",
];
export const ROLES = [
  "Energy Minister", "Foreign Minister", "President", "Prime Minister", "spokesman", "spokeswoman", "CEO", "analyst",
  "economist", "senator", "MP", "ambassador", "governor", "mayor", "central bank governor", "researcher",
];

function word(rng: Rng): string {
  const r = rng.next();
  if (r < 0.03) return rng.pick(CONTRACTIONS);
  if (r < 0.045) return `${rng.range(2, 980)}\u00a0${rng.pick(UNITS)}`; // NBSP between number and unit
  return WORDS[rng.int(WORDS.length)]!;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** One sentence of `min`..`max` words, sometimes with a quotation in curly quotes or an emoji. */
export function sentence(rng: Rng, min = 6, max = 20): string {
  const n = rng.range(min, max);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(word(rng));
  if (n > 8 && rng.chance(0.15)) {
    const at = rng.range(3, n - 3);
    words[at] = `“${words[at]!}`;
    words[n - 1] = `${words[n - 1]!}”`;
  } else if (rng.chance(0.08)) {
    words.splice(rng.range(1, n - 1), 0, "—");
  }
  let s = capitalize(words.join(" "));
  if (rng.chance(0.02)) s += " 🙂";
  return s + (rng.chance(0.08) ? "?" : ".");
}

/** A sentence that contains every kind of non-ASCII the corpus needs. */
function markerSentence(rng: Rng): string {
  return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)} said it’s “${word(rng)} ${word(rng)}” 🙂 — about ${rng.range(2, 99)}\u00a0percent.`;
}

/** Paragraphs (separated by a blank line) totalling at least `targetUnits` UTF-16 units. */
export function paragraphs(rng: Rng, targetUnits: number, heading: string): string {
  const paras: string[] = [heading];
  let total = heading.length;
  const markerAt = rng.range(1, 3);
  while (total < targetUnits) {
    const sentences: string[] = [];
    const n = rng.range(2, 6);
    for (let i = 0; i < n; i++) sentences.push(sentence(rng));
    if (paras.length === markerAt) sentences.splice(rng.int(n), 0, markerSentence(rng));
    const p = sentences.join(" ");
    paras.push(p);
    total += p.length + 2;
  }
  return paras.join("\n\n");
}

/**
 * Code-point offsets of the first code point of every word (a run after a space or line break),
 * plus the code-point length of the text as the last entry.
 */
export function wordStarts(text: string): number[] {
  const out: number[] = [];
  let cp = 0;
  let prevBreak = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isBreak = c === 0x20 || c === 0x0a;
    if (!isBreak && prevBreak) out.push(cp);
    prevBreak = isBreak;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    cp++;
  }
  out.push(cp);
  return out;
}
