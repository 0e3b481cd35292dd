import type { TAgentState, TBookableSlot, TPlaybookContent } from "@plaibook/shared";
import { generateText, type ModelMessage, Output, stepCountIs } from "ai";
import { DateTime } from "luxon";
import { z } from "zod";
import type { TAgentReply, TAgentTools, TResponderContext, TTurn } from "../ports.js";
import { createAgentToolSet, describeSlot, type TToolLog } from "./agent-tools.js";
import { attemptSignal, createUsageMeter, DEFAULT_LLM_TIMEOUT_MS, toAttemptError } from "./attempt.js";
import type { TChatModel } from "./model.js";
import { PROMPT_VERSIONS, renderPrompt } from "./prompt-files.js";
import { checkAgentMessage } from "./reply-checks.js";

export const RESPONDER_PROMPT_VERSION = PROMPT_VERSIONS.responder;
/** Up to three tool rounds (look up, list, book) and the answer. */
export const RESPONDER_MAX_STEPS = 4;
const MAX_REMEMBERED_SLOTS = 10;

export type TLlmResponderOptions = {
  model: TChatModel;
  /** The whole attempt, tool rounds included. */
  timeoutMs?: number;
};

/** A Responder backed by one model; routing needs to know which. */
export type TLlmResponder = {
  modelId: string;
  reply(context: TResponderContext, tools: TAgentTools): Promise<TAgentReply>;
};

/** The model's final answer; the stage must be one of this playbook's keys. */
function replySchema(playbook: TPlaybookContent) {
  const stageKeys = playbook.stages.map((stage) => stage.key) as [string, ...string[]];
  return z.object({
    message: z.string().max(300).nullable(),
    stage: z.enum(stageKeys),
    handover: z.object({ reason: z.string().min(1).max(300) }).nullable(),
  });
}

/**
 * The CSR agent on a model: one `generateText` call with the agent's tools and a structured final
 * answer, then our post-checks. Failures throw LlmAttemptError (with the usage spent) for routing.
 */
export function createLlmResponder(options: TLlmResponderOptions): TLlmResponder {
  const { model } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS;
  return {
    modelId: model.modelId,
    async reply(context, tools) {
      const meter = createUsageMeter(model.modelId, RESPONDER_PROMPT_VERSION);
      const signal = attemptSignal(timeoutMs);
      const { toolSet, log } = createAgentToolSet({
        tools,
        state: context.state,
        timeZone: context.lead.timeZone,
        now: context.now,
        bookingEnabled: context.playbook.booking.enabled,
      });
      try {
        const result = await generateText({
          model,
          system: buildResponderPrompt(context),
          messages: toModelMessages(context.history),
          tools: toolSet,
          output: Output.object({ schema: replySchema(context.playbook) }),
          stopWhen: stepCountIs(RESPONDER_MAX_STEPS),
          // The last step must answer: with tools still on offer a model can loop until the steps run out.
          prepareStep: ({ stepNumber }) =>
            stepNumber === RESPONDER_MAX_STEPS - 1 ? { toolChoice: "none" } : undefined,
          temperature: context.settings.temperature,
          // Routing moves to the fallback model instead; the SDK's own retries would eat the timeout.
          maxRetries: 0,
          abortSignal: signal,
          onStepFinish: (step) => meter.addStep(step.usage),
        });
        const answer = result.output;
        const message = answer.message === null ? null : checkAgentMessage(answer.message, context);
        return {
          message,
          handover: answer.handover ?? log.handover,
          state: nextState(context.state, answer.stage, log),
          classification: null,
          usage: [meter.usage()],
        };
      } catch (error) {
        throw toAttemptError(error, signal, meter);
      }
    },
  };
}

function nextState(state: TAgentState, stage: string, log: TToolLog): TAgentState {
  const booked = log.booked
    ? { appointmentId: log.booked.appointmentId, start: log.booked.slot.start, end: log.booked.slot.end }
    : state.booked;
  // Newly listed slots first; a booked slot is no longer on offer.
  const offered: TBookableSlot[] = [];
  for (const slot of [...log.listed, ...state.offeredSlots]) {
    if (offered.some((kept) => kept.id === slot.id)) continue;
    if (log.booked && log.booked.slot.id === slot.id) continue;
    offered.push(slot);
  }
  return { ...state, stage, offeredSlots: offered.slice(0, MAX_REMEMBERED_SLOTS), booked };
}

