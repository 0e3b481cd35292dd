import type { TCallAnalysis, TSmsClassification, TTurnVerdict } from "@plaibook/shared";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeOpenAi, type TFakeOpenAi } from "../../test/fakes/fake-openai.js";
import { createLlmCallAnalyzer } from "./llm/call-analyzer.js";
import { createLlmClassifier } from "./llm/classifier.js";
import { createChatModel } from "./llm/model.js";
import { createLlmResponder } from "./llm/responder.js";
import {
  buildRecordingTools,
  buildResponderContext,
  emptyRollup,
  slotA,
  testPlaybook,
  testSettings,
} from "./llm/test-fixtures.js";
import { createLlmTurnAnalyzer } from "./llm/turn-analyzer.js";
import type {
  CallAnalyzer,
  Responder,
  SmsClassifier,
  TCallAnalysisInput,
  TClassifyInput,
  TModelUsage,
  TTurnAnalysisInput,
  TurnAnalyzer,
} from "./ports.js";
import {
  billableUsage,
  createAiEngines,
  routeCallAnalyzer,
  routeClassifier,
  routeResponder,
  routeTurnAnalyzer,
} from "./routing.js";

const PRIMARY = "openai/gpt-4o-mini";
const FALLBACK = "anthropic/claude-3.5-haiku";
const TIMEOUT_MS = 300;

let fake: TFakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

const modelFor = (model: string) => createChatModel({ apiKey: fake.apiKey, baseUrl: fake.baseUrl, model });

const OFFLINE_USAGE: TModelUsage = {
  engine: "offline",
  model: "offline",
  latencyMs: 1,
  inputTokens: 0,
  outputTokens: 0,
};

/** A stand-in for the offline engines: always answers, and counts its calls. */
function buildOfflineEngines() {
  const calls = { reply: 0, analyze: 0, classify: 0, analyzeCall: 0 };
  const responder: Responder = {
    async reply(context) {
      calls.reply += 1;
      return {
        message: "Thanks! A teammate will follow up.",
        handover: null,
        state: context.state,
        classification: null,
        usage: [OFFLINE_USAGE],
      };
    },
  };
  const analyzer: TurnAnalyzer = {
    async analyze() {
      calls.analyze += 1;
      return { verdict: { ...verdict, summary: "offline" }, usage: OFFLINE_USAGE };
    },
  };
  const classifier: SmsClassifier = {
    async classify() {
      calls.classify += 1;
      return { classification: { ...classification, confidence: 0.5 }, usage: OFFLINE_USAGE };
    },
  };
  const callAnalyzer: CallAnalyzer = {
    async analyze() {
      calls.analyzeCall += 1;
      return { analysis: { ...offlineCallAnalysis }, usage: OFFLINE_USAGE };
    },
  };
  return { responder, analyzer, classifier, callAnalyzer, calls };
}

function routedResponder(offline: Responder) {
  return routeResponder({
    primary: createLlmResponder({ model: modelFor(PRIMARY), timeoutMs: TIMEOUT_MS }),
    fallback: createLlmResponder({ model: modelFor(FALLBACK), timeoutMs: TIMEOUT_MS }),
    offline,
  });
}

const answer = (message: string) => ({
  kind: "json" as const,
  object: { message, stage: "book", handover: null },
  usage: { prompt_tokens: 500, completion_tokens: 20 },
});

