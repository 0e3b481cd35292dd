import type { TSentimentLabel, TSmsIntent } from "@plaibook/shared";
import { wordsOf } from "./text.js";

/**
 * Lexicon sentiment with negation and intensity, nudged by the intent: a polite "not right now,
 * thanks" scores positive on words alone (DEPENDENCIES.md §11), so what the message does counts too.
 */

const LEXICON: Record<string, number> = {
  // positive
  good: 1.5,
  great: 2.5,
  awesome: 3,
  amazing: 3,
  excellent: 3,
  perfect: 2.5,
  love: 3,
  loved: 3,
  lovely: 2.5,
  like: 0.8,
  liked: 1.5,
  nice: 1.8,
  cool: 1.2,
  glad: 2,
  happy: 2.2,
  thanks: 1.2,
  thank: 1.2,
  thx: 1.2,
  appreciate: 2,
  appreciated: 2,
  wonderful: 3,
  fantastic: 3,
  excited: 2.5,
  exciting: 2.5,
  sweet: 1.5,
  best: 2,
  better: 1,
  fine: 0.6,
  interested: 1.2,
  interesting: 1.2,
  yes: 0.6,
  yay: 2.5,
  haha: 1.5,
  hahaha: 1.8,
  lol: 0.8,
  lmao: 1,
  definitely: 1,
  absolutely: 1.5,
  sure: 0.6,
  please: 0.3,
  welcome: 1.5,
  enjoy: 2,
  enjoyed: 2,
  fun: 2,
  beautiful: 2.5,
  congrats: 3,
  congratulations: 3,
  wow: 1.2,
  helpful: 2,
  ready: 0.8,
  easy: 1,
  free: 0.5,
  deal: 0.5,
  worth: 1,
  hope: 1,
  hopefully: 0.8,
  luck: 1,
  miss: 0.8,
  smile: 2,
  pretty: 1,
  proud: 2,
  win: 2,
  won: 2,
  safe: 0.3,
  pleasure: 2,
  kind: 1.2,
  blessed: 2,
  cute: 2,
  recommend: 1.5,
  recommended: 1.5,
  works: 0.6,
  okay: 0.2,
  ok: 0.2,
  hehe: 1.5,
  heh: 1,
  yummy: 2,
  yum: 2,
  // negative
  bad: -2,
  terrible: -3,
  horrible: -3,
  awful: -3,
  hate: -3,
  hated: -3,
  worst: -3,
  worse: -2,
  sucks: -2.5,
  suck: -2.5,
  angry: -3,
  mad: -2,
  upset: -2.2,
  annoyed: -2.2,
  annoying: -2.2,
  frustrated: -2.5,
  frustrating: -2.5,
  disappointed: -2.5,
  disappointing: -2.5,
  sad: -2,
  sorry: -0.2,
  unfortunately: -1,
  problem: -1,
  problems: -1,
  issue: -0.8,
  issues: -0.8,
  broken: -2,
  broke: -1.5,
  leak: -1.5,
  leaking: -2,
  damage: -1.8,
  damaged: -2,
  expensive: -1.5,
  pricey: -1.5,
  overpriced: -2.2,
  scam: -2.5,
  scammers: -2.5,
  spam: -2,
  fake: -2,
  sick: -1.8,
  tired: -1.5,
  worried: -1.8,
  worry: -1.2,
  scared: -2,
  afraid: -1.8,
  stressed: -2,
  stress: -1.8,
  pain: -2,
  hurt: -2,
  hurts: -2,
  ugh: -2,
  sigh: -1.2,
  damn: -2,
  shit: -2.5,
  fuck: -3,
  fucking: -3,
  crap: -2,
  stupid: -2.5,
  ridiculous: -2.5,
  useless: -2.5,
  waste: -2,
  wrong: -0.4,
  fail: -2,
  failed: -2,
  lost: -1.5,
  lose: -1,
  cry: -2,
  crying: -2,
  boring: -1.8,
  bored: -1.5,
  lonely: -2,
  doubt: -1,
  skeptical: -1.2,
  harass: -3,
  harassing: -3,
  bother: -1.5,
  bothering: -2,
  rude: -2.5,
  unacceptable: -3,
  pathetic: -3,
  disgusting: -3,
  infested: -2,
  infestation: -2,
  bugs: -0.8,
  roaches: -1.5,
  ants: -0.8,
  termites: -1.5,
  mice: -1,
  rats: -1.5,
  mold: -1.5,
  late: -0.8,
  cancel: -0.5,
  unfair: -2,
  hassle: -1.8,
  pushy: -2,
  creepy: -2,
  weird: -1,
  confused: -1,
  confusing: -1.2,
  difficult: -1.2,
  hard: -0.8,
  busy: -0.5,
  die: -2.5,
  dead: -2,
  kill: -2,
  killing: -2,
  hell: -2,
  nightmare: -2.5,
  sucked: -2.5,
  trouble: -1.5,
  nasty: -2.5,
  fault: -1.5,
  blame: -1.5,
  never: -0.3,
  stop: -0.2,
  ooh: 1.5,
  omg: 1,
  finally: 1,
  changer: 1.5,
  hail: -1,
  smell: -0.5,
  gas: -0.3,
  emergency: -2,
  urgent: -1.5,
  disappeared: -1.5,
  lien: -2,
  shame: -2.5,
  liar: -3,
  lied: -2.5,
  freezing: -1.5,
  tight: -0.8,
  afford: -0.2,
  cheaper: -0.5,
  lie: -2,
  poor: -1.5,
  friendly: 2,
  professional: 2,
  polite: 1.5,
  courteous: 2,
  thorough: 1.5,
  quick: 0.8,
  prompt: 1,
  idiot: -3,
  idiots: -3,
  moron: -3,
  morons: -3,
  clowns: -2.5,
  wtf: -3,
  ffs: -2.5,
  effing: -2.5,
  freaking: -1.5,
  frickin: -1.5,
  incompetent: -3,
  unprofessional: -2.5,
  lawyer: -2,
  attorney: -2,
  sue: -2,
  lawsuit: -2.5,
  harassment: -3,
  burst: -2,
  flooded: -2,
  flooding: -2,
  sarcastic: -1,
  doubled: -1.2,
  ruined: -2.5,
  disgusted: -3,
  furious: -3,
  livid: -3,
  pissed: -3,
};

