import type { TCallObjection } from "@plaibook/shared";
import { isBackchannel, type TTurn } from "./transcript.js";

/**
 * How the rep answered an objection: their next turn(s) (customer "mm-hm"s in between do not end the
 * answer). An answer that acknowledges the concern and speaks to it, then checks back or proposes a
 * way forward, is strong; one that speaks to it is adequate; a bare "I hear you" or a reply that
 * misses the point is weak; giving up ("sure, I'll take you off the list") or moving on is unaddressed.
 */

/** The rep taking the concern seriously at the start of their reply. */
export const REP_ACKNOWLEDGES =
  /^(?:(?:yeah|yes|oh|okay|ok|no|so|well|right|sure|and|ah|hey|look|listen)[,.!]? ){0,3}(?:i (?:totally |completely |absolutely |really |definitely |hundred percent |one hundred percent )?(?:hear|understand|get|feel|appreciate|respect|know)\b|(?:totally|completely|that is|very|super|absolutely|perfectly|fair|good|great|valid|really) (?:fair|understandable|valid|reasonable|get it|makes sense|point|question|concern|normal|common)\b|(?:that|it) makes (?:total |complete |perfect )?sense|fair enough|totally\b|of course\b|no,? totally|i am (?:so )?sorry|oh (?:man|no|wow)|that is (?:awful|terrible|rough|frustrating|a bummer|a shame|smart|fair|understandable|good to know)|understood|makes sense|good to know|a lot of (?:people|folks|our customers|homeowners|clients|families) (?:say|feel|tell|ask|worry|come|had|have|were|are)|you are (?:not alone|right)|absolutely\b|no problem at all, (?:and|but|so))/;

