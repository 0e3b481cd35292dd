import {
  countSegments,
  objectionCategoryOf,
  type TPlaybookContent,
  type TTurnVerdict,
} from "@plaibook/shared";
import type { TTurn, TTurnAnalysisInput, TurnAnalyzer } from "../ports.js";
import { classifySms, matchFaq } from "./classifier/index.js";
import { containsForbidden, sameMessage } from "./compose.js";
import { OFFLINE_MODEL } from "./responder.js";

const SLOT_OFFER = /\b(i have|opening|available)\b.*\b\d{1,2}(:\d{2})?\s?(am|pm)\b/i;
const BOOKED = /\b(you'?re (all set|booked)|booked for|confirmed for)\b/i;
const HANDOVER = /\b(teammate|manager|member of our team|a person)\b.*\b(text|call|get back|contact)/i;

/**
 * The offline Overseer: judges each turn by rules. A lead's turn gets its sentiment, stage and any
 * reason to escalate; an agent's turn is scored for playbook adherence (forbidden phrases, length,
 * repetition, questions and objections left unanswered, pushing after a refusal).
 */
export function createOfflineTurnAnalyzer(): TurnAnalyzer {
  return {
    async analyze(input) {
      const started = performance.now();
      const verdict = input.turn.direction === "inbound" ? judgeLeadTurn(input) : judgeAgentTurn(input);
      return {
        verdict,
        usage: {
          engine: "offline",
          model: OFFLINE_MODEL,
          latencyMs: Math.round(performance.now() - started),
          inputTokens: 0,
          outputTokens: 0,
        },
      };
    },
  };
}

function classify(turn: TTurn, history: TTurn[], timeZone: string) {
  return classifySms({
    text: turn.text,
    context: history.slice(0, -1).map((t) => ({ role: t.role === "lead" ? "lead" : "agent", text: t.text })),
    timeZone,
    sentAt: new Date(turn.at),
  });
}

function judgeLeadTurn(input: TTurnAnalysisInput): TTurnVerdict {
  const c = classify(input.turn, input.history, input.timeZone);
  const { playbook, previous } = input;
  const threshold = playbook.escalation.onNegativeSentimentTurns;
  const recent = [...previous.sentimentTrend.slice(-(threshold - 1)), c.sentimentScore];
  const negativeRun = recent.length >= threshold && recent.every((s) => s <= -0.25);
  const lower = input.turn.text.toLowerCase();
  const keyword = playbook.escalation.keywords.find((k) => lower.includes(k.toLowerCase()));
  let escalateReason: string | null = null;
  if (c.escalate) escalateReason = c.escalateReason ?? "The lead's message needs a person";
  else if (c.humanRequest && playbook.escalation.onHumanRequest)
    escalateReason = "The lead asked for a person";
  else if (keyword) escalateReason = `Escalation keyword: "${keyword}"`;
  else if (negativeRun) escalateReason = `Negative sentiment in ${threshold} lead messages in a row`;
  const stage =
    c.intent === "appointment_request" || c.mentionedTime
      ? (bookingStage(playbook) ?? previous.currentStage)
      : previous.currentStage;
  return {
    stage: stage ?? playbook.stages[0]?.key ?? "start",
    sentiment: round(c.sentimentScore),
    escalate: escalateReason !== null,
    escalateReason,
    adherence: 100,
    violations: [],
    summary: leadSummary(c.intent, c.objection, c.mentionedTime?.datetime ?? c.mentionedTime?.date ?? null),
  };
}

function judgeAgentTurn(input: TTurnAnalysisInput): TTurnVerdict {
  const { playbook, previous, turn, history } = input;
  const text = turn.text;
  const violations: string[] = [];
  let score = 100;
  const breach = (rule: string, cost: number) => {
    violations.push(rule);
    score -= cost;
  };
  const forbidden = containsForbidden(text, playbook.forbiddenPhrases);
  if (forbidden) breach(`Used a forbidden phrase: "${forbidden}"`, 40);
  // Campaign touches are the org's own templates (with the required opt-out footer): only replies are held to two segments.
  if (turn.author !== "system" && countSegments(text).segments > 2)
    breach("Longer than two SMS segments", 15);
  const before = history.slice(0, -1);
  const previousAgent = [...before].reverse().find((t) => t.role !== "lead");
  if (sameMessage(previousAgent?.text, text)) breach("Repeated the previous message word for word", 20);
  if (/\{\{\s*\w+\s*\}\}/.test(text)) breach("Left a merge field unfilled", 20);
  const lastLead = [...before].reverse().find((t) => t.role === "lead");
  const leadReading = lastLead ? classify(lastLead, before, input.timeZone) : null;
  if (leadReading?.intent === "question") {
    const faq = matchFaq(lastLead?.text ?? "", playbook.faq);
    const answer = faq === null ? null : playbook.faq[faq]?.answer;
    if (answer && !sharesSubstance(text, answer))
      breach("Did not give the playbook's answer to the lead's question", 20);
  }
  if (leadReading?.intent === "objection") {
    const category = objectionCategoryOf(leadReading.objection);
    const handler = playbook.objectionHandlers.find((h) => h.category === category);
    if (handler && !sharesSubstance(text, handler.response))
      breach(`Did not use the playbook's ${category} objection handler`, 20);
  }
  if (
    leadReading &&
    (leadReading.intent === "not_interested" || leadReading.intent === "wrong_number") &&
    SLOT_OFFER.test(text)
  )
    breach("Kept selling after the lead declined", 30);
  if (!playbook.booking.enabled && (SLOT_OFFER.test(text) || BOOKED.test(text)))
    breach("Offered appointments although this playbook does not book", 25);
  const stage = agentStage(playbook, text, previous.currentStage);
  return {
    stage,
    sentiment: 0,
    escalate: false,
    escalateReason: null,
    adherence: Math.max(0, score),
    violations,
    summary: agentSummary(text),
  };
}

/** Shares enough content words (a price, a distinctive term) to count as using that answer. */
function sharesSubstance(reply: string, source: string): boolean {
  const words = (s: string) =>
    new Set(
      s
        .toLowerCase()
        .match(/\$?\d[\d,.]*|[a-z]{5,}/g)
        ?.filter((w) => !STOP.has(w)) ?? [],
    );
  const a = words(reply);
  const b = [...words(source)];
  if (b.length === 0) return true;
  const shared = b.filter((w) => a.has(w)).length;
  return shared / b.length >= 0.3 || b.some((w) => w.startsWith("$") && a.has(w));
}

const STOP = new Set([
  "there",
  "their",
  "about",
  "would",
  "could",
  "should",
  "which",
  "where",
  "these",
  "those",
]);

function bookingStage(playbook: TPlaybookContent): string | null {
  if (!playbook.booking.enabled) return null;
  const named = playbook.stages.find((s) => /book|schedul|appoint|slot/i.test(`${s.key} ${s.name}`));
  return named?.key ?? playbook.stages.at(-2)?.key ?? null;
}

/** The agent's stage: the one whose question it asked, booking when it offers or books slots. */
function agentStage(playbook: TPlaybookContent, text: string, current: string | null): string {
  const asked = playbook.stages.find((s) => s.questions.some((q) => text.includes(q)));
  if (BOOKED.test(text)) {
    const booking = playbook.stages.findIndex((s) => s.key === bookingStage(playbook));
    return playbook.stages[booking + 1]?.key ?? asked?.key ?? current ?? playbook.stages[0]?.key ?? "start";
  }
  if (SLOT_OFFER.test(text)) return bookingStage(playbook) ?? current ?? playbook.stages[0]?.key ?? "start";
  return asked?.key ?? current ?? playbook.stages[0]?.key ?? "start";
}

const INTENT_PHRASES: Record<string, string> = {
  interested: "Lead is interested",
  question: "Lead asked a question",
  objection: "Lead raised an objection",
  appointment_request: "Lead asked for an appointment",
  reschedule: "Lead wants to reschedule",
  not_interested: "Lead declined",
  opt_out: "Lead opted out",
  wrong_number: "Wrong number",
  already_customer: "Lead is already a customer",
  human_request: "Lead asked for a person",
  other: "Lead replied",
};

function leadSummary(intent: string, objection: string | null, when: string | null): string {
  const base = INTENT_PHRASES[intent] ?? "Lead replied";
  if (objection) return `${base} (${objection.replace("/", ": ").replace(/_/g, " ")})`;
  if (when) return `${base} for ${when.replace("T", " ")}`;
  return base;
}

function agentSummary(text: string): string {
  if (BOOKED.test(text)) return "Agent booked the appointment";
  if (SLOT_OFFER.test(text)) return "Agent offered appointment slots";
  if (HANDOVER.test(text)) return "Agent handed the conversation to a person";
  if (text.trim().endsWith("?")) return "Agent answered and asked the next question";
  return "Agent replied";
}

const round = (n: number) => Math.round(n * 100) / 100;
