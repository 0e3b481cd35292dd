import { z } from "zod";

/** What a lead's SMS is trying to do (one per message; `opt_out` wins over everything). */
export const SMS_INTENTS = [
  "interested",
  "question",
  "objection",
  "appointment_request",
  "reschedule",
  "not_interested",
  "opt_out",
  "wrong_number",
  "already_customer",
  "human_request",
  "other",
] as const;
export const ZSmsIntent = z.enum(SMS_INTENTS);
export type TSmsIntent = z.infer<typeof ZSmsIntent>;

/** Objection taxonomy, category → subcategories. `other` has none. */
export const OBJECTION_TAXONOMY = {
  price: ["too_expensive", "budget", "found_cheaper", "hidden_fees"],
  timing: ["not_now", "call_back_later", "seasonal"],
  authority: ["spouse_partner", "landlord_owner", "boss_committee"],
  need: ["not_interested", "no_problem_now", "diy"],
  competitor: ["current_provider", "under_contract"],
  trust: ["skeptical_results", "bad_past_experience", "scam_concern", "privacy"],
  other: [],
} as const satisfies Record<string, readonly string[]>;
export type TObjectionTaxonomyCategory = keyof typeof OBJECTION_TAXONOMY;
export const OBJECTION_TAXONOMY_CATEGORIES = Object.keys(OBJECTION_TAXONOMY) as TObjectionTaxonomyCategory[];

/** Every label an objection may carry: `category/subcategory`, or `other`. */
export const OBJECTION_LABELS: readonly string[] = [
  ...Object.entries(OBJECTION_TAXONOMY).flatMap(([category, subs]) =>
    (subs as readonly string[]).map((sub) => `${category}/${sub}`),
  ),
  "other",
];
export const ZObjectionLabel = z.string().refine((label) => OBJECTION_LABELS.includes(label), {
  error: `Objection must be one of ${OBJECTION_LABELS.join(", ")}`,
});

export function objectionCategoryOf(label: string | null): TObjectionTaxonomyCategory | null {
  if (!label) return null;
  const category = label.split("/")[0] as TObjectionTaxonomyCategory;
  return category in OBJECTION_TAXONOMY ? category : null;
}

export const SENTIMENTS = ["positive", "neutral", "negative"] as const;
export const ZSentimentLabel = z.enum(SENTIMENTS);
export type TSentimentLabel = z.infer<typeof ZSentimentLabel>;

export const CALL_OUTCOMES = ["booked", "sold", "follow_up", "lost", "no_decision"] as const;
export const CALL_STAGES = [
  "greeting",
  "discovery",
  "presentation",
  "objection_handling",
  "close",
  "next_steps",
] as const;

/**
 * A time the lead mentioned, in their own zone. `datetime` is set only when both a day and a time are
 * known ("thursday at 10" → 2026-03-05T10:00); a bare day or a bare time fills only its half.
 */
export const ZMentionedTime = z.object({
  date: z.iso.date().nullable(),
  time: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .nullable(),
  /** "after 3", "any time after lunch": the time is the earliest acceptable. */
  after: z.boolean(),
  datetime: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
    .nullable(),
  text: z.string(),
});
export type TMentionedTime = z.infer<typeof ZMentionedTime>;

/** What the classifier reads in one inbound SMS. */
export const ZSmsClassification = z.object({
  intent: ZSmsIntent,
  /** `category/subcategory` or `other`; set exactly when the intent is `objection`. */
  objection: ZObjectionLabel.nullable(),
  sentiment: ZSentimentLabel,
  /** −1 (hostile) … 1 (delighted). */
  sentimentScore: z.number().min(-1).max(1),
  mentionedTime: ZMentionedTime.nullable(),
  /** Anger, abuse, legal or regulatory threats, compliance risk, emergencies, complaints from customers. */
  escalate: z.boolean(),
  escalateReason: z.string().nullable(),
  /** The lead asked for a person (calm or not). */
  humanRequest: z.boolean(),
  /** 0..1 confidence in the intent. */
  confidence: z.number().min(0).max(1),
});
export type TSmsClassification = z.infer<typeof ZSmsClassification>;

