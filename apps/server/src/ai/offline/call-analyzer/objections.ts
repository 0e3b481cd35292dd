import type { TCallObjection, TCustomObjection } from "@plaibook/shared";
import { matchCustomObjection, prepareCustomObjections } from "./custom-objections.js";
import { assessHandling, REP_ACKNOWLEDGES, responseTurns } from "./handling.js";
import { predictLine } from "./line-model.js";
import { PUSHBACK, SPOUSE, STRONG_CUES, TOPIC_CUES, UNNAMED_AUTHORITY } from "./objection-cues.js";
import { isBackchannel, isCustomerSide, shortQuote, type TTurn } from "./transcript.js";

/**
 * Objections the customer side raises. A line is an objection when its wording says so (a strong
 * cue), or when it is about an objection's topic and the customer pushes back while the rep answers
 * it as an objection ("totally fair", "I hear you"). An organisation's own subcategories are matched
 * by their example phrases and win over the built-in subcategory. Questions about price or fees are
 * questions, not objections; voicemail greetings are skipped.
 */

export type TFoundObjection = TCallObjection & { responseIndexes: number[] };

const VOICEMAIL =
  /\b(?:leave (?:a|your|me a) (?:message|name)|after the (?:tone|beep)|you have reached|mailbox)\b/;
/** "how much is it?", "is there a setup fee?": asking, not objecting. */
const INFO_QUESTION =
  /^(?:so |and |okay,? |ok,? |oh,? |yeah,? |um,? )*(?:what|how|when|where|which|who|is|are|does|do|did|can|could|would|will|should|any|and what|so what)\b[^.!]*\?$/;

/** How sure the line model must be on its own, and when the customer pushes back and the rep acknowledges. */
/** Turns within which a second label of the same category is the same objection going on. */
const CONTINUES = 6;
const MODEL_SURE = 0.8;
const MODEL_WITH_SIGNS = 0.4;

const categoryOf = (label: string) => label.split("/")[0] ?? label;

/** Built-in labels a line's wording gives: at most two, from different categories. */
export function strongLabels(clean: string): string[] {
  const found: string[] = [];
  // A story about a past company's surprise fees is about the fees (price/hidden_fees), not the company.
  for (const [label, pattern] of STRONG_CUES) {
    if (found.length >= 2) break;
    if (found.some((f) => categoryOf(f) === categoryOf(label))) continue;
    if (label === "trust/bad_past_experience" && found.includes("price/hidden_fees")) continue;
    if (pattern.test(clean)) found.push(label);
  }
  return found;
}

export function topicLabel(clean: string): string | null {
  for (const [label, pattern] of TOPIC_CUES) if (pattern.test(clean)) return label;
  return null;
}

const OWNER_WORDS =
  /\b(?:landlord|property manager|renting|i rent|we rent|tenant|deed|belongs to|in my name|(?:mom|dad|mother|father|parents|in-law|in-laws)(?:'s| is) (?:house|place|home))\b/;
const BOSS_WORDS =
  /\b(?:boss|(?<!on )board|committee|corporate|director|manager|partners|brothers|owner of|own it together|owns the (?:business|practice|company|office|store|shop|restaurant|clinic|building))\b/;
const SPOUSE_WORD = new RegExp(String.raw`\b${SPOUSE}\b`);

/**
 * Whose say-so an unnamed authority objection is about: what is said near it first, then anywhere in
 * the call; a household with nobody else named is taken to mean the spouse.
 */
function authorityOf(turns: TTurn[], at: TTurn): string {
  const near = turns
    .slice(Math.max(0, at.index - 6), at.index + 3)
    .map((t) => t.clean)
    .join(" \n ");
  const all = turns.map((t) => t.clean).join(" \n ");
  for (const said of [near, all]) {
    if (OWNER_WORDS.test(said)) return "authority/landlord_owner";
    if (BOSS_WORDS.test(said)) return "authority/boss_committee";
    if (SPOUSE_WORD.test(said)) return "authority/spouse_partner";
  }
  return "authority/spouse_partner";
}

/** The labels one customer line raises, given the turns around it. */
export function objectionLabelsOf(turns: TTurn[], turn: TTurn): string[] {
  const clean = turn.clean;
  if (turn.words < 2 || VOICEMAIL.test(clean)) return [];
  const labels = strongLabels(clean);
  if (UNNAMED_AUTHORITY.test(clean) && !labels.some((l) => l.startsWith("authority/")))
    labels.unshift(authorityOf(turns, turn));
  if (labels.length > 0) return labels.slice(0, 2);
  if (INFO_QUESTION.test(clean)) return [];
  const reply = responseTurns(turns, turn.index)[0];
  const acknowledged = reply !== undefined && REP_ACKNOWLEDGES.test(reply.clean);
  const pushback = PUSHBACK.test(clean);
  // No cue phrase: the trained model reads lines the customer pushes back in.
  const guess = predictLine(clean);
  if (
    guess.label !== "none" &&
    ((acknowledged && pushback && guess.probability >= MODEL_WITH_SIGNS) ||
      ((acknowledged || pushback) && guess.probability >= MODEL_SURE))
  )
    return [guess.label];
  const topic = topicLabel(clean);
  return topic && pushback && acknowledged ? [topic] : [];
}

/** Every objection in the call, each label once (its first mention; a later, better answer counts). */
export function findObjections(turns: TTurn[], custom: TCustomObjection[]): TFoundObjection[] {
  const prepared = prepareCustomObjections(custom);
  const byLabel = new Map<string, TFoundObjection>();
  const order: string[] = [];
  for (const turn of turns) {
    if (!isCustomerSide(turn) || isBackchannel(turn)) continue;
    let labels = objectionLabelsOf(turns, turn);
    const customMatch = matchCustomObjection(turn.clean, prepared);
    if (customMatch) {
      const customLabel = `${customMatch.objection.category}/${customMatch.objection.slug}`;
      labels = [customLabel, ...labels.filter((l) => categoryOf(l) !== customMatch.objection.category)];
    }
    for (const label of labels) {
      // "Still kind of a lot" right after "money's tight" goes on with the same objection.
      const recent = [...byLabel.values()].find(
        (o) =>
          o.category === categoryOf(label) && o.label !== label && turn.index - o.segmentIndex <= CONTINUES,
      );
      if (recent) continue;
      const handling = assessHandling(turns, turn, label);
      const found: TFoundObjection = {
        label,
        category: categoryOf(label),
        quote: shortQuote(turn.text, 400),
        at: turn.start,
        segmentIndex: turn.index,
        handled: handling.handling !== "unaddressed",
        handling: handling.handling,
        response: handling.response ? shortQuote(handling.response, 600) : null,
        responseIndexes: handling.responseIndexes,
      };
      const earlier = byLabel.get(label);
      if (!earlier) {
        byLabel.set(label, found);
        order.push(label);
      } else if (!earlier.handled && found.handled) {
        byLabel.set(label, {
          ...found,
          quote: earlier.quote,
          at: earlier.at,
          segmentIndex: earlier.segmentIndex,
        });
      }
    }
  }
  return order.map((label) => byLabel.get(label) as TFoundObjection).slice(0, 50);
}

/** The public shape: the response indexes are for the stages, not the contract. */
export function toCallObjection({ responseIndexes: _, ...objection }: TFoundObjection): TCallObjection {
  return objection;
}
