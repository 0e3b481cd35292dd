import { CALL_STAGES, type TCallStage, type TCallStageSpan } from "@plaibook/shared";
import type { TFoundObjection } from "./objections.js";
import type { TTurn } from "./transcript.js";

/**
 * The call's stages, read from the rep's turns: the opening (greeting), questions about the
 * customer's situation (discovery), the offer (presentation), answers to objections
 * (objection_handling), asking for the sale or the booking (close) and a concrete next step
 * (next_steps). Each rep turn gets at most one stage; the customer's turns and untagged rep turns
 * belong to the stage before them; neighbouring turns of one stage make a span.
 */

/** Opening questions that are not discovery: who is this, is now a good time. */
const OPENING_QUESTION =
  /\b(?:is this|am i speaking|speaking with|how are you|how is (?:it going|your day)|good time|okay time|ok time|bad time|catch you|do you have (?:a )?(?:minute|moment|sec|second|few minutes)|can you hear me|still there|how can i help|what can i do for you|is (?:\w+ )?(?:there|available|home)\b)/;
/** Logistics and check-ins that are not discovery. */
const ADMIN_QUESTION =
  /\b(?:same address|best (?:number|email|phone|way)|email address|spell|card|expiration|zip|your name|can i get your (?:name|email|number|address)|anything else|sound good|sounds good|make sense|does that (?:work|sound|help|make sense)|right\?$|okay\?$|ok\?$|fair\?$|cool\?$|you there)\b/;
const SITUATION_QUESTION =
  /\b(?:what|how|when|where|which|who|why|do you|does (?:it|the|your)|did you|are you|is (?:it|the|your|there)|have you|has (?:it|the|your)|any|tell me|walk me through|can i ask|were you|was it|would you say)\b/;