/** The Overseer's verdict on one turn. */
export const ZTurnVerdict = z.object({
  /** A stage key of the playbook. */
  stage: z.string().min(1).max(40),
  sentiment: z.number().min(-1).max(1),
  escalate: z.boolean(),
  escalateReason: z.string().max(300).nullable(),
  adherence: z.number().int().min(0).max(100),
  violations: z.array(z.string().max(200)).max(10),
  summary: z.string().min(1).max(240),
});
export type TTurnVerdict = z.infer<typeof ZTurnVerdict>;

export const ZTurnAnalysis = ZTurnVerdict.extend({
  id: z.string(),
  conversationId: z.uuid(),
  messageId: z.uuid().nullable(),
  turnIndex: z.number().int(),
  direction: z.enum(["inbound", "outbound"]),
  model: z.string(),
  latencyMs: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  createdAt: z.string(),
});
export type TTurnAnalysis = z.infer<typeof ZTurnAnalysis>;

/** A conversation's Overseer state, rebuilt from the append-only log. */
export const ZConversationRollup = z.object({
  turns: z.number().int(),
  currentStage: z.string().nullable(),
  /** Sentiment of the last turns, oldest first (at most 20). */
  sentimentTrend: z.array(z.number()),
  averageAdherence: z.number().nullable(),
  runningSummary: z.string(),
  escalated: z.boolean(),
  escalateReason: z.string().nullable(),
});
export type TConversationRollup = z.infer<typeof ZConversationRollup>;

export const ZBookableSlot = z.object({
  /** Stable id: the internal calendar uses the start instant, a CRM its own spot id. */
  id: z.string(),
  start: z.iso.datetime({ offset: true }),
  end: z.iso.datetime({ offset: true }),
});
export type TBookableSlot = z.infer<typeof ZBookableSlot>;

/** Where a conversation's dialogue stands; kept on the conversation and passed back each turn. */
export const ZAgentState = z.object({
  stage: z.string().nullable(),
  /** Questions of the playbook already asked (stage key + index). */
  asked: z.array(z.string()).default([]),
  /** Slots proposed to the lead and not yet taken: only these can be booked. */
  offeredSlots: z.array(ZBookableSlot).default([]),
  booked: z
    .object({ appointmentId: z.string(), start: z.string(), end: z.string() })
    .nullable()
    .default(null),
  negativeStreak: z.number().int().default(0),
  done: z.boolean().default(false),
});
export type TAgentState = z.infer<typeof ZAgentState>;
export const EMPTY_AGENT_STATE: TAgentState = {
  stage: null,
  asked: [],
  offeredSlots: [],
  booked: null,
  negativeStreak: 0,
  done: false,
};

/** The org's model routing. With no API key the offline engine answers whatever is chosen here. */
export const ZOrgAiSettings = z.object({
  engine: z.enum(["auto", "offline"]).default("auto"),
  model: z.string().trim().min(1).max(120).default("openai/gpt-4o-mini"),
  fallbackModel: z.string().trim().max(120).default("anthropic/claude-3.5-haiku"),
  temperature: z.number().min(0).max(1.5).default(0.3),
  /** Extra voice instructions on top of the playbook's persona. */
  persona: z.string().trim().max(1000).default(""),
  timeoutMs: z.number().int().min(1000).max(60000).default(8000),
});
export type TOrgAiSettings = z.infer<typeof ZOrgAiSettings>;

/** When the internal calendar takes bookings, in the business's zone. */
export const ZCalendarSettings = z
  .object({
    timeZone: z.string().min(1).default("America/New_York"),
    /** ISO weekdays, 1 = Monday. */
    days: z.array(z.number().int().min(1).max(7)).min(1).default([1, 2, 3, 4, 5, 6]),
    start: z
      .string()
      .regex(/^\d{2}:\d{2}$/)
      .default("08:00"),
    end: z
      .string()
      .regex(/^\d{2}:\d{2}$/)
      .default("18:00"),
    /** Slots start on this grid (minutes). */
    slotStepMinutes: z.number().int().min(5).max(240).default(30),
  })
  .refine((c) => c.start < c.end, { error: "The day must end after it starts", path: ["end"] });
export type TCalendarSettings = z.infer<typeof ZCalendarSettings>;
