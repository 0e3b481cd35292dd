import type { TAnalyzerSegment } from "@plaibook/shared";
import { normalizeText } from "../classifier/text.js";

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

/** Lower case, plain spacing, no fillers or stutters; punctuation that marks questions is kept. */
export function cleanSpeech(text: string): string {
  return normalizeText(text.replace(/[—–]/g, " ").replace(/…/g, "."))
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
export function turnsOf(segments: TAnalyzerSegment[], roles: Record<string, TRole>): TTurn[] {
  return segments.map((segment, index) => {
    const clean = cleanSpeech(segment.text);
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
