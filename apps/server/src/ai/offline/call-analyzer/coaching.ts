import type { TCallAnalysis, TCallMetrics, TCoachingItem } from "@plaibook/shared";
import { repMonologues } from "./metrics.js";
import type { TFoundObjection } from "./objections.js";
import { countWith, firstWith, lastWith, type TStageTags } from "./stages.js";
import { clock, shortQuote, type TTurn } from "./transcript.js";

/**
 * Two to five coaching points, each tied to the moment it is about: what to fix first (an objection
 * left unanswered, a long monologue, too few questions, no next step, talking over the customer),
 * then what went well (an objection answered well, asking for the business, a dated next step).
 */

export type TCoachingInput = {
  turns: TTurn[];
  metrics: TCallMetrics;
  objections: TFoundObjection[];
  tags: TStageTags;
  outcome: TCallAnalysis["outcome"];
};

/** What to do with each kind of objection, in a rep's words. */
const ANSWER_ADVICE: Record<string, string> = {
  price:
    "Acknowledge it, then put the price next to what they pay now or what waiting costs, break it into a monthly or per-visit figure, and offer a smaller option or financing before asking again.",
  timing:
    "Ask what would change by then, show what waiting costs (season, price, a problem getting worse), and if they still want to wait, set a dated follow-up rather than an open 'call me later'.",
  authority:
    "Offer to bring the other decision-maker in: a short call or visit with both of them, or a one-page summary they can look at together, and book that time before hanging up.",
  need: "Ask a question that tests the 'we're fine' (when was it last checked, what happens if it fails) and link one concrete benefit to something they told you earlier.",
  competitor:
    "Ask what they like about their current provider and when their term ends, then offer a side-by-side comparison or a switch-over credit instead of arguing.",
  trust:
    "Name the concern, then give proof they can check: licence and insurance numbers, local reviews or references, a written guarantee, and say exactly what happens with their data or money.",
  other:
    "Ask a follow-up question to understand the reason, then say plainly whether and how the offer still works for them.",
};

const CATEGORY_NAME: Record<string, string> = {
  price: "price",
  timing: "timing",
  authority: "decision-maker",
  need: "no-need",
  competitor: "current-provider",
  trust: "trust",
  other: "",
};

type TCandidate = TCoachingItem & { priority: number };

function item(
  kind: TCoachingItem["kind"],
  priority: number,
  turn: TTurn,
  title: string,
  advice: string,
): TCandidate {
  return {
    kind,
    priority,
    title: title.slice(0, 120),
    advice: advice.slice(0, 600),
    at: turn.start,
    segmentIndex: turn.index,
  };
}

const nameOf = (category: string) => (CATEGORY_NAME[category] ? `${CATEGORY_NAME[category]} ` : "");

function improvements(input: TCoachingInput): TCandidate[] {
  const { turns, metrics, objections, tags, outcome } = input;
  const out: TCandidate[] = [];
  const at = (index: number) => turns[index] as TTurn;
  const callSeconds = (turns[turns.length - 1]?.end ?? 0) - (turns[0]?.start ?? 0);

  const unaddressed = objections.find((o) => o.handling === "unaddressed");
  if (unaddressed)
    out.push(
      item(
        "improvement",
        1,
        at(unaddressed.segmentIndex),
        `Answer the ${nameOf(unaddressed.category)}objection`,
        `At ${clock(unaddressed.at)} the customer said "${shortQuote(unaddressed.quote, 120)}" and it was not answered. ${ANSWER_ADVICE[unaddressed.category] ?? ANSWER_ADVICE.other}`,
      ),
    );
  const weak = objections.find((o) => o.handling === "weak");
  if (weak)
    out.push(
      item(
        "improvement",
        2,
        at(weak.responseIndexes[0] ?? weak.segmentIndex),
        `Go further on the ${nameOf(weak.category)}objection`,
        `When the customer said "${shortQuote(weak.quote, 100)}" (${clock(weak.at)}), the answer was short on substance. ${ANSWER_ADVICE[weak.category] ?? ANSWER_ADVICE.other}`,
      ),
    );
  const longest = repMonologues(turns).sort((a, b) => b.seconds - a.seconds)[0];
  if (longest && longest.seconds >= 60)
    out.push(
      item(
        "improvement",
        3,
        at(longest.firstIndex),
        "Break up long explanations",
        `From ${clock(longest.start)} you spoke for ${Math.round(longest.seconds)} seconds without the customer getting a word in. Stop after 30–40 seconds and check in with a question such as "How does that sound so far?"`,
      ),
    );
  const discovery = countWith(tags, "discovery");
  const firstPitch = firstWith(tags, "presentation");
  if (firstPitch >= 0 && discovery < 3 && callSeconds >= 120)
    out.push(
      item(
        "improvement",
        4,
        at(firstPitch),
        "Ask more before you pitch",
        `You moved to the offer at ${clock(at(firstPitch).start)} after ${discovery === 0 ? "no" : `only ${discovery}`} question${discovery === 1 ? "" : "s"} about the customer's situation. Ask at least three first (what made them look now, what they have today, what matters most) so the offer fits what they said.`,
      ),
    );
  const lastRep = [...turns].reverse().find((t) => t.role === "rep");
  if (
    !(firstWith(tags, "next_steps") >= 0) &&
    !["sold", "booked"].includes(outcome.label) &&
    lastRep &&
    callSeconds >= 60
  )
    out.push(
      item(
        "improvement",
        5,
        lastRep,
        "End with a dated next step",
        `The call ended at ${clock(lastRep.end)} without a set time for the next contact. Before hanging up, propose a specific day and time ("Can I call you Thursday at 4?") and confirm how you will reach them.`,
      ),
    );
  const overlaps = turns.filter((t, i) => {
    const before = turns[i - 1];
    return t.role === "rep" && before !== undefined && before.role !== "rep" && t.start < before.end - 0.5;
  });
  if (overlaps.length >= 2)
    out.push(
      item(
        "improvement",
        6,
        overlaps[0] as TTurn,
        "Let the customer finish",
        `You started talking before the customer had finished ${overlaps.length} times, first at ${clock((overlaps[0] as TTurn).start)}. Wait a beat after they stop; it shows you heard them and often brings out the real concern.`,
      ),
    );
  const firstClose = firstWith(tags, "close");
  if (firstClose < 0 && firstPitch >= 0 && !["sold", "booked"].includes(outcome.label)) {
    const lastPitch = lastWith(tags, "presentation");
    out.push(
      item(
        "improvement",
        7,
        at(lastPitch),
        "Ask for the booking",
        `After presenting (last at ${clock(at(lastPitch).start)}) you did not ask for the sale or an appointment. Close with a direct question that offers two options, e.g. "I have Tuesday morning or Thursday afternoon — which works better?"`,
      ),
    );
  }
  if (metrics.repTalkRatio > 0.7 && callSeconds >= 120 && longest && !(longest.seconds >= 60))
    out.push(
      item(
        "improvement",
        8,
        at(longest.firstIndex),
        "Let the customer talk more",
        `You talked ${Math.round(metrics.repTalkRatio * 100)}% of the time. Aim for under 60%: ask open questions and let silences run so the customer tells you what matters to them.`,
      ),
    );
  return out;
}

