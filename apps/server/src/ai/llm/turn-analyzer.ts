import { type TTurnVerdict, ZTurnVerdict } from "@plaibook/shared";
import { generateText, Output } from "ai";
import type { TModelUsage, TTurn, TTurnAnalysisInput } from "../ports.js";
import {
  attemptSignal,
  createUsageMeter,
  DEFAULT_LLM_TIMEOUT_MS,
  InvalidOutputError,
  type TLlmEngineOptions,
  toAttemptError,
} from "./attempt.js";
import { PROMPT_VERSIONS, renderPrompt } from "./prompt-files.js";

export const TURN_ANALYZER_PROMPT_VERSION = PROMPT_VERSIONS.turnAnalyzer;

export type TLlmTurnAnalyzer = {
  modelId: string;
  analyze(input: TTurnAnalysisInput): Promise<{ verdict: TTurnVerdict; usage: TModelUsage }>;
};

/** The Overseer on a model: the shared ZTurnVerdict as structured output, and a stage of this playbook. */
export function createLlmTurnAnalyzer(options: TLlmEngineOptions): TLlmTurnAnalyzer {
  const { model } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS;
  return {
    modelId: model.modelId,
    async analyze(input) {
      const meter = createUsageMeter(model.modelId, TURN_ANALYZER_PROMPT_VERSION);
      const signal = attemptSignal(timeoutMs);
      try {
        const result = await generateText({
          model,
          system: buildTurnAnalyzerPrompt(input),
          prompt: describeTurn(input),
          output: Output.object({ schema: ZTurnVerdict, name: "turn_verdict" }),
          temperature: options.temperature ?? 0,
          maxRetries: 0,
          abortSignal: signal,
          onStepFinish: (step) => meter.addStep(step.usage),
        });
        const verdict = result.output;
        if (!input.playbook.stages.some((stage) => stage.key === verdict.stage)) {
          throw new InvalidOutputError(`stage "${verdict.stage}" is not in the playbook`);
        }
        return { verdict, usage: meter.usage() };
      } catch (error) {
        throw toAttemptError(error, signal, meter);
      }
    },
  };
}

function buildTurnAnalyzerPrompt(input: TTurnAnalysisInput): string {
  const { playbook, previous } = input;
  return renderPrompt("turnAnalyzer", {
    goal: playbook.goal,
    stages: playbook.stages
      .map((stage) => `- ${stage.key} (${stage.name}): ${stage.goal} Advance when: ${stage.advanceWhen}`)
      .join("\n"),
    forbidden: playbook.forbiddenPhrases.length > 0 ? playbook.forbiddenPhrases.join("; ") : "none",
    keywords: playbook.escalation.keywords.length > 0 ? playbook.escalation.keywords.join(", ") : "none",
    onHumanRequest: playbook.escalation.onHumanRequest ? "yes" : "no",
    runningSummary: previous.runningSummary || "(first turn)",
    previousStage: previous.currentStage ?? "none yet",
    timeZone: input.timeZone,
    escalated: previous.escalated ? `yes (${previous.escalateReason ?? "no reason given"})` : "no",
  });
}

function describeTurn(input: TTurnAnalysisInput): string {
  const line = (turn: TTurn) => `[${turn.at}] ${turn.role}: ${turn.text}`;
  const from = input.turn.direction === "inbound" ? "from the lead" : "sent to the lead";
  return [
    "Conversation (oldest first):",
    ...input.history.map(line),
    "",
    `Judge this turn (${from}):`,
    line(input.turn),
  ].join("\n");
}