/** Words that show an answer speaks to the objection's kind of concern. */
const SUBSTANCE: Record<string, RegExp> = {
  price:
    /\b(?:month|monthly|save|saving|savings|financ\w*|payments?|costs?|value|worth|compare|comparison|pays? for itself|less than|discount\w*|promo\w*|deal|credit|rebate|price|\$|dollars|bucks|hundred|thousand|warranty|includes?|included|breaks? down|per (?:day|week|visit)|cheaper|option|options|plan|budget|afford\w*|lower|down payment|zero down|no money down|apples to apples|quality|coverage|limits|waive\w*|match|drop|knock|take off|fee|fees|charge|itemi[sz]e|transparent|all in|out the door|free|half|off|first (?:visit|month|year)|down to|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b/,
  authority:
    /\b(?:together|both|with (?:him|her|them)|call|video|meet|walk (?:you|them|him|her)|sit down|send|email|when (?:is|would|could)|(?:is|are) (?:he|she|they) (?:around|available|home)|three-way|conference|bring|include|landlord|owner|approval|approve|board|committee|packet|proposal|present|questions|look it over|copy)\b/,
  timing:
    /\b(?:now|wait|waiting|season|schedule|book|lock|before|price|later|window|spots|fill|weeks|rate|promo|expires|summer|winter|spring|fall|sooner|actually|cheaper|when|calendar|go up|on the books|hold|reserve|obligation|quick|minutes|follow up|the reason|because|that is why|ahead|early|rush|heat|cold)\b/,
  need: /\b(?:most (?:people|homeowners|folks|customers)|actually|did you know|even if|even though|prevent\w*|protect\w*|free|inspection|check|catch|worth|save|small|compare|can i ask|what (?:if|would|happens)|the reason|because|happens|damage|risk|signs?|before it|peace of mind|hidden|not visible|would you|how about|trial|obligation|commitment|pressure|tools|weekends?|results|professional|warranty|guarantee)\b/,
  competitor:
    /\b(?:compare|comparison|switch|switching|buyout|buy out|credit|cover|fee|contract|ends|honor|match|difference|better|different|most of our customers|second opinion|side by side|apples|(?:do|are) you (?:pay|paying)|how much|expire\w*|renew\w*|when (?:is|does)|quote|rate|bundle|save|saving)\b/,
  trust:
    /\b(?:licensed|license|insured|bonded|reviews?|references?|guarantee\w*|warranty|bbb|better business|years|local|address|certified|proof|show you|results|data|privacy|encrypt\w*|never (?:share|sell)|you control|only you|sorry|understand|google|website|in writing|protected|secure|photos?|pictures|before and after|testimonials?|neighbors?|background|badge|studies|study|clinical|refund|money back|trial|delete|opt out|no one|nobody|stays|stored|exactly|different)\b/,
};

/** The rep letting the objection stand: agreeing to go away, or to call back, without answering it. */
const GIVES_UP =
  /^(?:(?:oh|okay|ok|sure|alright|all right|no problem|of course|absolutely|will do|understood|no worries|got it|yeah|yes|gotcha|sounds good|you got it|fair enough|no problem at all|not a problem)[,.!]? ?)+(?:(?:i will|i can|we will|i am going to|let me|and i will) (?:do that|take you off|remove|call you|give you a call|try you|reach out|let you go|put you down for a call|text you|follow up|check back)|(?:have|enjoy) a (?:good|great|nice|wonderful)|(?:bye|goodbye|take care|thanks|thank you)|when (?:is|would be) (?:a )?(?:good|better) time|what time (?:works|is good))/;
const MOVES_ON =
  /^(?:(?:gotcha|got it|okay|ok|alright|all right|right|sure|great|perfect|cool|yes|and)[,.!]? )*(?:so|anyway|anyways|and|moving on|next|let me ask|now)\b/;
/** Asking why, or what would change it: the start of handling a flat no. */
const PROBES =
  /\b(?:can i ask|may i ask|what (?:is|would|makes|made)|why|is it the|is it (?:more|just)|what if|how come)\b/;
/** Asking for the business. */
const ASKS_TO_BOOK =
  /\b(?:get (?:a|our|the) (?:\w+ )?(?:out|over)|put you down|get you (?:on|in|scheduled|booked)|schedule|book|sign you up|mornings? or|afternoons? or|which (?:day|time))\b/;

const STOP = new Set(
  "the a an and or but so to of in on at for with from it its this that is are was were be been i you we they he she my your our their me us them not no yes just really like do does did have has had will would can could about what there here then than very okay ok well um uh going get got one".split(
    " ",
  ),
);
const wordsOf = (clean: string) =>
  (clean.match(/[a-z]{4,}/g) ?? []).filter((w) => !STOP.has(w)).map((w) => w.replace(/(?:ing|ed|es|s)$/, ""));

/** The rep's answer picks up a word of the objection (its topic), not only the script. */
function echoes(objection: TTurn, reply: TTurn[]): boolean {
  const said = new Set(wordsOf(objection.clean));
  return reply.some((t) => wordsOf(t.clean).some((w) => said.has(w)));
}

export type THandling = {
  handling: TCallObjection["handling"];
  response: string | null;
  responseIndexes: number[];
};

/** The rep's reply to the customer turn at `index`: up to three rep turns, "mm-hm"s skipped. */
export function responseTurns(turns: TTurn[], index: number): TTurn[] {
  const out: TTurn[] = [];
  for (let i = index + 1; i < turns.length && out.length < 3; i++) {
    const turn = turns[i] as TTurn;
    if (turn.role === "rep") out.push(turn);
    else if (!isBackchannel(turn) || out.length === 0) {
      if (out.length > 0) break;
      // A second customer line before the rep speaks belongs to the same objection.
      if (i > index + 2) break;
    }
  }
  return out;
}

/** Keeping the customer on the line after "call me back": the one answer to it that is not agreeing. */
const KEEPS_THEM =
  /\b(?:real quick|only take|before you go|while i have you|(?:a|one|two|three|a couple of|a few|thirty|sixty|ninety) (?:quick )?(?:minutes?|seconds?|questions?))\b/;

export function assessHandling(turns: TTurn[], turn: TTurn, label: string): THandling {
  const category = label.split("/")[0] ?? label;
  const reply = responseTurns(turns, turn.index);
  if (reply.length === 0) return { handling: "unaddressed", response: null, responseIndexes: [] };
  if (label === "timing/call_back_later" && !reply.some((t) => KEEPS_THEM.test(t.clean)))
    return { handling: "unaddressed", response: reply.map((t) => t.text).join(" "), responseIndexes: [] };
  const first = reply[0] as TTurn;
  const text = reply.map((t) => t.text).join(" ");
  const clean = reply.map((t) => t.clean).join(" ");
  const words = reply.reduce((sum, t) => sum + t.words, 0);
  const substance = (SUBSTANCE[category] ?? /[a-z]{4,}/).test(clean) && words >= 8;
  const acknowledges = REP_ACKNOWLEDGES.test(first.clean);
  const checksBack = /\?/.test(clean);
  const indexes = reply.map((t) => t.index);
  if (GIVES_UP.test(first.clean) && !substance)
    return { handling: "unaddressed", response: text, responseIndexes: [] };
  if (!acknowledges && (MOVES_ON.test(first.clean) || words < 4) && !echoes(turn, reply))
    return { handling: "unaddressed", response: text, responseIndexes: [] };
  // Pushing straight on to the booking after a flat no, without asking why, is not handling it.
  if (label === "need/not_interested" && ASKS_TO_BOOK.test(clean) && !PROBES.test(clean))
    return { handling: "unaddressed", response: text, responseIndexes: [] };
  let handling: TCallObjection["handling"] = "weak";
  if (substance && acknowledges && words >= 20 && checksBack) handling = "strong";
  else if (substance && words >= 12) handling = "adequate";
  return { handling, response: text, responseIndexes: indexes };
}