function strengths(input: TCoachingInput): TCandidate[] {
  const { turns, metrics, objections, tags } = input;
  const out: TCandidate[] = [];
  const at = (index: number) => turns[index] as TTurn;
  const handled =
    objections.find((o) => o.handling === "strong") ?? objections.find((o) => o.handling === "adequate");
  if (handled)
    out.push(
      item(
        "strength",
        1,
        at(handled.responseIndexes[0] ?? handled.segmentIndex),
        `Good handling of the ${nameOf(handled.category)}objection`,
        `When the customer said "${shortQuote(handled.quote, 100)}" (${clock(handled.at)}), you took it seriously and answered it directly${handled.handling === "strong" ? ", then checked back with a question" : ""}. Keep doing that: acknowledge, answer with specifics, then confirm it landed.`,
      ),
    );
  const firstClose = firstWith(tags, "close");
  if (firstClose >= 0)
    out.push(
      item(
        "strength",
        2,
        at(firstClose),
        "Asked for the business",
        `At ${clock(at(firstClose).start)} you asked a clear closing question instead of waiting for the customer to volunteer. Asking directly, with a specific option, is what moves calls forward.`,
      ),
    );
  const nextStep = lastWith(tags, "next_steps");
  if (nextStep >= 0)
    out.push(
      item(
        "strength",
        3,
        at(nextStep),
        "Clear next step",
        `At ${clock(at(nextStep).start)} you set out exactly what happens next and when, so the customer knows what to expect and the follow-up is not left to chance.`,
      ),
    );
  const discovery = countWith(tags, "discovery");
  if (discovery >= 5)
    out.push(
      item(
        "strength",
        4,
        at(firstWith(tags, "discovery")),
        "Thorough discovery",
        `You asked ${discovery} questions about the customer's situation before and during the pitch, starting at ${clock(at(firstWith(tags, "discovery")).start)}, and used the answers to shape the offer.`,
      ),
    );
  const firstCustomer = turns.find((t) => t.role !== "rep");
  if (metrics.interactivityPerMinute >= 4 && metrics.repTalkRatio <= 0.6 && firstCustomer)
    out.push(
      item(
        "strength",
        5,
        firstCustomer,
        "A real conversation",
        `The call went back and forth ${metrics.interactivityPerMinute.toFixed(1)} times a minute and you talked ${Math.round(metrics.repTalkRatio * 100)}% of the time, which keeps the customer engaged.`,
      ),
    );
  return out;
}

function fallbacks(turns: TTurn[]): TCandidate[] {
  const first = turns[0];
  const last = turns[turns.length - 1];
  if (!first || !last) return [];
  return [
    item(
      "improvement",
      9,
      first,
      "State the reason for the call up front",
      "Open with your name, your company and one sentence on why you are calling, so the customer knows in the first ten seconds what the call is about.",
    ),
    item(
      "improvement",
      10,
      last,
      "Recap before you hang up",
      "Before ending, repeat what was agreed — what happens next, when, and how you will be in touch — so nothing is left vague.",
    ),
  ];
}

export function coachCall(input: TCoachingInput): TCoachingItem[] {
  const fixes = improvements(input).sort((a, b) => a.priority - b.priority);
  const good = strengths(input).sort((a, b) => a.priority - b.priority);
  const chosen = [...fixes.slice(0, 3), ...good.slice(0, 2)];
  for (const extra of [...fixes.slice(3), ...good.slice(2), ...fallbacks(input.turns)]) {
    if (chosen.length >= 2) break;
    if (!chosen.some((c) => c.title === extra.title)) chosen.push(extra);
  }
  return chosen
    .slice(0, 5)
    .sort((a, b) => a.at - b.at)
    .map(({ priority: _, ...coaching }) => coaching);
}
