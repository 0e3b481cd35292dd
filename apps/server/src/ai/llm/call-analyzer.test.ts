import type { TAnalyzerSegment, TCustomObjection } from "@plaibook/shared";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeOpenAi, type TFakeOpenAi } from "../../../test/fakes/fake-openai.js";
import { computeTalkMetrics } from "../call-metrics.js";
import type { TCallAnalysisInput } from "../ports.js";
import { LlmAttemptError } from "./attempt.js";
import {
  CALL_ANALYZER_PROMPT_VERSION,
  createLlmCallAnalyzer,
  formatTranscript,
  type TModelCallAnalysis,
} from "./call-analyzer.js";
import { createChatModel } from "./model.js";

let fake: TFakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

const MODEL = "openai/gpt-4o-mini";
const analyzer = () =>
  createLlmCallAnalyzer({
    model: createChatModel({ apiKey: fake.apiKey, baseUrl: fake.baseUrl, model: MODEL }),
    timeoutMs: 2000,
  });

/** A short pest-control call of our own. */
const segments: TAnalyzerSegment[] = [
  { speaker: "rep", start: 0.5, end: 6, text: "Hi, is this Maria? It's Leo from BrightHome Pest Control." },
  { speaker: "customer", start: 6.4, end: 8, text: "Yes, this is Maria." },
  {
    speaker: "rep",
    start: 8.5,
    end: 14,
    text: "You asked about the ants in your kitchen. How long has that been going on?",
  },
  { speaker: "customer", start: 15, end: 21, text: "About two weeks. They come in along the window." },
  {
    speaker: "rep",
    start: 21.5,
    end: 33,
    text: "Our quarterly plan treats inside and out, and it's eighty-nine a visit.",
  },
  {
    speaker: "customer",
    start: 34,
    end: 40,
    text: "Honestly we'd need to spread the cost over the year, money's tight.",
  },
  {
    speaker: "rep",
    start: 40.5,
    end: 50,
    text: "We can bill it monthly, about thirty a month, no contract.",
  },
  { speaker: "customer", start: 51, end: 54, text: "Okay, that works." },
  { speaker: "rep", start: 54.5, end: 60, text: "Great, can I put you down for Thursday at ten?" },
  { speaker: "customer", start: 60.5, end: 62, text: "Thursday at ten is fine." },
];

const financing: TCustomObjection = {
  category: "price",
  slug: "financing",
  label: "Needs financing",
  examples: ["can I pay monthly", "we'd need to spread the cost"],
};

const input: TCallAnalysisInput = { segments, industry: "pest_control", customObjections: [financing] };

const reading: TModelCallAnalysis = {
  speakers: [],
  stages: [
    { stage: "greeting", fromSegment: 0, toSegment: 1 },
    { stage: "discovery", fromSegment: 2, toSegment: 3 },
    { stage: "presentation", fromSegment: 4, toSegment: 4 },
    { stage: "objection_handling", fromSegment: 5, toSegment: 7 },
    { stage: "close", fromSegment: 8, toSegment: 9 },
  ],
  objections: [
    {
      label: "price/budget",
      segmentIndex: 5,
      quote: "money's tight",
      handling: "strong",
      response: "Offered monthly billing with no contract.",
    },
  ],
  outcome: { label: "booked", evidence: "Thursday at ten is fine.", segmentIndex: 9 },
  coaching: [
    {
      kind: "strength",
      title: "Answered the budget concern",
      advice: "Keep offering the monthly option as soon as cost comes up.",
      segmentIndex: 6,
    },
    {
      kind: "improvement",
      title: "Ask one more discovery question",
      advice: "Ask whether they have pets or children before quoting.",
      segmentIndex: 4,
    },
  ],
  summary: "Maria has ants; Leo offered monthly billing and booked Thursday at ten.",
};

const answer = (object: unknown) => ({
  kind: "json" as const,
  object,
  usage: { prompt_tokens: 1500, completion_tokens: 400 },
});

async function invalidFrom(object: unknown, callInput: TCallAnalysisInput = input): Promise<LlmAttemptError> {
  fake.enqueue(answer(object));
  const error = await analyzer()
    .analyze(callInput)
    .catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(LlmAttemptError);
  expect((error as LlmAttemptError).kind).toBe("invalid");
  return error as LlmAttemptError;
}