/** Lead → user; the agent and a human teammate → assistant (the teammate's turns marked as such). */
function toModelMessages(history: TTurn[]): ModelMessage[] {
  if (history.length === 0) return [{ role: "user", content: "(The lead has not written yet.)" }];
  return history.map((turn): ModelMessage => {
    if (turn.role === "lead") return { role: "user", content: turn.text };
    const text = turn.role === "human" ? `(sent by a person at the business) ${turn.text}` : turn.text;
    return { role: "assistant", content: text };
  });
}

export function buildResponderPrompt(context: TResponderContext): string {
  const { playbook, state, lead } = context;
  const zone = lead.timeZone;
  const localNow = DateTime.fromJSDate(context.now).setZone(zone);
  const list = (lines: string[], none: string) => (lines.length > 0 ? lines.join("\n") : none);
  return renderPrompt("responder", {
    agentName: playbook.persona.agentName,
    tone: playbook.persona.tone,
    personaDescription: playbook.persona.description,
    orgPersona: context.settings.persona ? `The business adds: ${context.settings.persona}` : "",
    goal: playbook.goal,
    stages: playbook.stages
      .map((stage) =>
        [
          `- ${stage.key} (${stage.name}): ${stage.goal}`,
          ...stage.questions.map((question, index) => `  - question ${stage.key}.${index}: ${question}`),
          `  - advance when: ${stage.advanceWhen}`,
        ].join("\n"),
      )
      .join("\n"),
    currentStage: state.stage ?? playbook.stages[0]?.key ?? "",
    asked: state.asked.length > 0 ? state.asked.join(", ") : "none",
    faq: list(
      playbook.faq.map((entry) => `- Q: ${entry.question}\n  A: ${entry.answer}`),
      "No FAQ: for questions you cannot answer, offer a person.",
    ),
    objections: list(
      playbook.objectionHandlers.map((handler) => `- ${handler.category}: ${handler.response}`),
      "Acknowledge the concern briefly and stay helpful.",
    ),
    booking: playbook.booking.enabled
      ? [
          `Appointments last ${playbook.booking.appointmentMinutes} minutes and start at least ` +
            `${playbook.booking.leadTimeHours} hours from now.`,
          "To propose times, call list_open_slots with `from`/`to` as local date-times (YYYY-MM-DDTHH:mm) in " +
            "the lead's zone and propose only slots it returns. When the lead accepts one, call " +
            "book_appointment with its id, then confirm the time.",
          playbook.booking.instructions,
        ]
          .filter(Boolean)
          .join("\n")
      : "Booking is not available in this conversation: do not promise appointments.",
    escalation: [
      playbook.escalation.onHumanRequest
        ? "When the lead asks for a person, call hand_to_human and set `handover`."
        : "When the lead asks for a person, say someone will follow up; keep helping.",
      playbook.escalation.keywords.length > 0
        ? `Hand over when the lead mentions: ${playbook.escalation.keywords.join(", ")}.`
        : "",
      "Hand over on anger, abuse, legal threats or an emergency.",
    ]
      .filter(Boolean)
      .join("\n"),
    forbidden: list(
      playbook.forbiddenPhrases.map((phrase) => `- ${phrase}`),
      "none",
    ),
    lead: `First name: ${lead.firstName ?? "unknown"}`,
    timeZone: zone,
    localNow: `${localNow.toFormat("cccc, LLLL d, yyyy, h:mm a")} (${localNow.toFormat("yyyy-LL-dd'T'HH:mm")})`,
    crm: context.crm
      ? JSON.stringify({
          name: context.crm.name,
          active: context.crm.active,
          balanceCents: context.crm.balanceCents,
          serviceHistory: context.crm.serviceHistory.slice(0, 5),
        })
      : "Nothing (not looked up, or not a customer). You may call look_up_customer.",
    slots: state.booked
      ? `Already booked: ${JSON.stringify(describeSlot({ id: state.booked.appointmentId, ...state.booked }, zone))}`
      : state.offeredSlots.length > 0
        ? `Slots offered to the lead so far: ${JSON.stringify(state.offeredSlots.map((slot) => describeSlot(slot, zone)))}`
        : "None booked or offered yet.",
    mergeFields:
      Object.entries(context.merge)
        .filter(([, value]) => value)
        .map(([field]) => `{{${field}}}`)
        .join(", ") || "none",
  });
}
