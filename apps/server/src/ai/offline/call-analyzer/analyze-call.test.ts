import { readdirSync, readFileSync } from "node:fs";
import { type TAnalyzerSegment, type TCustomObjection, ZCallAnalysis } from "@plaibook/shared";
import { describe, expect, it } from "vitest";
import { analyzeCall, createOfflineCallAnalyzer, evalLabelsOf } from "./index.js";
import { inferRoles } from "./roles.js";

const seg = (speaker: string, start: number, end: number, text: string): TAnalyzerSegment => ({
  speaker,
  start,
  end,
  text,
});

const analyze = (segments: TAnalyzerSegment[], customObjections: TCustomObjection[] = []) =>
  analyzeCall({ segments, industry: "pest_control", customObjections });

/** A short call written for this test: price objection answered, then a booking. */
const SHORT_CALL: TAnalyzerSegment[] = [
  seg("rep", 0, 4, "Hi, this is Sam with Acme Pest, is this Dana?"),
  seg("customer", 4.5, 6, "Yes, speaking."),
  seg("rep", 7, 10, "Great. What kind of bugs are you seeing?"),
  seg("customer", 10, 14, "Ants, mostly in the kitchen."),
  seg("rep", 15, 19, "How long has that been going on?"),
  seg(
    "rep",
    19,
    40,
    "Okay. So our quarterly plan includes an inside and outside treatment, and it's ninety-nine a visit.",
  ),
  seg("customer", 39, 44, "Hmm, that's too expensive for us honestly."),
  seg(
    "rep",
    45,
    58,
    "I hear you. We can do the first visit for forty-nine, and if the ants come back we retreat for free. Does that help?",
  ),
  seg("customer", 58.5, 60, "Okay, yes, that works."),
  seg("rep", 61, 66, "Great, I have Thursday at ten or Friday at two. Which works better?"),
  seg("customer", 66, 67, "Thursday at ten."),
  seg("rep", 67.5, 72, "You're all set for Thursday at ten. You'll get a confirmation text today."),
];

describe("analyzeCall: talk metrics", () => {
  it("computes the metrics exactly on a hand-made transcript", () => {
    const { metrics } = analyze(SHORT_CALL);
    // Rep: 4+3+4+21+13+5+4.5 = 54.5 s; customer: 1.5+4+5+1.5+1 = 13 s.
    expect(metrics.repTalkRatio).toBeCloseTo(54.5 / 67.5, 3);
    // Segments 4 and 5 are consecutive rep turns: 15 → 40.
    expect(metrics.longestRepMonologueSeconds).toBe(25);
    expect(metrics.repQuestions).toBe(5);
    // 10 speaker changes over 72 s.
    expect(metrics.interactivityPerMinute).toBeCloseTo(10 / 1.2, 2);
    // Pauses before the rep answers: 1, 1, 1, 1, 0.5 → average 0.9.
    expect(metrics.patienceSeconds).toBeCloseTo(0.9, 2);
  });

  it("counts talking over the customer as no pause, not a negative one", () => {
    const { metrics } = analyze([
      seg("customer", 0, 5, "I'm not sure about this."),
      seg("rep", 3, 6, "Totally fair, let me explain."),
      seg("customer", 6, 8, "Okay."),
      seg("rep", 10, 12, "So here's how it works."),
    ]);
    expect(metrics.patienceSeconds).toBe(1);
  });
});