describe("routeResponder", () => {
  it("answers from the primary model when it answers in time", async () => {
    fake.script(PRIMARY, answer("Thursday morning works, Dana."));
    const offline = buildOfflineEngines();
    const reply = await routedResponder(offline.responder).reply(
      buildResponderContext(),
      buildRecordingTools().tools,
    );
    expect(reply.message).toBe("Thursday morning works, Dana.");
    expect(reply.usage).toEqual([expect.objectContaining({ model: PRIMARY, inputTokens: 500 })]);
    expect(reply.usage[0]?.failure).toBeUndefined();
    expect(fake.requestsFor(FALLBACK)).toHaveLength(0);
  });

  it("moves to the fallback model when the primary times out", async () => {
    fake.script(PRIMARY, { kind: "slow", delayMs: 3000 });
    fake.script(FALLBACK, answer("Happy to help, Dana! Thursday it is."));
    const offline = buildOfflineEngines();
    const reply = await routedResponder(offline.responder).reply(
      buildResponderContext(),
      buildRecordingTools().tools,
    );

    expect(reply.message).toBe("Happy to help, Dana! Thursday it is.");
    expect(reply.usage).toEqual([
      expect.objectContaining({ engine: "llm", model: PRIMARY, failure: "timeout", inputTokens: 0 }),
      expect.objectContaining({ engine: "llm", model: FALLBACK, inputTokens: 500, outputTokens: 20 }),
    ]);
    // A timeout is not retried on the same model.
    expect(fake.requestsFor(PRIMARY)).toHaveLength(1);
  });

  it.each([500, 429])(
    "moves to the fallback model on HTTP %i without retrying the primary",
    async (status) => {
      fake.script(PRIMARY, { kind: "status", status });
      fake.script(FALLBACK, answer("Thursday works, Dana."));
      const offline = buildOfflineEngines();
      const reply = await routedResponder(offline.responder).reply(
        buildResponderContext(),
        buildRecordingTools().tools,
      );

      expect(reply.message).toBe("Thursday works, Dana.");
      expect(reply.usage[0]).toMatchObject({ model: PRIMARY, failure: expect.stringMatching(/^error: /) });
      expect(reply.usage[1]).toMatchObject({ model: FALLBACK });
      expect(fake.requestsFor(PRIMARY)).toHaveLength(1);
    },
  );

  it("retries invalid output once on the same model", async () => {
    fake.script(PRIMARY, { kind: "invalid_json" }, answer("Second try, Dana: Thursday works."));
    const offline = buildOfflineEngines();
    const reply = await routedResponder(offline.responder).reply(
      buildResponderContext(),
      buildRecordingTools().tools,
    );

    expect(reply.message).toBe("Second try, Dana: Thursday works.");
    expect(reply.usage.map((usage) => [usage.model, usage.failure?.split(":")[0]])).toEqual([
      [PRIMARY, "invalid"],
      [PRIMARY, undefined],
    ]);
    // The failed attempt's tokens are still billed.
    expect(reply.usage[0]).toMatchObject({ inputTokens: 120, outputTokens: 30 });
    expect(fake.requestsFor(FALLBACK)).toHaveLength(0);
  });

  it("moves to the fallback model after invalid JSON twice", async () => {
    fake.script(PRIMARY, { kind: "invalid_json" }, { kind: "invalid_json" });
    fake.script(FALLBACK, answer("Fallback here: Thursday works."));
    const offline = buildOfflineEngines();
    const reply = await routedResponder(offline.responder).reply(
      buildResponderContext(),
      buildRecordingTools().tools,
    );

    expect(reply.message).toBe("Fallback here: Thursday works.");
    expect(fake.requestsFor(PRIMARY)).toHaveLength(2);
    expect(reply.usage.map((usage) => usage.model)).toEqual([PRIMARY, PRIMARY, FALLBACK]);
  });

  it("treats a forbidden phrase as invalid output", async () => {
    fake.script(PRIMARY, answer("Guaranteed Results, Dana!"), answer("Still guaranteed results!"));
    fake.script(FALLBACK, answer("We'd love to take a look on Thursday."));
    const offline = buildOfflineEngines();
    const reply = await routedResponder(offline.responder).reply(
      buildResponderContext(),
      buildRecordingTools().tools,
    );

    expect(reply.message).toBe("We'd love to take a look on Thursday.");
    expect(reply.usage[0]?.failure).toMatch(/forbidden phrase "guaranteed results"/);
    expect(reply.usage[1]?.failure).toMatch(/forbidden phrase/);
  });

  it("lets the offline engine answer when both models fail", async () => {
    fake.script(PRIMARY, { kind: "status", status: 500 });
    fake.script(FALLBACK, { kind: "slow", delayMs: 3000 });
    const offline = buildOfflineEngines();
    const reply = await routedResponder(offline.responder).reply(
      buildResponderContext(),
      buildRecordingTools().tools,
    );

    expect(reply.message).toBe("Thanks! A teammate will follow up.");
    expect(offline.calls.reply).toBe(1);
    expect(reply.usage.map((usage) => [usage.engine, usage.model, usage.failure?.split(":")[0]])).toEqual([
      ["llm", PRIMARY, "error"],
      ["llm", FALLBACK, "timeout"],
      ["offline", "offline", undefined],
    ]);
  });

  it("keeps a booking made by an attempt that then timed out, and does not book twice", async () => {
    fake.script(
      PRIMARY,
      {
        kind: "tool_calls",
        calls: [
          {
            name: "list_open_slots",
            arguments: { from: "2026-03-05T08:00", to: "2026-03-05T12:00", limit: 2 },
          },
        ],
      },
      { kind: "tool_calls", calls: [{ name: "book_appointment", arguments: { slotId: "slot-a" } }] },
      { kind: "slow", delayMs: 3000 },
    );
    fake.script(FALLBACK, answer("You're all set for Thursday at 10:00 AM!"));
    const offline = buildOfflineEngines();
    const { tools, calls } = buildRecordingTools();
    const reply = await routedResponder(offline.responder).reply(buildResponderContext(), tools);

    expect(calls.bookAppointment).toEqual(["slot-a"]);
    expect(reply.state.booked).toEqual({ appointmentId: "appt-slot-a", start: slotA.start, end: slotA.end });
    // The fallback model was told about the booking.
    expect(JSON.stringify(fake.requestsFor(FALLBACK)[0]?.messages[0])).toContain("Already booked");
    expect(reply.usage[0]).toMatchObject({ model: PRIMARY, failure: "timeout" });
    // Tokens of the two steps that did finish before the timeout.
    expect(reply.usage[0]?.inputTokens).toBe(240);
  });
});

