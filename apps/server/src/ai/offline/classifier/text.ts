/**
 * Text normalisation shared by the intent model, the rules and the FAQ matcher. SMS is full of
 * shorthand ("u", "tmrw", "cant"); we expand it once so every later step sees plain English.
 */

const SHORTHAND: Record<string, string> = {
  u: "you",
  ur: "your",
  ya: "yes",
  r: "are",
  pls: "please",
  plz: "please",
  pleeease: "please",
  pleease: "please",
  thx: "thanks",
  thnx: "thanks",
  thanx: "thanks",
  ty: "thank you",
  tmrw: "tomorrow",
  tmr: "tomorrow",
  tmrow: "tomorrow",
  tmw: "tomorrow",
  tomm: "tomorrow",
  tomorow: "tomorrow",
  "2morrow": "tomorrow",
  "2moro": "tomorrow",
  "2nite": "tonight",
  tonite: "tonight",
  nite: "night",
  wknd: "weekend",
  wkend: "weekend",
  wk: "week",
  tues: "tuesday",
  tue: "tuesday",
  weds: "wednesday",
  wed: "wednesday",
  thurs: "thursday",
  thur: "thursday",
  thu: "thursday",
  fri: "friday",
  sat: "saturday",
  appt: "appointment",
  appts: "appointments",
  idk: "i do not know",
  rn: "right now",
  atm: "at the moment",
  b4: "before",
  bc: "because",
  cuz: "because",
  cause: "because",
  pic: "picture",
  pics: "pictures",
  info: "information",
  gonna: "going to",
  wanna: "want to",
  gotta: "got to",
  kinda: "kind of",
  dont: "do not",
  doesnt: "does not",
  didnt: "did not",
  cant: "can not",
  cannot: "can not",
  wont: "will not",
  isnt: "is not",
  arent: "are not",
  wasnt: "was not",
  im: "i am",
  ive: "i have",
  youre: "you are",
  theyre: "they are",
  thats: "that is",
  whats: "what is",
  hows: "how is",
  nah: "no",
  nope: "no",
  yea: "yes",
  yeah: "yes",
  yep: "yes",
  yup: "yes",
  ok: "okay",
  k: "okay",
  kk: "okay",
  def: "definitely",
  prob: "probably",
  probs: "probably",
  w: "with",
  convo: "conversation",
  msg: "message",
  msgs: "messages",
  txt: "text",
  txts: "texts",
  txting: "texting",
  hubby: "husband",
  bf: "boyfriend",
  gf: "girlfriend",
  mgr: "manager",
  asap: "as soon as possible",
  "#": "number",
};

/** Lower-case, straight quotes, contractions and shorthand expanded, spacing collapsed. */
export function normalizeText(text: string): string {
  const lowered = text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\bcan't\b/g, "can not")
    .replace(/\bwon't\b/g, "will not")
    .replace(/\bain't\b/g, "is not")
    .replace(/n't\b/g, " not")
    .replace(/'m\b/g, " am")
    .replace(/'re\b/g, " are")
    .replace(/'ll\b/g, " will")
    .replace(/'ve\b/g, " have")
    .replace(/'d\b/g, " would")
    .replace(/\blet's\b/g, "let us")
    .replace(/\b(it|that|what|there|he|she|who|where|how)'s\b/g, "$1 is");
  return lowered
    .replace(/[a-z0-9#]+/g, (word) => SHORTHAND[word] ?? word)
    .replace(/\s+/g, " ")
    .trim();
}

/** Words of a normalised text (letters, digits, `$` amounts and `?` kept as their own tokens). */
export function wordsOf(normalized: string): string[] {
  return normalized.match(/\$?\d+(?:[.:,]\d+)*|[a-z]+(?:'[a-z]+)?|\?|!/g) ?? [];
}

/**
 * A light suffix stemmer: enough to fold "texting/texts/texted" and "charges/charged" together
 * without a model load (wink-nlp's lemmatiser costs ~100 ms to load and ~0.3 ms a message).
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d|\?|!/.test(word)) return word;
  let w = word;
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) w = w.slice(0, -1);
  if (w.endsWith("ing") && w.length > 5) w = undouble(w.slice(0, -3));
  else if (w.endsWith("ed") && w.length > 4) w = undouble(w.slice(0, -2));
  else if (w.endsWith("ly") && w.length > 5) w = w.slice(0, -2);
  if (w.endsWith("e") && w.length > 4) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  return /([bdfgmnprt])\1$/.test(w) ? w.slice(0, -1) : w;
}

const WEEKDAYS = new Set(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]);
const RELATIVE_DAYS = new Set(["today", "tomorrow", "tonight", "weekend"]);
const MONTHS = new Set([
  "january",
  "february",
  "march",
  "april",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
]);

/**
 * Tokens for the bag-of-words model: stems, with days, clock times, money and numbers folded into
 * placeholders so that "thursday at 10" and "monday at 3" teach the same thing.
 */
export function featureTokens(normalized: string): string[] {
  const out: string[] = [];
  const words = wordsOf(normalized);
  for (const [index, word] of words.entries()) {
    if ((word === "am" || word === "pm") && /^\d/.test(words[index - 1] ?? "")) out.push("_meridiem_");
    else if (WEEKDAYS.has(word) || RELATIVE_DAYS.has(word)) out.push("_day_");
    else if (MONTHS.has(word)) out.push("_month_");
    else if (word.startsWith("$")) out.push("_money_");
    else if (/^\d{1,2}:\d{2}$/.test(word) || /^\d{1,2}(am|pm)$/.test(word)) out.push("_clock_");
    else if (/^\d/.test(word)) out.push("_num_");
    else out.push(stem(word));
  }
  for (const [pattern, token] of EMOJI_TOKENS) if (pattern.test(normalized)) out.push(token);
  return out;
}

/** Emoji carry much of an SMS's tone; fold them into a few tokens the model can weigh. */
const EMOJI_TOKENS: [RegExp, string][] = [
  [/[😍😊🙂👍🙌🎉❤😀😁😃😄🔥💯✅🙏🤩🥳👏💪😎]/u, "_emoji_happy_"],
  [/[😡😠🤬😤👎😞😢😭💀😩😫]/u, "_emoji_upset_"],
  [/[😂🤣😆😅]/u, "_emoji_laugh_"],
  [/[🙃🙄😒]/u, "_emoji_eyeroll_"],
];