describe("createLlmCallAnalyzer", () => {
  it("turns the model's line numbers into times from the transcript, and reports the usage", async () => {
    fake.enqueue(answer(reading));
    const { analysis, usage } = await analyzer().analyze(input);

    expect(analysis.speakers).toEqual({ rep: "rep", customer: "customer" });
    expect(analysis.stages[0]).toEqual({ stage: "greeting", start: 0.5, end: 8 });
    expect(analysis.stages[3]).toEqual({ stage: "objection_handling", start: 34, end: 54 });
    expect(analysis.objections).toEqual([
      {
        label: "price/budget",
        category: "price",
        quote: "money's tight",
        at: 34,
        segmentIndex: 5,
        handled: true,
        handling: "strong",
        response: "Offered monthly billing with no contract.",
      },
    ]);
    expect(analysis.outcome).toEqual({ label: "booked", evidence: "Thursday at ten is fine.", at: 60.5 });
    expect(analysis.coaching.map((item) => item.at)).toEqual([40.5, 21.5]);
    expect(usage).toMatchObject({
      engine: "llm",
      model: MODEL,
      inputTokens: 1500,
      outputTokens: 400,
      promptVersion: CALL_ANALYZER_PROMPT_VERSION,
    });
    expect(fake.requests[0]?.responseFormat).toMatchObject({
      type: "json_schema",
      json_schema: { name: "call_analysis" },
    });
  });

  it("computes the talk metrics from the segments, whatever the model says about them", async () => {
    const bogus = {
      repTalkRatio: 0.99,
      longestRepMonologueSeconds: 900,
      repQuestions: 40,
      interactivityPerMinute: 0,
      patienceSeconds: 12,
    };
    fake.enqueue(answer({ ...reading, metrics: bogus }));
    const { analysis } = await analyzer().analyze(input);
    const measured = computeTalkMetrics(segments, { rep: "rep", customer: "customer" });
    expect(analysis.metrics).toEqual(measured);
    expect(analysis.metrics.repQuestions).toBe(3);
    expect(analysis.metrics.repTalkRatio).toBeLessThan(0.8);
  });

  it("sends the taxonomy, the org's subcategories with their examples, and the transcript as numbered lines", async () => {
    fake.enqueue(answer(reading));
    await analyzer().analyze(input);
    const [system, user] = (fake.requests[0]?.messages ?? []) as { role: string; content: unknown }[];
    const systemText = JSON.stringify(system?.content);
    const userText = JSON.stringify(user?.content);

    expect(systemText).toContain("price/financing (Needs financing)");
    expect(systemText).toContain(String.raw`\"can I pay monthly\"; \"we'd need to spread the cost\"`);
    expect(systemText).toContain("trust/scam_concern");
    expect(systemText).toContain("`follow_up`");
    expect(systemText).toContain("objection_handling");
    expect(systemText).toContain("Industry: pest control");
    expect(systemText).not.toMatch(/\[\[\w+\]\]/);
    expect(userText).toContain("[0] (0.5–6.0 s) rep: Hi, is this Maria?");
    expect(userText).toContain("[9] (60.5–62.0 s) customer: Thursday at ten is fine.");

    // The structured-output schema itself lists the org's label, so the model is held to it.
    expect(JSON.stringify(fake.requests[0]?.responseFormat?.json_schema?.schema)).toContain(
      "price/financing",
    );
  });

  it("accepts one of the org's own subcategories", async () => {
    fake.enqueue(
      answer({
        ...reading,
        objections: [{ ...reading.objections[0], label: "price/financing", handling: "unaddressed" }],
      }),
    );
    const { analysis } = await analyzer().analyze(input);
    expect(analysis.objections[0]).toMatchObject({
      label: "price/financing",
      category: "price",
      handled: false,
      // an unaddressed objection has no answer, whatever the model wrote
      response: null,
    });
  });

  it("refuses an org's subcategory when this org does not have it", async () => {
    const error = await invalidFrom(
      { ...reading, objections: [{ ...reading.objections[0], label: "price/financing" }] },
      { ...input, customObjections: [] },
    );
    expect(error.usage).toMatchObject({ inputTokens: 1500, failure: expect.stringMatching(/^invalid: /) });
  });

  it("refuses a label outside the taxonomy", async () => {
    await invalidFrom({ ...reading, objections: [{ ...reading.objections[0], label: "price/too_pricey" }] });
  });

  it.each([
    ["an objection", { objections: [{ ...reading.objections[0], segmentIndex: 10 }] }, /objections\[0\]/],
    ["the outcome", { outcome: { ...reading.outcome, segmentIndex: 42 } }, /outcome: segmentIndex 42/],
    ["a stage", { stages: [{ stage: "greeting", fromSegment: 0, toSegment: 12 }] }, /stages\[0\]/],
  ])("refuses %s on a line the transcript does not have", async (_what, patch, detail) => {
    const error = await invalidFrom({ ...reading, ...patch });
    expect(error.detail).toMatch(detail);
  });

  it("refuses a single coaching item, and six", async () => {
    await invalidFrom({ ...reading, coaching: [reading.coaching[0]] });
    const six = Array.from({ length: 6 }, () => reading.coaching[0]);
    await invalidFrom({ ...reading, coaching: six });
  });

  it("refuses an unknown stage, a stage that runs backwards, and an objection the rep said", async () => {
    await invalidFrom({ ...reading, stages: [{ stage: "negotiation", fromSegment: 0, toSegment: 1 }] });
    const backwards = await invalidFrom({
      ...reading,
      stages: [{ stage: "discovery", fromSegment: 3, toSegment: 2 }],
    });
    expect(backwards.detail).toMatch(/before it starts/);
    const rep = await invalidFrom({
      ...reading,
      objections: [{ ...reading.objections[0], segmentIndex: 6 }],
    });
    expect(rep.detail).toMatch(/which the rep said/);
  });

  it("keeps the customer's line when the model's quote is not on it", async () => {
    fake.enqueue(
      answer({ ...reading, objections: [{ ...reading.objections[0], quote: "It's way too expensive" }] }),
    );
    const { analysis } = await analyzer().analyze(input);
    expect(analysis.objections[0]?.quote).toBe(segments[5]?.text);
  });

  describe("with a diariser's neutral labels", () => {
    const neutral: TCallAnalysisInput = {
      ...input,
      segments: segments.map((segment) => ({
        ...segment,
        speaker: segment.speaker === "rep" ? "S2" : "S1",
      })),
    };

    it("takes the roles from the model and measures the rep by them", async () => {
      fake.enqueue(
        answer({
          ...reading,
          speakers: [
            { label: "S1", role: "customer" },
            { label: "S2", role: "rep" },
          ],
        }),
      );
      const { analysis } = await analyzer().analyze(neutral);
      expect(analysis.speakers).toEqual({ S2: "rep", S1: "customer" });
      expect(analysis.metrics).toEqual(computeTalkMetrics(segments, {}));
      const [system] = (fake.requests[0]?.messages ?? []) as { content: unknown }[];
      expect(JSON.stringify(system?.content)).toContain("neutral labels (S2, S1)");
    });

    it("refuses a reading that leaves a label without a role or names no rep", async () => {
      const missing = await invalidFrom({ ...reading, speakers: [{ label: "S2", role: "rep" }] }, neutral);
      expect(missing.detail).toMatch(/speaker "S1" was given no role/);
      const noRep = await invalidFrom(
        {
          ...reading,
          objections: [],
          speakers: [
            { label: "S1", role: "customer" },
            { label: "S2", role: "other" },
          ],
        },
        neutral,
      );
      expect(noRep.detail).toMatch(/no speaker was named the rep/);
    });
  });
});

