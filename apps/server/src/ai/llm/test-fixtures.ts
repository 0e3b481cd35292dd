import {
  EMPTY_AGENT_STATE,
  type TBookableSlot,
  type TConversationRollup,
  type TOrgAiSettings,
  type TPlaybookContent,
  ZOrgAiSettings,
} from "@plaibook/shared";
import type { TAgentTools, TBookingResult, TResponderContext } from "../ports.js";

/** Test data for the LLM engines and routing (imported by tests only). */

export const testPlaybook: TPlaybookContent = {
  persona: { agentName: "Sam", tone: "Warm and brief", description: "Sam books lawn-care estimates." },
  goal: "Book a free lawn-care estimate.",
  stages: [
    {
      key: "greet",
      name: "Greet",
      goal: "Say hello and confirm interest.",
      questions: ["Are you still looking for help with your lawn?"],
      advanceWhen: "The lead is interested.",
    },
    {
      key: "book",
      name: "Book",
      goal: "Book the estimate.",
      questions: ["What day works for you?"],
      advanceWhen: "An appointment is booked.",
    },
  ],
  objectionHandlers: [{ category: "price", response: "The estimate is free, no obligation." }],
  faq: [{ question: "Do you treat weeds?", answer: "Yes, weed control is part of every plan." }],
  booking: { enabled: true, appointmentMinutes: 30, leadTimeHours: 2, instructions: "" },
  escalation: { keywords: ["lawyer"], onNegativeSentimentTurns: 2, onHumanRequest: true },
  forbiddenPhrases: ["guaranteed results"],
  templates: { firstTouch: "Hi {{firstName}}, it's {{agentName}}!", followUps: [] },
};

export const testSettings: TOrgAiSettings = ZOrgAiSettings.parse({
  model: "openai/gpt-4o-mini",
  fallbackModel: "anthropic/claude-3.5-haiku",
  timeoutMs: 1000,
});

export const slotA: TBookableSlot = {
  id: "slot-a",
  start: "2026-03-05T15:00:00.000Z",
  end: "2026-03-05T15:30:00.000Z",
};
export const slotB: TBookableSlot = {
  id: "slot-b",
  start: "2026-03-05T16:00:00.000Z",
  end: "2026-03-05T16:30:00.000Z",
};

export function buildResponderContext(overrides: Partial<TResponderContext> = {}): TResponderContext {
  return {
    playbook: testPlaybook,
    merge: { firstName: "Dana", agentName: "Sam", businessName: "Green Co" },
    lead: { firstName: "Dana", phone: "+15555550100", timeZone: "America/New_York" },
    crm: null,
    history: [
      {
        role: "agent",
        text: "Hi Dana, it's Sam from Green Co! Still need help with your lawn?",
        at: "2026-03-04T14:00:00Z",
      },
      { role: "lead", text: "Yes, can you come Thursday morning?", at: "2026-03-04T14:05:00Z" },
    ],
    state: { ...EMPTY_AGENT_STATE, stage: "greet" },
    now: new Date("2026-03-04T14:05:00Z"),
    settings: testSettings,
    ...overrides,
  };
}

/** Agent tools that record their calls; booking succeeds for any slot it is given. */
export function buildRecordingTools(slots: TBookableSlot[] = [slotA, slotB]) {
  const calls = {
    lookupCustomer: 0,
    listOpenSlots: [] as { from: Date; to: Date; limit: number }[],
    bookAppointment: [] as string[],
  };
  const tools: TAgentTools = {
    async lookupCustomer() {
      calls.lookupCustomer += 1;
      return null;
    },
    async listOpenSlots(query) {
      calls.listOpenSlots.push(query);
      return slots.slice(0, query.limit);
    },
    async bookAppointment(slotId): Promise<TBookingResult> {
      calls.bookAppointment.push(slotId);
      const slot = slots.find((candidate) => candidate.id === slotId);
      return slot
        ? { ok: true, appointmentId: `appt-${slotId}`, slot }
        : { ok: false, reason: "No such slot" };
    },
  };
  return { tools, calls };
}

export const emptyRollup: TConversationRollup = {
  turns: 0,
  currentStage: null,
  sentimentTrend: [],
  averageAdherence: null,
  runningSummary: "",
  escalated: false,
  escalateReason: null,
};