const analysisInput: TTurnAnalysisInput = {
  playbook: testPlaybook,
  history: [],
  turn: { role: "lead", text: "Yes, Thursday", at: "2026-03-04T14:05:00Z", direction: "inbound" },
  previous: emptyRollup,
  timeZone: "America/New_York",
};
const verdict: TTurnVerdict = {
  stage: "book",
  sentiment: 0.5,
  escalate: false,
  escalateReason: null,
  adherence: 90,
  violations: [],
  summary: "Dana wants Thursday.",
};

describe("routeTurnAnalyzer", () => {
  const routed = (offline: TurnAnalyzer) =>
    routeTurnAnalyzer({
      primary: createLlmTurnAnalyzer({ model: modelFor(PRIMARY), timeoutMs: TIMEOUT_MS }),
      fallback: createLlmTurnAnalyzer({ model: modelFor(FALLBACK), timeoutMs: TIMEOUT_MS }),
      offline,
    });

  it("moves to the fallback model when the primary's verdict is invalid twice", async () => {
    fake.script(
      PRIMARY,
      { kind: "json", object: { ...verdict, adherence: 101 } },
      { kind: "json", object: { ...verdict, stage: "nope" } },
    );
    fake.script(FALLBACK, { kind: "json", object: verdict });
    const result = await routed(buildOfflineEngines().analyzer).analyze(analysisInput);

    expect(result.verdict).toEqual(verdict);
    expect(result.usage).toMatchObject({ model: FALLBACK });
    expect(result.attempts.map((usage) => usage.model)).toEqual([PRIMARY, PRIMARY, FALLBACK]);
    expect(billableUsage(result)).toHaveLength(3);
  });

  it("falls to the offline engine when both models fail", async () => {
    fake.script(PRIMARY, { kind: "status", status: 500 });
    fake.script(FALLBACK, { kind: "status", status: 503 });
    const offline = buildOfflineEngines();
    const result = await routed(offline.analyzer).analyze(analysisInput);
    expect(result.verdict.summary).toBe("offline");
    expect(result.attempts.map((usage) => usage.engine)).toEqual(["llm", "llm", "offline"]);
  });
});