describe("formatTranscript", () => {
  const long: TAnalyzerSegment[] = Array.from({ length: 400 }, (_, i) => ({
    speaker: i % 2 === 0 ? "rep" : "customer",
    start: i * 10,
    end: i * 10 + 9,
    text: `Line number ${i} of a long call, with some words to take up room in the prompt.`,
  }));

  it("keeps a short transcript whole", () => {
    const text = formatTranscript(long.slice(0, 3));
    expect(text.split("\n")).toEqual([
      "Transcript (3 lines, 29 s):",
      "[0] (0.0–9.0 s) rep: Line number 0 of a long call, with some words to take up room in the prompt.",
      "[1] (10.0–19.0 s) customer: Line number 1 of a long call, with some words to take up room in the prompt.",
      "[2] (20.0–29.0 s) rep: Line number 2 of a long call, with some words to take up room in the prompt.",
    ]);
  });

  it("keeps the start and the end of a long one, says what was left out, and keeps the line numbers", () => {
    const text = formatTranscript(long, 10_000);
    expect(text.length).toBeLessThanOrEqual(10_200);
    expect(text).toContain("[0] (0.0–9.0 s) rep:");
    expect(text).toContain("[399] (3990.0–3999.0 s) customer:");
    const omission = text.match(/\[… lines (\d+)–(\d+) omitted \((\d+) lines\) …\]/);
    expect(omission).not.toBeNull();
    const [, first, last, count] = omission ?? [];
    expect(Number(last) - Number(first) + 1).toBe(Number(count));
    expect(text).not.toContain(`[${Number(first)}] (`);
    expect(text).toContain(`[${Number(first) - 1}] (`);
    expect(text).toContain(`[${Number(last) + 1}] (`);
    expect(text.split("\n")[0]).toContain("the middle is left out");
  });
});