describe("analyzeCall: the reading of a call", () => {
  it("finds the objection, its handling, the stages and the outcome", () => {
    const analysis = analyze(SHORT_CALL);
    expect(ZCallAnalysis.parse(analysis)).toBeTruthy();
    expect(analysis.objections).toHaveLength(1);
    const [price] = analysis.objections;
    expect(price).toMatchObject({
      label: "price/too_expensive",
      category: "price",
      segmentIndex: 6,
      at: 39,
      handled: true,
    });
    expect(["strong", "adequate"]).toContain(price?.handling);
    expect(price?.response).toContain("first visit for forty-nine");
    expect(analysis.outcome.label).toBe("booked");
    expect(analysis.outcome.at).toBe(67.5);
    expect(evalLabelsOf(analysis).stages).toEqual([
      "greeting",
      "discovery",
      "presentation",
      "objection_handling",
      "close",
      "next_steps",
    ]);
    // Spans run in call order and do not overlap.
    for (let i = 1; i < analysis.stages.length; i++)
      expect(analysis.stages[i]?.start).toBeGreaterThanOrEqual(analysis.stages[i - 1]?.start ?? 0);
  });

  it("leaves a price question alone and marks an ignored objection unaddressed", () => {
    const analysis = analyze([
      seg("rep", 0, 3, "Hi, it's Lee from Bright Lawn."),
      seg("customer", 3, 5, "Okay, how much is the program?"),
      seg("rep", 5, 9, "It's fifty-four per visit, seven visits a year."),
      seg("customer", 9, 13, "Honestly I just do the lawn myself, I like doing it."),
      seg("rep", 13, 20, "Gotcha. So we also offer aeration as an add-on in the fall."),
      seg("customer", 20, 22, "No thanks."),
    ]);
    expect(evalLabelsOf(analysis).objections).toEqual(["need/diy"]);
    expect(analysis.objections[0]).toMatchObject({ handled: false, handling: "unaddressed" });
    expect(evalLabelsOf(analysis).stages).not.toContain("objection_handling");
    expect(analysis.coaching.some((c) => c.title.includes("objection") && c.segmentIndex === 3)).toBe(true);
  });

  it("reads a voicemail as no decision with a next step left", () => {
    const analysis = analyze([
      seg("S1", 0, 5, "Hi, you've reached the Parkers, leave a message after the beep."),
      seg(
        "S2",
        6,
        20,
        "Hi, this is Jo with Acme Pest returning your call. Give me a call back at five five five, one two one two.",
      ),
    ]);
    expect(analysis.speakers).toEqual({ S1: "customer", S2: "rep" });
    expect(analysis.outcome.label).toBe("no_decision");
    expect(evalLabelsOf(analysis)).toEqual({
      objections: [],
      outcome: "no_decision",
      stages: ["greeting", "next_steps"],
    });
  });
});

describe("inferRoles", () => {
  it("keeps rep/customer labels as they are", () => {
    expect(inferRoles([seg("customer", 0, 1, "Hello?"), seg("rep", 1, 2, "Hi!")])).toEqual({
      customer: "customer",
      rep: "rep",
    });
  });

  it("finds the rep among neutral labels, and a third speaker is other whose objections still count", () => {
    const segments = [
      seg("S2", 0, 3, "Hello?"),
      seg(
        "S1",
        3,
        10,
        "Hi, this is Devon with BrightRoof Solar. Is this Mr. Okafor? You asked about an estimate.",
      ),
      seg("S2", 10, 13, "Yes, and my wife is on speaker too."),
      seg("S3", 13, 14, "Hi."),
      seg("S1", 14, 20, "Hi both! What does your electric bill run, and how old is the roof?"),
      seg("S2", 20, 24, "About two hundred, and the roof is ten years old."),
      seg(
        "S1",
        24,
        40,
        "Great. We'd install a seven kilowatt system with no money down, and your payment would be about one sixty a month.",
      ),
      seg("S3", 40, 46, "Honestly I'm skeptical it actually saves anything, my sister's panels never did."),
      seg(
        "S1",
        46,
        58,
        "That's a fair worry. We put a production guarantee in writing, so if it makes less we pay you the difference. Would that help?",
      ),
    ];
    const analysis = analyze(segments);
    expect(analysis.speakers).toEqual({ S1: "rep", S2: "customer", S3: "other" });
    expect(analysis.objections.map((o) => o.label)).toEqual(["trust/skeptical_results"]);
    expect(analysis.objections[0]).toMatchObject({ segmentIndex: 7, handled: true });
    expect(analysis.metrics.repTalkRatio).toBeCloseTo(41 / 58, 3);
  });

  it("picks the rep by questions and pitch when nobody names a company", () => {
    const roles = inferRoles([
      seg("A", 0, 3, "Hello."),
      seg("B", 3, 8, "Hi there, do you have a minute? What are you using for pest control now?"),
      seg("A", 8, 10, "Nothing really."),
      seg("B", 10, 20, "Our plan includes four visits a year. Would you like to try it?"),
    ]);
    expect(roles).toEqual({ A: "customer", B: "rep" });
  });
});