const classifyInput: TClassifyInput = {
  text: "Is it expensive?",
  context: [],
  timeZone: "America/New_York",
  sentAt: new Date("2026-03-04T14:05:00Z"),
};
const classification: TSmsClassification = {
  intent: "question",
  objection: null,
  sentiment: "neutral",
  sentimentScore: 0,
  mentionedTime: null,
  escalate: false,
  escalateReason: null,
  humanRequest: false,
  confidence: 0.8,
};
const modelRead = {
  intent: "question",
  objection: null,
  sentiment: "neutral",
  datetime: null,
  escalate: false,
  escalateReason: null,
  humanRequest: false,
};

describe("routeClassifier", () => {
  const routed = (offline: SmsClassifier) =>
    routeClassifier({
      primary: createLlmClassifier({ model: modelFor(PRIMARY), timeoutMs: TIMEOUT_MS }),
      fallback: createLlmClassifier({ model: modelFor(FALLBACK), timeoutMs: TIMEOUT_MS }),
      offline,
    });

  it("moves to the fallback model when the primary's reading is invalid twice", async () => {
    fake.script(
      PRIMARY,
      { kind: "json", object: { ...modelRead, intent: "maybe" } },
      { kind: "invalid_json" },
    );
    fake.script(FALLBACK, { kind: "json", object: modelRead });
    const result = await routed(buildOfflineEngines().classifier).classify(classifyInput);
    expect(result.classification).toEqual(classification);
    expect(result.attempts.map((usage) => [usage.model, usage.failure?.split(":")[0]])).toEqual([
      [PRIMARY, "invalid"],
      [PRIMARY, "invalid"],
      [FALLBACK, undefined],
    ]);
  });

  it("answers offline with no fallback model configured when the primary fails", async () => {
    fake.script(PRIMARY, { kind: "status", status: 500 });
    const offline = buildOfflineEngines();
    const result = await routeClassifier({
      primary: createLlmClassifier({ model: modelFor(PRIMARY), timeoutMs: TIMEOUT_MS }),
      offline: offline.classifier,
    }).classify(classifyInput);
    expect(result.classification.confidence).toBe(0.5);
    expect(offline.calls.classify).toBe(1);
    expect(fake.requests).toHaveLength(1);
  });
});

const callInput: TCallAnalysisInput = {
  segments: [
    { speaker: "rep", start: 0, end: 5, text: "Hi, it's Leo from BrightHome. Is now a good time?" },
    { speaker: "customer", start: 5.5, end: 9, text: "Sure, but I'm not paying more than fifty." },
    {
      speaker: "rep",
      start: 9.5,
      end: 15,
      text: "Understood. Our basic plan is forty-five. Thursday at ten?",
    },
    { speaker: "customer", start: 15.5, end: 17, text: "Thursday works." },
  ],
  customObjections: [],
};
const callReading = {
  speakers: [],
  stages: [
    { stage: "greeting", fromSegment: 0, toSegment: 0 },
    { stage: "close", fromSegment: 2, toSegment: 3 },
  ],
  objections: [
    {
      label: "price/budget",
      segmentIndex: 1,
      quote: "not paying more than fifty",
      handling: "strong",
      response: "Offered the plan within budget.",
    },
  ],
  outcome: { label: "booked", evidence: "Thursday works.", segmentIndex: 3 },
  coaching: [
    {
      kind: "strength",
      title: "Met the budget",
      advice: "Keep quoting within the stated budget.",
      segmentIndex: 2,
    },
    {
      kind: "improvement",
      title: "Discover first",
      advice: "Ask about the problem before the price.",
      segmentIndex: 0,
    },
  ],
  summary: "Booked Thursday at ten within the customer's budget.",
};
const offlineCallAnalysis: TCallAnalysis = {
  speakers: { rep: "rep", customer: "customer" },
  stages: [],
  objections: [],
  outcome: { label: "no_decision", evidence: "", at: null },
  metrics: {
    repTalkRatio: 0.5,
    longestRepMonologueSeconds: 0,
    repQuestions: 0,
    interactivityPerMinute: 0,
    patienceSeconds: 0,
  },
  coaching: [],
  summary: "offline",
};
const callAnswer = (object: unknown = callReading) => ({
  kind: "json" as const,
  object,
  usage: { prompt_tokens: 900, completion_tokens: 300 },
});

