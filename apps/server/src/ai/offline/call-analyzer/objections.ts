import type { TCallObjection, TCustomObjection } from "@plaibook/shared";
import { matchCustomObjection, prepareCustomObjections } from "./custom-objections.js";
import { assessHandling, REP_ACKNOWLEDGES, responseTurns } from "./handling.js";
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

const categoryOf = (label: string) => label.split("/")[0] ?? label;

/** Built-in labels a line's wording gives: at most two, from different categories. */
export function strongLabels(clean: string): string[] {
  const found: string[] = [];
  for (const [label, pattern] of STRONG_CUES) {
    if (found.length >= 2) break;
    if (found.some((f) => categoryOf(f) === categoryOf(label))) continue;
    if (pattern.test(clean)) found.push(label);
  }
  return found;
}

export function topicLabel(clean: string): string | null {
  for (const [label, pattern] of TOPIC_CUES) if (pattern.test(clean)) return label;
  return null;
}

/** Whose say-so an unnamed authority objection is about, from what the call says elsewhere. */
function authorityOf(turns: TTurn[]): string {
  const said = turns.map((t) => t.clean).join(" \n ");
  if (new RegExp(String.raw`\b${SPOUSE}\b`).test(said)) return "authority/spouse_partner";
  if (/\b(?:landlord|property manager|renting|i rent|we rent)\b/.test(said))
    return "authority/landlord_owner";
  if (
    /\b(?:boss|board|committee|corporate|director|manager|owner of|owns the (?:business|practice|company|office|store|shop|restaurant|clinic|building))\b/.test(
      said,
    )
  )
    return "authority/boss_committee";
  return "authority/spouse_partner";
}

/** The labels one customer line raises, given the turns around it. */
export function objectionLabelsOf(turns: TTurn[], turn: TTurn): string[] {
  const clean = turn.clean;
  if (turn.words < 2 || VOICEMAIL.test(clean)) return [];
  const labels = strongLabels(clean);
  if (UNNAMED_AUTHORITY.test(clean) && !labels.some((l) => l.startsWith("authority/")))
    labels.unshift(authorityOf(turns));
  if (labels.length > 0) return labels.slice(0, 2);
  if (INFO_QUESTION.test(clean)) return [];
  const topic = topicLabel(clean);
  if (!topic) return [];
  const reply = responseTurns(turns, turn.index)[0];
  const acknowledged = reply !== undefined && REP_ACKNOWLEDGES.test(reply.clean);
  return PUSHBACK.test(clean) && acknowledged ? [topic] : [];
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
