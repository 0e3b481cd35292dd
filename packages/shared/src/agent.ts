import { z } from "zod";
import {
  ZAgentState,
  ZCalendarSettings,
  ZConversationRollup,
  ZOrgAiSettings,
  ZSmsClassification,
  ZTurnVerdict,
} from "./ai.js";

/** One exchange in the playbook test console: nothing is texted or booked. */
export const ZConsoleTurnInput = z.object({
  playbookId: z.uuid(),
  /** Absent: the playbook's current version. */
  version: z.number().int().min(1).optional(),
  /** The chat so far, oldest first. */
  history: z
    .array(z.object({ role: z.enum(["lead", "agent"]), text: z.string().max(1600) }))
    .max(60)
    .default([]),
  message: z.string().trim().min(1, { error: "Type what the lead says" }).max(1600),
  state: ZAgentState.nullable().default(null),
  previous: ZConversationRollup.nullable().default(null),
  lead: z
    .object({
      firstName: z.string().trim().max(60).default("Alex"),
      timeZone: z.string().min(1).default("America/New_York"),
    })
    .default({ firstName: "Alex", timeZone: "America/New_York" }),
});
export type TConsoleTurnInput = z.input<typeof ZConsoleTurnInput>;

export const ZModelCall = z.object({
  engine: z.enum(["offline", "llm"]),
  model: z.string(),
  latencyMs: z.number(),
  inputTokens: z.number(),
  outputTokens: z.number(),
  failure: z.string().optional(),
});

export const ZConsoleTurnResult = z.object({
  reply: z.string().nullable(),
  handover: z.object({ reason: z.string() }).nullable(),
  state: ZAgentState,
  classification: ZSmsClassification.nullable(),
  leadVerdict: ZTurnVerdict,
  agentVerdict: ZTurnVerdict.nullable(),
  rollup: ZConversationRollup,
  calls: z.array(ZModelCall),
  costMicros: z.number().int(),
  playbookVersion: z.number().int(),
});
export type TConsoleTurnResult = z.infer<typeof ZConsoleTurnResult>;

export const ZAiSettingsView = z.object({
  ai: ZOrgAiSettings,
  calendar: ZCalendarSettings,
  /** False: no API key is configured, so the offline engine answers whatever is chosen. */
  llmAvailable: z.boolean(),
});
export type TAiSettingsView = z.infer<typeof ZAiSettingsView>;

export const ZEscalation = z.object({
  id: z.uuid(),
  conversationId: z.uuid(),
  leadId: z.uuid(),
  leadName: z.string(),
  campaignName: z.string().nullable(),
  source: z.enum(["agent", "overseer", "person"]),
  reason: z.string(),
  raisedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedByName: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  lastMessagePreview: z.string().nullable(),
});
export type TEscalation = z.infer<typeof ZEscalation>;

export const ZUsageDay = z.object({
  day: z.iso.date(),
  smsMicros: z.number().int(),
  aiMicros: z.number().int(),
  segments: z.number().int(),
  tokens: z.number().int(),
  modelCalls: z.number().int(),
});
export const ZUsageSummary = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  days: z.array(ZUsageDay),
  totals: z.object({
    costMicros: z.number().int(),
    smsMicros: z.number().int(),
    aiMicros: z.number().int(),
    segments: z.number().int(),
    tokens: z.number().int(),
    modelCalls: z.number().int(),
  }),
  byModel: z.array(
    z.object({
      model: z.string(),
      calls: z.number().int(),
      tokens: z.number().int(),
      costMicros: z.number().int(),
      failures: z.number().int(),
    }),
  ),
});
export type TUsageSummary = z.infer<typeof ZUsageSummary>;

export const ZAppointment = z.object({
  id: z.uuid(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.string(),
  provider: z.string(),
  externalId: z.string().nullable(),
  bookedBy: z.string(),
});
export type TAppointment = z.infer<typeof ZAppointment>;