describe("routeCallAnalyzer", () => {
  const routed = (offline: CallAnalyzer) =>
    routeCallAnalyzer({
      primary: createLlmCallAnalyzer({ model: modelFor(PRIMARY), timeoutMs: TIMEOUT_MS }),
      fallback: createLlmCallAnalyzer({ model: modelFor(FALLBACK), timeoutMs: TIMEOUT_MS }),
      offline,
    });

  it("answers from the primary model, listing its one attempt", async () => {
    fake.script(PRIMARY, callAnswer());
    const offline = buildOfflineEngines();
    const result = await routed(offline.callAnalyzer).analyze(callInput);
    expect(result.analysis.outcome).toEqual({ label: "booked", evidence: "Thursday works.", at: 15.5 });
    expect(result.attempts).toEqual([
      expect.objectContaining({ engine: "llm", model: PRIMARY, inputTokens: 900, outputTokens: 300 }),
    ]);
    expect(result.attempts[0]?.failure).toBeUndefined();
    expect(offline.calls.analyzeCall).toBe(0);
  });

  it("moves to the fallback model when the primary times out, without retrying it", async () => {
    fake.script(PRIMARY, { kind: "slow", delayMs: 3000 });
    fake.script(FALLBACK, callAnswer());
    const result = await routed(buildOfflineEngines().callAnalyzer).analyze(callInput);

    expect(result.analysis.objections.map((objection) => objection.label)).toEqual(["price/budget"]);
    expect(result.usage).toMatchObject({ model: FALLBACK });
    expect(result.attempts.map((usage) => [usage.model, usage.failure])).toEqual([
      [PRIMARY, "timeout"],
      [FALLBACK, undefined],
    ]);
    expect(fake.requestsFor(PRIMARY)).toHaveLength(1);
  });

  it("retries an analysis that does not fit the transcript once on the same model", async () => {
    fake.script(
      PRIMARY,
      callAnswer({ ...callReading, outcome: { ...callReading.outcome, segmentIndex: 4 } }),
      callAnswer(),
    );
    const result = await routed(buildOfflineEngines().callAnalyzer).analyze(callInput);

    expect(result.analysis.outcome.at).toBe(15.5);
    expect(result.attempts.map((usage) => [usage.model, usage.failure?.split(":")[0]])).toEqual([
      [PRIMARY, "invalid"],
      [PRIMARY, undefined],
    ]);
    expect(result.attempts[0]?.failure).toMatch(/segmentIndex 4 is not a line/);
    // The refused attempt's tokens are billed too.
    expect(billableUsage(result).reduce((sum, usage) => sum + usage.inputTokens, 0)).toBe(1800);
    expect(fake.requestsFor(FALLBACK)).toHaveLength(0);
  });

  it("moves on after two invalid answers, and lets the offline engine answer when the fallback fails too", async () => {
    fake.script(PRIMARY, callAnswer({ ...callReading, coaching: [callReading.coaching[0]] }), {
      kind: "invalid_json",
    });
    fake.script(FALLBACK, { kind: "status", status: 502 });
    const offline = buildOfflineEngines();
    const result = await routed(offline.callAnalyzer).analyze(callInput);

    expect(result.analysis.summary).toBe("offline");
    expect(offline.calls.analyzeCall).toBe(1);
    expect(result.attempts.map((usage) => [usage.engine, usage.model, usage.failure?.split(":")[0]])).toEqual(
      [
        ["llm", PRIMARY, "invalid"],
        ["llm", PRIMARY, "invalid"],
        ["llm", FALLBACK, "error"],
        ["offline", "offline", undefined],
      ],
    );
  });

  it("falls to the offline engine when both models time out", async () => {
    fake.script(PRIMARY, { kind: "slow", delayMs: 3000 });
    fake.script(FALLBACK, { kind: "slow", delayMs: 3000 });
    const offline = buildOfflineEngines();
    const result = await routed(offline.callAnalyzer).analyze(callInput);
    expect(result.analysis.summary).toBe("offline");
    expect(result.attempts.map((usage) => usage.failure ?? usage.engine)).toEqual([
      "timeout",
      "timeout",
      "offline",
    ]);
  });
});