describe("custom objection subcategories", () => {
  const HOA: TCustomObjection = {
    category: "authority",
    slug: "hoa_approval",
    label: "HOA approval",
    examples: ["the HOA has to approve the panels", "our homeowners association won't allow it"],
  };

  it("labels a customer line that matches a custom subcategory's examples as category/slug", () => {
    const analysis = analyze(
      [
        seg("rep", 0, 5, "So the system would be about one sixty a month. Want to get the survey scheduled?"),
        seg("customer", 5, 9, "Well, I think the homeowners association would need to approve panels first."),
        seg("rep", 9, 15, "That's fair. We handle the HOA paperwork for you and submit the plans."),
      ],
      [HOA],
    );
    expect(analysis.objections.map((o) => o.label)).toEqual(["authority/hoa_approval"]);
    expect(analysis.objections[0]?.category).toBe("authority");
    expect(ZCallAnalysis.parse(analysis)).toBeTruthy();
  });

  it("does not fire on a line that shares a single word with an example", () => {
    const analysis = analyze(
      [
        seg("rep", 0, 5, "Where would the panels go?"),
        seg("customer", 5, 9, "The panels could go on the back, it faces south."),
      ],
      [HOA],
    );
    expect(analysis.objections).toEqual([]);
  });
});

describe("coaching", () => {
  const calls = readdirSync(new URL("fixtures/", import.meta.url))
    .filter((file) => file.endsWith(".jsonl"))
    .flatMap((file) =>
      readFileSync(new URL(`fixtures/${file}`, import.meta.url), "utf8")
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as { id: string; segments: TAnalyzerSegment[] }),
    );

  it("gives 2–5 items, each at a real segment and its start time", () => {
    for (const call of [...calls, { id: "one-line", segments: [seg("rep", 0, 2, "Hello?")] }]) {
      const analysis = analyze(call.segments);
      expect(ZCallAnalysis.safeParse(analysis).success, call.id).toBe(true);
      expect(analysis.coaching.length, call.id).toBeGreaterThanOrEqual(2);
      expect(analysis.coaching.length, call.id).toBeLessThanOrEqual(5);
      for (const item of analysis.coaching) {
        const segment = call.segments[item.segmentIndex];
        expect(segment, `${call.id}: ${item.title}`).toBeDefined();
        expect(item.at).toBe(segment?.start);
      }
    }
  });

  it("points at a long monologue where it starts", () => {
    const analysis = analyze([
      seg("rep", 0, 5, "Hi, this is Kim with Acme Solar."),
      seg("customer", 5, 6, "Hi."),
      seg("rep", 6, 50, "So let me tell you how solar works, the panels make power during the day."),
      seg("rep", 50, 95, "And the extra goes back to the grid, and you get credits on your bill."),
      seg("customer", 95, 96, "Okay."),
    ]);
    const item = analysis.coaching.find((c) => c.title === "Break up long explanations");
    expect(item).toMatchObject({ kind: "improvement", segmentIndex: 2, at: 6 });
    expect(item?.advice).toContain("89 seconds");
  });
});

describe("createOfflineCallAnalyzer", () => {
  it("reports offline usage, and a five-minute call takes well under 50 ms", async () => {
    const analyzer = createOfflineCallAnalyzer();
    const long: TAnalyzerSegment[] = [];
    for (let i = 0; i < 5; i++)
      long.push(...SHORT_CALL.map((s) => ({ ...s, start: s.start + i * 72, end: s.end + i * 72 })));
    await analyzer.analyze({ segments: long, customObjections: [] }); // first run compiles the patterns
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const { usage } = await analyzer.analyze({ segments: long, customObjections: [] });
      times.push(performance.now() - started);
      expect(usage).toMatchObject({ engine: "offline", inputTokens: 0, outputTokens: 0 });
    }
    times.sort((a, b) => a - b);
    expect(times[2]).toBeLessThan(50);
  });
});
