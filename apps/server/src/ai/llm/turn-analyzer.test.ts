import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeOpenAi, type TFakeOpenAi } from "../../../test/fakes/fake-openai.js";
import type { TTurnAnalysisInput } from "../ports.js";
import { LlmAttemptError } from "./attempt.js";
import { createChatModel } from "./model.js";
import { emptyRollup, testPlaybook } from "./test-fixtures.js";
import { createLlmTurnAnalyzer, TURN_ANALYZER_PROMPT_VERSION } from "./turn-analyzer.js";

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
  createLlmTurnAnalyzer({
    model: createChatModel({ apiKey: fake.apiKey, baseUrl: fake.baseUrl, model: MODEL }),
    timeoutMs: 2000,
  });

const input: TTurnAnalysisInput = {
  playbook: testPlaybook,
  history: [{ role: "agent", text: "Hi Dana, still need lawn help?", at: "2026-03-04T14:00:00Z" }],
  turn: { role: "lead", text: "Yes! Thursday?", at: "2026-03-04T14:05:00Z", direction: "inbound" },
  previous: emptyRollup,
  timeZone: "America/New_York",
};

const verdict = {
  stage: "book",
  sentiment: 0.6,
  escalate: false,
  escalateReason: null,
  adherence: 95,
  violations: [],
  summary: "Dana wants a Thursday estimate.",
};

describe("createLlmTurnAnalyzer", () => {
  it("returns the verdict parsed with the shared schema, and the usage", async () => {
    fake.enqueue({ kind: "json", object: verdict, usage: { prompt_tokens: 400, completion_tokens: 60 } });
    const result = await analyzer().analyze(input);
    expect(result.verdict).toEqual(verdict);
    expect(result.usage).toMatchObject({
      engine: "llm",
      model: MODEL,
      inputTokens: 400,
      outputTokens: 60,
      promptVersion: TURN_ANALYZER_PROMPT_VERSION,
    });
    const request = fake.requests[0];
    expect(request?.responseFormat).toMatchObject({
      type: "json_schema",
      json_schema: { name: "turn_verdict" },
    });
    expect(JSON.stringify(request?.messages)).toContain("Judge this turn (from the lead)");
  });

  it.each([
    ["an adherence out of range", { ...verdict, adherence: 140 }],
    ["a stage the playbook does not have", { ...verdict, stage: "negotiate" }],
    ["a missing summary", { ...verdict, summary: undefined }],
  ])("refuses %s as invalid", async (_label, object) => {
    fake.enqueue({ kind: "json", object });
    const error = await analyzer()
      .analyze(input)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LlmAttemptError);
    expect((error as LlmAttemptError).kind).toBe("invalid");
  });
});
