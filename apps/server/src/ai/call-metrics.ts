import type { TAnalyzerSegment, TCallMetrics } from "@plaibook/shared";

/** A speaker's role in a call, as `TCallAnalysis.speakers` records it. */
export type TSpeakerRole = "rep" | "customer" | "other";

/**
 * Talk metrics of a call, computed from its segments alone (never taken from a model): both call
 * analysers can use it. A label missing from `speakers` counts as the rep only when it is `rep`.
 *
 * - `repTalkRatio`: the rep's speaking seconds over everyone's (0 when nobody spoke);
 * - `longestRepMonologueSeconds`: the longest run of the rep's consecutive segments, first start to
 *   last end (another speaker's segment ends the run);
 * - `repQuestions`: questions the rep asked (each `?`, or run of them, in the rep's segments);
 * - `interactivityPerMinute`: speaker changes between consecutive segments per minute of the call
 *   (first start to last end);
 * - `patienceSeconds`: the rep's average pause between the end of a customer's segment and the start
 *   of the rep's next one (an overlap counts as no pause; 0 when the rep never answered anyone).
 */
export function computeTalkMetrics(
  segments: readonly TAnalyzerSegment[],
  speakers: Readonly<Record<string, TSpeakerRole>>,
): TCallMetrics {
  const ordered = [...segments].sort((a, b) => a.start - b.start);
  const roleOf = (segment: TAnalyzerSegment): TSpeakerRole =>
    speakers[segment.speaker] ?? (segment.speaker === "rep" ? "rep" : "customer");

  let repSeconds = 0;
  let allSeconds = 0;
  let repQuestions = 0;
  let longestRun = 0;
  let runStart: number | null = null;
  let switches = 0;
  let pauses = 0;
  let pauseTotal = 0;

  for (const [index, segment] of ordered.entries()) {
    const seconds = Math.max(0, segment.end - segment.start);
    const previous = index > 0 ? ordered[index - 1] : undefined;
    const role = roleOf(segment);
    allSeconds += seconds;
    if (previous && previous.speaker !== segment.speaker) switches += 1;

    if (role === "rep") {
      repSeconds += seconds;
      repQuestions += segment.text.match(/\?+/g)?.length ?? 0;
      if (runStart === null) runStart = segment.start;
      longestRun = Math.max(longestRun, segment.end - runStart);
      if (previous && roleOf(previous) === "customer") {
        pauses += 1;
        pauseTotal += Math.max(0, segment.start - previous.end);
      }
    } else {
      runStart = null;
    }
  }

  const first = ordered[0];
  const callSeconds = first ? ordered.reduce((end, s) => Math.max(end, s.end), 0) - first.start : 0;
  return {
    repTalkRatio: allSeconds > 0 ? round(repSeconds / allSeconds, 3) : 0,
    longestRepMonologueSeconds: round(longestRun, 1),
    repQuestions,
    interactivityPerMinute: callSeconds > 0 ? round(switches / (callSeconds / 60), 2) : 0,
    patienceSeconds: pauses > 0 ? round(pauseTotal / pauses, 2) : 0,
  };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
