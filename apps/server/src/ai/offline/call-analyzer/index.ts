import type { TCallAnalysis, TCallStage } from "@plaibook/shared";
import { computeTalkMetrics } from "../../call-metrics.js";
import type { CallAnalyzer, TCallAnalysisInput } from "../../ports.js";
import { OFFLINE_MODEL } from "../responder.js";
import { coachCall } from "./coaching.js";
import { findObjections, toCallObjection } from "./objections.js";
import { decideOutcome } from "./outcome.js";
import { inferRoles } from "./roles.js";
import { stageSpans, stagesPresent, tagStages } from "./stages.js";
import { summarizeCall } from "./summary.js";
import { cleanSpeech, turnsOf } from "./transcript.js";

export { inferRoles } from "./roles.js";

/**
 * The offline CallAnalyzer: reads a diarised transcript by rules — speaker roles, stages, objections
 * (the taxonomy and the organisation's own subcategories), outcome, talk metrics and coaching.
 * Deterministic and fast (no model load, no network): a five-minute call takes about a millisecond.
 */
export function createOfflineCallAnalyzer(): CallAnalyzer {
  return {
    async analyze(input) {
      const started = performance.now();
      const analysis = analyzeCall(input);
      return {
        analysis,
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

/** The analysis of one call (segments in any order; they are read in time order). */
export function analyzeCall(input: TCallAnalysisInput): TCallAnalysis {
  if (input.segments.length === 0) throw new Error("A call analysis needs at least one transcript segment");
  const segments = [...input.segments].sort((a, b) => a.start - b.start || a.end - b.end);
  const cleaned = segments.map((s) => cleanSpeech(s.text));
  const speakers = inferRoles(segments, cleaned);
  const turns = turnsOf(segments, speakers, cleaned);
  const metrics = computeTalkMetrics(segments, speakers);
  const objections = findObjections(turns, input.customObjections);
  const tags = tagStages(turns, objections);
  const stages = stageSpans(turns, tags);
  const outcome = decideOutcome(turns);
  const coaching = coachCall({ turns, metrics, objections, tags, outcome });
  const seconds = (turns[turns.length - 1]?.end ?? 0) - (turns[0]?.start ?? 0);
  return {
    speakers,
    stages,
    objections: objections.map(toCallObjection),
    outcome,
    metrics,
    coaching,
    summary: summarizeCall({
      industry: input.industry,
      seconds,
      objections,
      outcome,
      repTalkRatio: metrics.repTalkRatio,
      repQuestions: metrics.repQuestions,
    }),
  };
}

/** What `plaibook analyze-call` writes for a call: labels once each, stages in the canonical order. */
export function evalLabelsOf(analysis: TCallAnalysis): {
  objections: string[];
  outcome: TCallAnalysis["outcome"]["label"];
  stages: TCallStage[];
} {
  return {
    objections: [...new Set(analysis.objections.map((o) => o.label))],
    outcome: analysis.outcome.label,
    stages: stagesPresent(analysis.stages),
  };
}
