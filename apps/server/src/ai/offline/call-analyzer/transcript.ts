import type { TAnalyzerSegment } from "@plaibook/shared";

export type TRole = "rep" | "customer" | "other";

/** A segment as the rules read it: its role, and its text cleaned of fillers and stutters. */
export type TTurn = {
  index: number;
  speaker: string;
  role: TRole;
  start: number;
  end: number;
  /** The words as said, for quotes. */
  text: string;
  /** Lower case, contractions expanded, fillers ("um", "uh") and repeated words dropped. */
  clean: string;
  words: number;
};

const FILLERS = /\b(?:u+m+|u+h+m*|e+r+m+|e+r+|a+h+|h+m+|m+h+m+|mm+-?hm+|uh-huh|u+h+-?h+u+h+)\b[,.]?/g;
/** "the, the", "I, I, I": a word said again straight after itself. */
const STUTTER = /\b([a-z']+)(?:[,\s—-]+\1\b)+/g;

const CONTRACTIONS: [RegExp, string][] = [
  [/\bcan't\b/g, "can not"],
  [/\bwon't\b/g, "will not"],
  [/\bain't\b/g, "is not"],
  [/n't\b/g, " not"],
  [/'m\b/g, " am"],
  [/'re\b/g, " are"],
  [/'ll\b/g, " will"],
  [/'ve\b/g, " have"],
  [/'d\b/g, " would"],
  [/\blet's\b/g, "let us"],
  [
    /\b(it|that|what|there|he|she|who|where|how|here|when|why|everything|everyone|nothing|something|someone|somebody|this|one|roof|house|system|unit|car|lawn|yard|money|price|number|budget|company|wife|husband|contract|lease)'s\b/g,
    "$1 is",
  ],
];
const SPOKEN: Record<string, string> = {
  gonna: "going to",
  wanna: "want to",
  gotta: "got to",
  kinda: "kind of",
  sorta: "sort of",
  yeah: "yes",
  yep: "yes",
  yup: "yes",
  info: "information",
  cuz: "because",
  cause: "because",
  tho: "though",
  dont: "do not",
  cant: "can not",
  wont: "will not",
  im: "i am",
};
const SPOKEN_WORD = new RegExp(`\\b(?:${Object.keys(SPOKEN).join("|")})\\b`, "g");

/**
 * Lower case, straight quotes, contractions and spoken forms expanded ("gonna" → "going to"),
 * fillers and stutters dropped, plain spacing; punctuation that marks questions is kept.
 */
export function cleanSpeech(text: string): string {
  let out = text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[—–]/g, " ")
    .replace(/…/g, ".");
  for (const [pattern, replacement] of CONTRACTIONS) out = out.replace(pattern, replacement);
  return out
    .replace(SPOKEN_WORD, (word) => SPOKEN[word] ?? word)
    .replace(FILLERS, " ")
    .replace(STUTTER, "$1")
    .replace(/\s+([,.?!])/g, "$1")
    .replace(/([,.?!])(?:\s*[,.])+/g, "$1")
    .replace(/^[\s,.]+/, "")
    .replace(/\s+/g, " ")
    .trim();
}

export function countWords(clean: string): number {
  return clean.match(/[a-z0-9$']+/g)?.length ?? 0;
}

/** The turns of a transcript in time order, each with its role from `roles`. */
export function turnsOf(
  segments: TAnalyzerSegment[],
  roles: Record<string, TRole>,
  cleaned: string[] = segments.map((s) => cleanSpeech(s.text)),
): TTurn[] {
  return segments.map((segment, index) => {
    const clean = cleaned[index] ?? "";
    return {
      index,
      speaker: segment.speaker,
      role: roles[segment.speaker] ?? "customer",
      start: segment.start,
      end: Math.max(segment.end, segment.start),
      text: segment.text.trim(),
      clean,
      words: countWords(clean),
    };
  });
}

/** "1:05" for 65 seconds. */
export function clock(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

/** A quote short enough for a card: the first `max` characters, cut at a word. */
export function shortQuote(text: string, max = 160): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  const cut = trimmed.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max - 20))}…`;
}

/** The customer's side: the customer and anyone else on the call who is not the rep. */
export function isCustomerSide(turn: TTurn): boolean {
  return turn.role !== "rep";
}

/** Short acknowledgements ("okay", "mm-hm", "right") that do not take the floor. */
export function isBackchannel(turn: TTurn): boolean {
  return (
    turn.words <= 3 &&
    /^(?:(?:yeah|yes|yep|ok|okay|right|sure|mhm|mm|uh-huh|got it|i see|huh|oh|cool|nice|great|alright|all right|wow|true|exactly|correct|sounds good|gotcha|totally)[,.!?\s]*)*$/.test(
      turn.clean,
    )
  );
}
