import type { TCallAnalysis } from "@plaibook/shared";
import type { CallAnalyzer, TCallAnalysisInput } from "../../ports.js";
import { OFFLINE_MODEL } from "../responder.js";

/**
 * The offline CallAnalyzer: reads a diarised transcript by rules (speaker roles, stages, objections,
 * outcome, talk metrics, coaching). Deterministic and fast: no model load, no network.
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

/** A first cut: roles from the labels, the whole call as one span, no objections yet. */
export function analyzeCall(input: TCallAnalysisInput): TCallAnalysis {
  const segments = input.segments;
  const speakers: Record<string, "rep" | "customer" | "other"> = {};
  for (const s of segments) speakers[s.speaker] = s.speaker === "rep" ? "rep" : "customer";
  const end = segments.reduce((max, s) => Math.max(max, s.end), 0);
  const first = segments[0];
  const last = segments[segments.length - 1];
  return {
    speakers,
    stages: [{ stage: "greeting", start: first?.start ?? 0, end }],
    objections: [],
    outcome: { label: "no_decision", evidence: "", at: null },
    metrics: {
      repTalkRatio: 0,
      longestRepMonologueSeconds: 0,
      repQuestions: 0,
      interactivityPerMinute: 0,
      patienceSeconds: 0,
    },
    coaching: [
      {
        kind: "improvement",
        title: "Review the call",
        advice: "Listen back to the opening.",
        at: first?.start ?? 0,
        segmentIndex: 0,
      },
      {
        kind: "improvement",
        title: "Agree a next step",
        advice: "End the call with a date and time for the next step.",
        at: last?.start ?? 0,
        segmentIndex: Math.max(0, segments.length - 1),
      },
    ],
    summary: "",
  };
}
