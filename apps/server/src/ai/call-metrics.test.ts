import type { TAnalyzerSegment } from "@plaibook/shared";
import { describe, expect, it } from "vitest";
import { computeTalkMetrics } from "./call-metrics.js";

const seg = (speaker: string, start: number, end: number, text = "…"): TAnalyzerSegment => ({
  speaker,
  start,
  end,
  text,
});

describe("computeTalkMetrics", () => {
  const segments = [
    seg("rep", 0, 10, "Hi, is this Greg? It's Dana from SunPath."),
    seg("customer", 11, 15, "Yeah, this is Greg."),
    seg("rep", 16, 30, "Great. What's your bill like?? And is the roof new?"),
    seg("rep", 30.5, 40, "We size the system for that."),
    seg("customer", 43, 50, "About two hundred. Roof is six years old."),
    seg("rep", 50, 60, "Perfect."),
  ];

  it("measures talk ratio, monologue, questions, interactivity and patience from the segments", () => {
    const metrics = computeTalkMetrics(segments, { rep: "rep", customer: "customer" });
    // rep 10 + 14 + 9.5 + 10 = 43.5 of 54.5 seconds spoken
    expect(metrics.repTalkRatio).toBeCloseTo(43.5 / 54.5, 3);
    // the run 16 → 40 is the rep's longest without the customer speaking
    expect(metrics.longestRepMonologueSeconds).toBe(24);
    // "Greg?", "like??" (one run) and "new?"
    expect(metrics.repQuestions).toBe(3);
    // four speaker changes over one minute
    expect(metrics.interactivityPerMinute).toBe(4);
    // pauses before the rep answered: 16 - 15 = 1 and 50 - 50 = 0
    expect(metrics.patienceSeconds).toBe(0.5);
  });

  it("maps neutral diariser labels through the speakers record, and ignores a third speaker's talk for the rep", () => {
    const relabelled = segments.map((s) => ({ ...s, speaker: s.speaker === "rep" ? "S2" : "S1" }));
    const fromLabels = computeTalkMetrics(relabelled, { S1: "customer", S2: "rep" });
    expect(fromLabels).toEqual(computeTalkMetrics(segments, { rep: "rep", customer: "customer" }));

    // The same labels read the other way round give other figures: roles matter, not names.
    const swapped = computeTalkMetrics(relabelled, { S1: "rep", S2: "customer" });
    expect(swapped.repTalkRatio).toBeCloseTo(11 / 54.5, 3);
    expect(swapped.repQuestions).toBe(0);
  });

  it("counts a third speaker's lines as talk time and as speaker changes, not as the rep's", () => {
    const withSpouse = [
      seg("rep", 0, 10, "Does that work?"),
      seg("S3", 10, 20, "Let me ask my husband."),
      seg("customer", 20, 30, "Sure."),
    ];
    const metrics = computeTalkMetrics(withSpouse, { rep: "rep", customer: "customer", S3: "other" });
    expect(metrics.repTalkRatio).toBeCloseTo(1 / 3, 3);
    expect(metrics.interactivityPerMinute).toBe(4);
  });

  it("reads segments in time order even when they arrive out of order", () => {
    const shuffled = [segments[3], segments[0], segments[5], segments[1], segments[4], segments[2]].filter(
      (s): s is TAnalyzerSegment => s !== undefined,
    );
    expect(computeTalkMetrics(shuffled, {})).toEqual(computeTalkMetrics(segments, {}));
  });

  it("gives zeros for an empty call and for silence", () => {
    const zeros = {
      repTalkRatio: 0,
      longestRepMonologueSeconds: 0,
      repQuestions: 0,
      interactivityPerMinute: 0,
      patienceSeconds: 0,
    };
    expect(computeTalkMetrics([], {})).toEqual(zeros);
    expect(computeTalkMetrics([seg("customer", 5, 5, "hello")], {})).toEqual(zeros);
  });
});