const PITCH =
  /\b(?:we (?:offer|provide|install|include|guarantee|cover|use|treat|do a|do free|would|will|can|come out|have a|have an|have our|put|send out|take care)|our (?:plan|package|program|special|promotion|team|techs?|technicians?|warranty|guarantee|membership|service|system|policy|financing|crew|product|process|installers?|trainers?|packages|plans|coverage|monitoring)|(?:what i would|i would|i will|i can|i'd) (?:recommend|suggest|do for you)|here is (?:how|what)|here's (?:how|what)|the way (?:it|this|that) works|how it works|(?:it|that|this|the plan|the package|the system|the membership|the policy|the service|each visit|the treatment) (?:includes|comes with|covers|gives you|gets you|means)|you (?:would|will) (?:get|be getting|save|pay|have|be looking at|be covered)|(?:price|cost|rate|payment|premium|total) (?:is|would be|comes (?:out )?to|will be|runs)|comes (?:out )?to|per (?:month|year|visit|week|session)|a month\b|\$\d)/;
const CLOSE =
  /\b(?:(?:want|would you like|ready|shall we|should we|can we|could we|let us|let's|like) (?:me )?(?:to )?(?:go ahead|get (?:you|that|it|this|the \w+) (?:started|scheduled|booked|set up|on the (?:calendar|schedule|books)|in)|lock (?:that|it|this|you) in|sign|book|schedule|put you down|move forward|get started|do (?:it|this)|enroll|grab (?:that|a|the) (?:spot|slot|time)|reserve|get you (?:on|in|set up|signed up|started|scheduled|booked)|set (?:that|it|you) up|start)|can i (?:get you|put you|go ahead|sign you|book you|schedule you|lock)|(?:get|put) you (?:on|in|down for) (?:the|our|a)|sign you up|(?:i|we) (?:have|got) (?:an? )?(?:opening|openings|slot|slots|spot|spots|window|windows|availability)|(?:how|what) (?:does|about|is) (?:\w+ ){0,2}(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|morning|afternoon|evening)\b[^.]*\?|(?:which|what) (?:day|time|works better|works best|would work)|(?:morning|afternoon|am|pm) or (?:the )?(?:\w+ )?(?:morning|afternoon|evening|am|pm)?\??|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b[^.?]*\b(?:work|good)\b[^.]*\?|pull the trigger|want to do it|(?:are you|you) ready to)\b/;
const NEXT_STEP =
  /\b(?:(?:i will|i am going to|we will|i can|let me) (?:send|email|text|call|follow up|reach out|get|put|schedule|have|mail|drop|forward|see you|swing by|be there|check|book|set up|give you a call)|you (?:will|should) (?:get|receive|see|hear)|(?:the|our|your) (?:tech|technician|installer|inspector|advisor|crew|team|estimator|coordinator|manager|specialist|project manager|consultant|trainer|nurse|agent) (?:will|is going to|can)|(?:confirmation|reminder|calendar invite|invite|welcome) (?:text|email|call|packet|message)?|see you (?:then|on|at|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next)|talk (?:to you )?(?:then|on|tomorrow|next|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:call|give) me a (?:call|ring)? ?back|call (?:me|us) back at|my (?:number|direct line|cell) is|reach me at|(?:i will|i'll) (?:try|call) you (?:back |again )?(?:at|on|tomorrow|later|next|after|around|in)|you are (?:all )?(?:set|booked|scheduled|confirmed) for)\b/;
/** A next step is concrete when it has a when or a what. */
const CONCRETE =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|today|this (?:afternoon|evening|week)|next (?:week|month)|morning|afternoon|evening|\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|email|text|invite|confirmation|reminder|proposal|quote|estimate|number|link|contract|agreement|paperwork|address|window)\b/;

export type TStageTags = (TCallStage | null)[];

function isDiscoveryQuestion(turn: TTurn): boolean {
  if (!/\?/.test(turn.clean)) return false;
  const questions = turn.clean.split(/(?<=\?)/).filter((q) => q.includes("?"));
  return questions.some(
    (q) =>
      SITUATION_QUESTION.test(q) && !OPENING_QUESTION.test(q) && !ADMIN_QUESTION.test(q) && !CLOSE.test(q),
  );
}

/** One stage (or none) per turn. */
export function tagStages(turns: TTurn[], objections: TFoundObjection[]): TStageTags {
  const tags: TStageTags = turns.map(() => null);
  const handlingTurns = new Set(objections.filter((o) => o.handled).flatMap((o) => o.responseIndexes));
  const firstRep = turns.find((t) => t.role === "rep");
  let discoveryQuestions = 0;
  let pitches = 0;
  for (const turn of turns) {
    if (turn.role !== "rep") continue;
    const early = turn.start - (firstRep?.start ?? 0) < 40 && turn.index <= (firstRep?.index ?? 0) + 4;
    if (handlingTurns.has(turn.index)) tags[turn.index] = "objection_handling";
    else if (CLOSE.test(turn.clean) && !early) tags[turn.index] = "close";
    else if (NEXT_STEP.test(turn.clean) && CONCRETE.test(turn.clean)) tags[turn.index] = "next_steps";
    else if (PITCH.test(turn.clean) && turn.words >= 8 && !early) {
      tags[turn.index] = "presentation";
      pitches++;
    } else if (isDiscoveryQuestion(turn) && !(turn.index === firstRep?.index)) {
      tags[turn.index] = "discovery";
      discoveryQuestions++;
    }
  }
  if (firstRep) tags[firstRep.index] = "greeting";
  // One stray question is not a discovery stage, one line with a price is not a presentation.
  if (discoveryQuestions < 2) for (const [i, tag] of tags.entries()) if (tag === "discovery") tags[i] = null;
  if (pitches < 2) for (const [i, tag] of tags.entries()) if (tag === "presentation") tags[i] = null;
  return tags;
}

/** Spans in call order: untagged turns join the stage before them. */
export function stageSpans(turns: TTurn[], tags: TStageTags): TCallStageSpan[] {
  const spans: TCallStageSpan[] = [];
  let current: TCallStage = "greeting";
  for (const turn of turns) {
    const tag = tags[turn.index] ?? null;
    if (tag) current = tag;
    const last = spans[spans.length - 1];
    if (last && last.stage === current) last.end = Math.max(last.end, turn.end);
    else spans.push({ stage: current, start: turn.start, end: turn.end });
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
