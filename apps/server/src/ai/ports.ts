import type {
  TAgentState,
  TAnalyzerSegment,
  TBookableSlot,
  TCallAnalysis,
  TConversationRollup,
  TCustomObjection,
  TMergeField,
  TOrgAiSettings,
  TPlaybookContent,
  TSmsClassification,
  TTurnVerdict,
} from "@plaibook/shared";
import type { TCrmCustomer } from "../integrations/ports.js";

/**
 * AI ports. Two engines implement each: `offline/` (deterministic, the default) and `llm/` (the AI SDK
 * through OpenRouter). `routing.ts` chains them: primary model → fallback model → offline.
 */

/** What one model call cost us; the offline engine reports zero tokens. */
export type TModelUsage = {
  engine: "offline" | "llm";
  model: string;
  latencyMs: number;
  inputTokens: number;
  outputTokens: number;
};

export type TTurnRole = "lead" | "agent" | "human";
/** `author` tells the org's templates (`system`: campaign touches, compliance replies) from replies. */
export type TTurn = {
  role: TTurnRole;
  text: string;
  at: string;
  author?: "lead" | "ai" | "human" | "system";
};

export type TClassifyInput = {
  text: string;
  /** Earlier messages, oldest first. */
  context: { role: "agent" | "lead"; text: string }[];
  /** The lead's IANA zone: dates and times are read there. */
  timeZone: string;
  sentAt: Date;
};

export interface SmsClassifier {
  classify(input: TClassifyInput): Promise<{ classification: TSmsClassification; usage: TModelUsage }>;
}

export type TResponderContext = {
  playbook: TPlaybookContent;
  /** Merge-field values for this lead and org. */
  merge: Partial<Record<TMergeField, string | null>>;
  lead: { firstName: string | null; phone: string; timeZone: string };
  /** What the CRM knows about the lead, when the org has one and it knows them. */
  crm: TCrmCustomer | null;
  /** The conversation so far, oldest first; the lead's new message is last. */
  history: TTurn[];
  state: TAgentState;
  now: Date;
  settings: TOrgAiSettings;
};

export type TBookingResult =
  | { ok: true; appointmentId: string; slot: TBookableSlot }
  | { ok: false; reason: string };

/**
 * Tools the agent may use. Our code runs them, with guards: only a slot offered to the lead (or
 * listed for them in this turn) can be booked, and the calendar refuses double bookings.
 */
export interface TAgentTools {
  lookupCustomer(): Promise<TCrmCustomer | null>;
  listOpenSlots(query: { from: Date; to: Date; limit: number }): Promise<TBookableSlot[]>;
  bookAppointment(slotId: string): Promise<TBookingResult>;
}

export type TAgentReply = {
  /** The SMS to send; null when the agent stays silent (e.g. it handed over without a word). */
  message: string | null;
  handover: { reason: string } | null;
  state: TAgentState;
  /** How the lead's message was read (the offline engine always says; an LLM may not). */
  classification: TSmsClassification | null;
  usage: TModelUsage[];
};

export interface Responder {
  reply(context: TResponderContext, tools: TAgentTools): Promise<TAgentReply>;
}

export type TTurnAnalysisInput = {
  playbook: TPlaybookContent;
  /** The conversation up to and including the turn being judged. */
  history: TTurn[];
  turn: TTurn & { direction: "inbound" | "outbound" };
  previous: TConversationRollup;
  /** The lead's IANA zone, for any time they mention. */
  timeZone: string;
};

export interface TurnAnalyzer {
  analyze(input: TTurnAnalysisInput): Promise<{ verdict: TTurnVerdict; usage: TModelUsage }>;
}

export type TCallAnalysisInput = {
  segments: TAnalyzerSegment[];
  industry?: string | null;
  /** The organisation's own objection subcategories, with example phrases. */
  customObjections: TCustomObjection[];
};

/** Reads a call transcript into stages, objections, outcome, talk metrics and coaching. */
export interface CallAnalyzer {
  analyze(input: TCallAnalysisInput): Promise<{ analysis: TCallAnalysis; usage: TModelUsage }>;
}