describe("createAiEngines", () => {
  it("returns the offline engines, and calls nothing out, when there is no API key", async () => {
    const offline = buildOfflineEngines();
    const engines = createAiEngines({
      config: { OPENROUTER_API_KEY: undefined, OPENROUTER_BASE_URL: fake.baseUrl },
      settings: testSettings,
      offline,
    });
    expect(engines.responder).toBe(offline.responder);
    expect(engines.analyzer).toBe(offline.analyzer);
    expect(engines.classifier).toBe(offline.classifier);
    expect(engines.callAnalyzer).toBe(offline.callAnalyzer);

    await engines.responder.reply(buildResponderContext(), buildRecordingTools().tools);
    await engines.analyzer.analyze(analysisInput);
    await engines.classifier.classify(classifyInput);
    await engines.callAnalyzer.analyze(callInput);
    expect(fake.requests).toHaveLength(0);
  });

  it("returns the offline engines when the org chose the offline engine, key or not", () => {
    const offline = buildOfflineEngines();
    const engines = createAiEngines({
      config: { OPENROUTER_API_KEY: fake.apiKey, OPENROUTER_BASE_URL: fake.baseUrl },
      settings: { ...testSettings, engine: "offline" },
      offline,
    });
    expect(engines.responder).toBe(offline.responder);
    expect(engines.callAnalyzer).toBe(offline.callAnalyzer);
  });

  it("routes through the org's models with the configured key and base URL", async () => {
    fake.script(PRIMARY, { kind: "status", status: 500 });
    fake.script(FALLBACK, { kind: "json", object: modelRead });
    const offline = buildOfflineEngines();
    const engines = createAiEngines({
      config: { OPENROUTER_API_KEY: fake.apiKey, OPENROUTER_BASE_URL: fake.baseUrl },
      settings: testSettings,
      offline,
    });
    const result = await engines.classifier.classify(classifyInput);
    expect(result.classification).toEqual(classification);
    expect(fake.requests.map((request) => [request.model, request.authorization])).toEqual([
      [PRIMARY, `Bearer ${fake.apiKey}`],
      [FALLBACK, `Bearer ${fake.apiKey}`],
    ]);
    expect(billableUsage(result).map((usage) => usage.model)).toEqual([PRIMARY, FALLBACK]);
  });

  it("routes call analysis through the org's models too", async () => {
    fake.script(PRIMARY, { kind: "status", status: 500 });
    fake.script(FALLBACK, callAnswer());
    const offline = buildOfflineEngines();
    const engines = createAiEngines({
      config: { OPENROUTER_API_KEY: fake.apiKey, OPENROUTER_BASE_URL: fake.baseUrl },
      settings: testSettings,
      offline,
    });
    const result = await engines.callAnalyzer.analyze(callInput);
    expect(result.analysis.outcome.label).toBe("booked");
    expect(offline.calls.analyzeCall).toBe(0);
    expect(billableUsage(result).map((usage) => [usage.model, usage.failure?.split(":")[0]])).toEqual([
      [PRIMARY, "error"],
      [FALLBACK, undefined],
    ]);
    expect(fake.requests.map((request) => request.responseFormat?.json_schema?.name)).toEqual([
      "call_analysis",
      "call_analysis",
    ]);
  });
});