/** Words whose negation is politeness, not displeasure: "not interested", "no thanks" read as neutral. */
const POLITE_WHEN_NEGATED = new Set(["interested", "interesting", "thanks", "thank", "sure"]);

/** Multi-word cues a bag of words misses. */
const PHRASES: [RegExp, number][] = [
  [/\bout of control\b/, -2],
  [/\bhit (?:pretty |really |so )?hard\b|\bsmell gas\b|\bgas smell\b|\bnot helping\b/, -2],
  [/\bfor the last time\b|\bhow many times\b|\bi have told you\b/, -2.5],
  [/\bleave me alone\b/, -2.5],
  [/\bsounds good\b|\bsounds great\b|\bworks for me\b|\blooking forward\b/, 1.5],
  [/\bcan not wait\b/, 2.5],
  [/\bnot happy\b|\bnot good\b|\bnot great\b/, -1.5],
  [/\bnot bad\b/, 1.2],
  [/\bno problem\b|\bno worries\b/, 1.2],
  [/:\)|:-\)|:d\b|;\)|<3|😊|😀|😁|😂|🤣|😍|🙂|👍|🙏|🎉|❤️|😃|😄|😎|🙌|🥳|🤩|💯|🔥/u, 2],
  // Swearing with symbols ("f***", "sh*t"), abbreviations, legal threats.
  [/(?:^|[^a-z])(?:f|sh|a|b|fu|mf)[*#@$!%]{2,}|(?:^|[^a-z])a\$\$|\$h[i!1*]t|\bf[*#]ck/, -3],
  [
    /\b(?:report (?:you|this|your)|better business bureau|cease and desist|class action|do not call list|attorney general)\b/,
    -2,
  ],
  // Sarcasm: praise on the surface, annoyance underneath.
  [
    /\boh (?:great|wonderful|perfect|joy|goody|fantastic|lovely|awesome|sure|good|cool)\b|\b(?:yeah|yes),? right\b|\b(?:just|exactly) what i (?:needed|wanted)\b|\bsure you (?:are|do|will|did)\b|\bthanks for nothing\b|\bwow,? (?:another|thanks for|just wow)\b|\bbecause that (?:worked|went) so well\b|\bwhat a (?:surprise|shock)\b/,
    -4.5,
  ],
  [/\.{2,}\s*not[.!]*$|\b(?:absolutely|definitely|hell|heck|oh hell) (?:not|no)\b|\bno way\b/, -2.5],
  // Emergencies.
  [
    /\b(?:pipe (?:burst|broke)|burst pipe|water everywhere|flooding|on fire|smell gas|gas leak|please hurry|need help (?:now|asap|right now|immediately)|as soon as possible!)/,
    -2.5,
  ],
  [/:\(|:-\(|:'\(|😞|😡|😠|🤬|😢|😭|👎|🙄|😤|😩|😫|😒|🤦/u, -2],
];

const NEGATORS = new Set(["not", "no", "never", "nothing", "nobody", "neither", "nor", "without", "hardly"]);
const INTENSIFIERS: Record<string, number> = {
  very: 1.4,
  really: 1.3,
  so: 1.3,
  super: 1.5,
  extremely: 1.6,
  totally: 1.3,
  too: 1.2,
  soo: 1.5,
  sooo: 1.6,
  absolutely: 1.4,
  incredibly: 1.6,
  quite: 1.1,
};

const INTENT_BIAS: Partial<Record<TSmsIntent, number>> = {
  interested: 0.4,
  appointment_request: 0.2,
  objection: -0.4,
  opt_out: -1,
};

export type TSentiment = { label: TSentimentLabel; score: number };

/** Raw lexicon polarity of a normalised text, before any intent bias. */
export function lexiconPolarity(normalized: string, minMagnitude = 0): number {
  const words = wordsOf(normalized);
  let total = 0;
  for (const [index, word] of words.entries()) {
    let value = LEXICON[word];
    if (value === undefined || NEGATORS.has(word) || Math.abs(value) < minMagnitude) continue;
    const window = words.slice(Math.max(0, index - 3), index);
    // "no" as a reply ("no, that's great") negates nothing; only negators close before a word count.
    if (window.some((w) => NEGATORS.has(w) && w !== "no") || words[index - 1] === "no")
      value = POLITE_WHEN_NEGATED.has(word) ? 0 : -value * 0.75;
    const intensity = INTENSIFIERS[words[index - 1] ?? ""];
    if (intensity) value *= intensity;
    total += value;
  }
  for (const word of words) if (NEGATORS.has(word) && LEXICON[word]) total += LEXICON[word] ?? 0;
  for (const [pattern, value] of PHRASES) if (pattern.test(normalized)) total += value;
  // "!!" lifts a happy message and sharpens an upset one.
  if (/!!/.test(normalized) && total >= 0) total += 0.8;
  return total;
}

/** Mostly capitals with an exclamation or several: "THIS IS THE THIRD TIME!!", "HELP". */
function isShouting(original: string): boolean {
  const letters = original.replace(/[^A-Za-z]/g, "");
  if (letters.length < 8) return false;
  const upper = letters.replace(/[^A-Z]/g, "").length;
  return upper / letters.length > 0.7 && /[!?]/.test(original);
}

export function sentimentOf(original: string, normalized: string, intent: TSmsIntent | null): TSentiment {
  // A plain question takes no polarity from incidental mild words ("is it pet safe?", "free estimate?").
  let raw = lexiconPolarity(normalized, intent === "question" ? 1 : 0);
  if (isShouting(original) || /\bHELP\b/.test(original)) raw -= 2.5;
  const exclamations = (original.match(/!/g) ?? []).length;
  if (exclamations > 0 && raw !== 0) raw *= 1 + Math.min(exclamations, 3) * 0.15;
  // A decline with a "thanks" is politeness, not delight.
  if (intent === "not_interested" && raw > 0) raw *= 0.2;
  if (intent === "opt_out") return optOutSentiment(original, normalized, raw);
  if (intent) raw += INTENT_BIAS[intent] ?? 0;
  // Squash to −1..1 (VADER's normalisation).
  const score = Math.round((raw / Math.sqrt(raw * raw + 15)) * 1000) / 1000;
  const label: TSentimentLabel = score >= 0.25 ? "positive" : score <= -0.15 ? "negative" : "neutral";
  return { label, score };
}

/** A sentence that is nothing but a carrier keyword: "STOP", "stop.", "unsubscribe please". */
const KEYWORD_SENTENCE =
  /(?:^|[.!?,;]\s*)(?:please |pls |plz )?(?:stop|stop all|unsubscribe|unsub|cancel|end|quit|opt ?out|remove me)(?: please| pls| plz| now| thanks| thank you)?\s*(?:[.!?,;]|$)/;
/** Softeners: "please", "thanks", "lol", 🙏. */
const POLITE = /\b(?:please|pls|plz|thanks|thank you|thx|ty|appreciate it|lol|sorry)\b|🙏/u;

/**
 * Opting out is not displeasure in itself: a bare STOP or a polite "please remove me, thanks" is
 * neutral; a curt order ("stop texting me", "lose my number") or hostile words are negative.
 */
function optOutSentiment(original: string, normalized: string, raw: number): TSentiment {
  const hostile = raw <= -1 || /!{2,}/.test(original) || isShouting(original);
  const calm = KEYWORD_SENTENCE.test(normalized) || POLITE.test(normalized);
  if (!hostile && calm) {
    const score = Math.round(Math.max(-0.1, Math.min(0.1, raw / 10)) * 1000) / 1000;
    return { label: "neutral", score };
  }
  const value = Math.min(raw, 0) - 1;
  const score = Math.round((value / Math.sqrt(value * value + 15)) * 1000) / 1000;
  return { label: "negative", score };
}
