import { CALL_STAGES, type TCallStage, type TCallStageSpan } from "@plaibook/shared";
import type { TFoundObjection } from "./objections.js";
import type { TTurn } from "./transcript.js";

/**
 * The call's stages, read from the rep's turns: the opening (greeting), questions about the
 * customer's situation (discovery), the offer (presentation), answers to objections
 * (objection_handling), asking for the sale or the booking (close) and a concrete next step
 * (next_steps). The customer's turns and untagged rep turns belong to the stage before them;
 * neighbouring turns of one stage make a span.
 */

/** Opening questions that are not discovery: who is this, is now a good time. */
const OPENING_QUESTION =
  /\b(?:is this|am i speaking|speaking with|how are you|how is (?:it going|your day)|good time|okay time|ok time|bad time|catch you|do you have (?:a )?(?:minute|moment|sec|second|few minutes)|can you hear me|still there|how can i help|what can i do for you|is (?:\w+ )?(?:there|available|around|home)\?$)/;
/** Logistics and check-ins that are not discovery. */
const ADMIN_QUESTION =
  /\b(?:same address|best (?:number|email|phone|way)|email address|spell|card|expiration|zip|your name|can i get your (?:name|email|number|address)|anything else|sound good|sounds good|make sense|does that (?:work|sound|help|make sense)|right\?$|okay\?$|ok\?$|fair\?$|cool\?$|you there)\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|\d{1,2}(?::\d{2})?)(?:[- ](?:fifteen|thirty|forty-five|o'clock|am|pm))? (?:work|be good|be okay|okay)\b/;
const SITUATION_QUESTION =
  /(?:^|[.,!?:;] |just to confirm,? )(?:(?:so|and|okay|ok|now|great|perfect|got it|gotcha|right|yes|oh)[,.]? )*(?:what|how|when|where|which|who|why|do|does|did|are|is|was|were|have|has|had|will|would|could|can|any|anything|anyone|tell me|walk me through)\b/;
/** Words of an offer: what it includes, what it costs, what the customer gets. */
const PITCH_PARTS = [
  String.raw`\b(?:we (?:offer|provide|install|include|guarantee|cover|use|treat|do a|do free|would|will|can|come out|have a|have an|have our|put|send out|take care|handle|submit|file|seal|test|clean|check|replace|finance|credit|waive|match)|our (?:\w+ )?(?:plan|package|program|special|promotion|team|techs?|technicians?|warranty|guarantee|membership|service|system|policy|financing|crew|product|process|installers?|trainers?|packages|plans|coverage|monitoring|agreement|treatment|offer|deal|rate)s?)\b`,
  String.raw`\b(?:what i would|i would|i will|i can|i'd) (?:recommend|suggest|do for you)|\b(?:what we do|what we would do|here is (?:how|what)|here's (?:how|what)|the way (?:it|this|that) works|how it works)\b`,
  String.raw`\b(?:includes?|included|comes with|covers|you get|you would get|you will get|you would be looking at|you would save|you will save|you would pay|you will pay|that gets you|is covered|warranty|guarantee\w*)\b`,
  String.raw`\b(?:financing|zero down|no money down|per (?:month|year|visit|week|session|quarter)|a (?:month|year|visit|week|session|quarter)\b|monthly|rebate|discount|promo\w*|special|free|no cost|no charge|no obligation)\b`,
  String.raw`\$\d|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ]?(?:hundred|thousand|ninety-nine|forty-nine|nine|ninety|dollars|bucks)\b`,
].map((part) => new RegExp(part));
const pitchScore = (clean: string) => PITCH_PARTS.reduce((sum, part) => sum + (part.test(clean) ? 1 : 0), 0);
const CLOSE = new RegExp(
  [
    String.raw`\b(?:want|would you like|ready|shall we|should we|can we|could we|let us|let's|like) (?:me )?(?:to )?(?:go ahead|get (?:you|that|it|this|the \w+) (?:started|scheduled|booked|set up|on the (?:calendar|schedule|books)|in)|lock (?:that|it|this|you) in|sign|book|schedule|put you down|move forward|get started|do (?:it|this)|enroll|grab (?:that|a|the) (?:spot|slot|time)|reserve|get you (?:on|in|set up|signed up|started|scheduled|booked)|set (?:that|it|you) up|start|switch|pencil)\b`,
    String.raw`\b(?:just )?need (?:a|your|the) (?:card|payment|deposit|credit card|signature)\b|\bhold (?:the|that|a|this) (?:special|spot|price|rate|slot|discount|deal|time)\b`,
    String.raw`\b(?:can|could|may|shall|should) (?:i|we) (?:come out|stop by|swing by|send (?:someone|somebody|a tech\w*|an inspector)|have (?:someone|somebody) (?:come|stop)|get (?:someone|somebody) out)\b`,
    String.raw`\b(?:can|could|may|shall|should) i (?:get you|put you|go ahead|sign you|book you|schedule you|lock|pencil you|grab you|set you up)\b|\bwhen (?:is|are you|would be|works) (?:good|free|best|available|a good time)\b|\bwhat (?:works|would work) (?:best |better )?for you\b|\b(?:get|put) you (?:on|in|down for) (?:the|our|a)\b|\bsign you up\b|\bpull the trigger\b|\bwant to do it\b|\b(?:are you|you) ready to\b`,
    String.raw`\b(?:i|we) (?:have|got|can do) (?:an? )?(?:opening|openings|slot|slots|spot|spots|window|windows|availability)\b|\b(?:i|we) (?:have|got|can do) (?:\w+ ){0,3}(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow)\b`,
    String.raw`\b(?:which|what) (?:one |day |time )?(?:is|would be|sounds|works|would work) (?:better|best|good)|\bwhat is a good (?:day|time|evening|morning|afternoon)\b|\b(?:which|what) (?:day|time)\b[^.?]*\?`,
    String.raw`\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|morning|afternoon|evening|\d{1,2}(?::\d{2})?)\b[^.?]*\b(?:work|good|okay|ok|do)\b[^.?]*\?|\b(?:morning|afternoon|am|pm) or (?:the )?(?:\w+ )?(?:morning|afternoon|evening|am|pm)\?`,
    String.raw`\b(?:how|what) about (?:i |we )?(?:\w+ ){0,3}(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|morning|afternoon|evening|\d)|\bget you (?:installed|scheduled|booked|signed up|started|set up|in)\b|\b(?:want|like) to (?:\w+ ){0,2}(?:try it|come in|come by|stop in|stop by|swing by)\b`,
  ].join("|"),
);
const NEXT_STEP =
  /\b(?:(?:i will|i am going to|we will|let me|i am) (?:send|sending|emailing|texting|mailing|email|text|call|follow up|reach out|get|put|schedule|have|mail|drop|forward|see you|swing by|be there|check|book|set up|give you a call)|you (?:will|should) (?:get|receive|see|hear|have)|(?:the|our|your) (?:tech|technician|installer|inspector|advisor|crew|team|estimator|coordinator|manager|specialist|project manager|consultant|trainer|nurse|agent) (?:will|is going to|can)|(?:confirmation|reminder|calendar invite|welcome) (?:text|email|call|packet|message)|see you (?:then|on|at|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next)|talk (?:to you )?(?:then|on|tomorrow|next|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:call|give) (?:me|us) a (?:call )?back|call (?:me|us) back at|my (?:number|direct line|cell) is|reach me at|(?:i will|i'll) (?:try|call) you (?:back |again )?(?:at|on|tomorrow|later|next|after|around|in)|you are (?:all )?(?:set|booked|scheduled|confirmed) for)\b/;
/** "Tomorrow at five-forty-five?": a short question that offers a time is asking for the booking. */
const PROPOSES_TIME =
  /^(?:[a-z]+,? ){0,2}(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|this (?:afternoon|evening)|next week)\b[^.?!]{0,30}\?$/;
/** A next step is concrete when it has a when or a what. */
const CONCRETE =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|today|this (?:afternoon|evening|week)|next (?:week|month)|morning|afternoon|evening|\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|email|text|invite|confirmation|reminder|january|february|march|april|may|june|july|august|september|october|november|december|\w+(?:st|nd|rd|th)|proposal|quote|estimate|number|link|contract|agreement|paperwork|address|window)\b/;

/** "Talk to you then": concrete when the turn, or the two before it, say when or what. */
function concreteNear(turns: TTurn[], index: number): boolean {
  return turns.slice(Math.max(0, index - 2), index + 1).some((t) => CONCRETE.test(t.clean));
}

/** The stages of each turn, in the order they happen within it (most turns have none or one). */
export type TStageTags = TCallStage[][];

/** Questions about the customer's situation that make a discovery stage. */
const MIN_DISCOVERY = 1;

/** How many questions about the customer's situation a rep turn asks (not openers, logistics or closes). */
function discoveryQuestions(turn: TTurn): number {
  if (!/\?/.test(turn.clean)) return 0;
  return turn.clean
    .split(/(?<=\?)/)
    .map((q) => q.trim())
    .filter(
      (q) =>
        q.includes("?") &&
        SITUATION_QUESTION.test(q) &&
        !OPENING_QUESTION.test(q) &&
        !ADMIN_QUESTION.test(q) &&
        !CLOSE.test(q),
    ).length;
}

/**
 * The stages of each turn. An answer to an objection that ends by asking for the business is both
 * objection_handling and close. One stray question is not a discovery stage, nor one price a
 * presentation.
 */
export function tagStages(turns: TTurn[], objections: TFoundObjection[]): TStageTags {
  const tags: TStageTags = turns.map(() => []);
  const handling = new Set(objections.filter((o) => o.handled).flatMap((o) => o.responseIndexes));
  const firstRep = turns.find((t) => t.role === "rep");
  const openingEnds = (firstRep?.start ?? 0) + 30;
  let discovery = 0;
  let pitches = 0;
  for (const turn of turns) {
    if (turn.role !== "rep") continue;
    const own = tags[turn.index] as TCallStage[];
    if (turn === firstRep) {
      own.push("greeting");
      // A voicemail can be one turn: who is calling, and how to call back.
      if (turn.words >= 12 && NEXT_STEP.test(turn.clean) && CONCRETE.test(turn.clean)) own.push("next_steps");
      continue;
    }
    const early = turn.start < openingEnds && turn.index <= (firstRep?.index ?? 0) + 2;
    if (handling.has(turn.index)) own.push("objection_handling");
    // An offer can open the answer or the close ("the special is 39 for the first visit — want it?").
    if (
      own.length === 0 &&
      pitches === 0 &&
      pitchScore(turn.clean) >= 2 &&
      !early &&
      CLOSE.test(turn.clean)
    ) {
      own.push("presentation");
      pitches++;
    }
    if (!early && (CLOSE.test(turn.clean) || PROPOSES_TIME.test(turn.clean))) own.push("close");
    else if (NEXT_STEP.test(turn.clean) && concreteNear(turns, turn.index)) own.push("next_steps");
    if (own.length > 0) {
      const asked = discoveryQuestions(turn);
      if (asked > 0 && !own.includes("close")) {
        own.push("discovery");
        discovery += asked;
      }
      continue;
    }
    const score = pitchScore(turn.clean);
    if (!early && turn.words >= 10 && (score >= 2 || (score === 1 && turn.words >= 25))) {
      own.push("presentation");
      pitches++;
    } else {
      const asked = discoveryQuestions(turn);
      if (asked > 0) {
        own.push("discovery");
        discovery += asked;
      }
    }
  }
  const drop = (stage: TCallStage) => {
    for (const [i, own] of tags.entries()) tags[i] = own.filter((s) => s !== stage);
  };
  if (discovery < MIN_DISCOVERY) drop("discovery");
  // An offer can come inside an answer to an objection ("for the same coverage it's 1,420 a year").
  if (pitches === 0)
    for (const turn of turns)
      if (handling.has(turn.index) && pitchScore(turn.clean) >= 2) {
        (tags[turn.index] as TCallStage[]).unshift("presentation");
        pitches++;
      }
  return tags;
}

/** Spans in call order: a turn with two stages is split between them; untagged turns join the last. */
export function stageSpans(turns: TTurn[], tags: TStageTags): TCallStageSpan[] {
  const spans: TCallStageSpan[] = [];
  let current: TCallStage = "greeting";
  const extend = (stage: TCallStage, start: number, end: number) => {
    const last = spans[spans.length - 1];
    if (last && last.stage === stage) last.end = Math.max(last.end, end);
    else spans.push({ stage, start, end });
  };
  for (const turn of turns) {
    const own = tags[turn.index] ?? [];
    if (own.length === 0) {
      extend(current, turn.start, turn.end);
      continue;
    }
    const share = (turn.end - turn.start) / own.length;
    for (const [k, stage] of own.entries()) {
      current = stage;
      extend(stage, turn.start + k * share, turn.start + (k + 1) * share);
    }
  }
  return mergeShortSpans(spans);
}

/** Keeps the list within the contract's 50 by folding the shortest spans into their neighbours. */
function mergeShortSpans(spans: TCallStageSpan[]): TCallStageSpan[] {
  const out = [...spans];
  while (out.length > 50) {
    let shortest = 1;
    for (let i = 1; i < out.length; i++)
      if (
        (out[i] as TCallStageSpan).end - (out[i] as TCallStageSpan).start <
        (out[shortest] as TCallStageSpan).end - (out[shortest] as TCallStageSpan).start
      )
        shortest = i;
    const before = out[shortest - 1] as TCallStageSpan;
    before.end = (out[shortest] as TCallStageSpan).end;
    out.splice(shortest, 1);
    const after = out[shortest];
    if (after && after.stage === before.stage) {
      before.end = after.end;
      out.splice(shortest, 1);
    }
  }
  return out;
}

/** The stages that occur, in the canonical order (the eval's format). */
export function stagesPresent(spans: TCallStageSpan[]): TCallStage[] {
  const seen = new Set(spans.map((s) => s.stage));
  return CALL_STAGES.filter((stage) => seen.has(stage));
}

/** The first turn with a stage, or -1. */
export function firstWith(tags: TStageTags, stage: TCallStage): number {
  return tags.findIndex((own) => own.includes(stage));
}

/** The last turn with a stage, or -1. */
export function lastWith(tags: TStageTags, stage: TCallStage): number {
  return tags.findLastIndex((own) => own.includes(stage));
}

export function countWith(tags: TStageTags, stage: TCallStage): number {
  return tags.filter((own) => own.includes(stage)).length;
}
