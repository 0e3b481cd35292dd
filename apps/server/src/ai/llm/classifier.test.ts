import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeOpenAi, type TFakeOpenAi } from "../../../test/fakes/fake-openai.js";
import type { TClassifyInput } from "../ports.js";
import { LlmAttemptError } from "./attempt.js";
import { CLASSIFIER_PROMPT_VERSION, createLlmClassifier } from "./classifier.js";
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
const classifier = () =>
  createLlmClassifier({
    model: createChatModel({ apiKey: fake.apiKey, baseUrl: fake.baseUrl, model: MODEL }),
    timeoutMs: 2000,
  });

const input: TClassifyInput = {
  text: "Thursday at 10 works but it seems pricey",
  context: [{ role: "agent", text: "Would Thursday work for an estimate?" }],
  timeZone: "America/New_York",
  // Wednesday 9:05 in New York
  sentAt: new Date("2026-03-04T14:05:00Z"),
};

const read = {
  intent: "objection",
  objection: "price/too_expensive",
  sentiment: "neutral",
  datetime: "2026-03-05T10:00",
  escalate: false,
  escalateReason: null,
  humanRequest: false,
};

describe("createLlmClassifier", () => {
  it("builds the full classification from the model's reading", async () => {
    fake.enqueue({ kind: "json", object: read, usage: { prompt_tokens: 300, completion_tokens: 25 } });
    const result = await classifier().classify(input);
    expect(result.classification).toEqual({
      intent: "objection",
      objection: "price/too_expensive",
      sentiment: "neutral",
      sentimentScore: 0,
      mentionedTime: {
        date: "2026-03-05",
        time: "10:00",
        after: false,
        datetime: "2026-03-05T10:00",
        text: "2026-03-05T10:00",
      },
      escalate: false,
      escalateReason: null,
      humanRequest: false,
      confidence: 0.8,
    });
    expect(result.usage).toMatchObject({
      model: MODEL,
      inputTokens: 300,
      outputTokens: 25,
      promptVersion: CLASSIFIER_PROMPT_VERSION,
    });
    const system = JSON.stringify(fake.requests[0]?.messages[0]);
    expect(system).toContain("2026-03-04T09:05");
    expect(system).toContain("Wednesday");
    expect(fake.requests[0]?.responseFormat?.type).toBe("json_schema");
  });

  it("keeps an objection label only for the objection intent, and fills an escalation reason", async () => {
    fake.enqueue({
      kind: "json",
      object: { ...read, intent: "question", sentiment: "negative", datetime: null, escalate: true },
    });
    const { classification } = await classifier().classify(input);
    expect(classification.objection).toBeNull();
    expect(classification.mentionedTime).toBeNull();
    expect(classification.sentimentScore).toBe(-0.6);
    expect(classification.escalateReason).toBe("Flagged by the model");
  });

  it.each([
    ["an intent outside the list", { ...read, intent: "purchase" }],
    ["an objection label outside the taxonomy", { ...read, objection: "price/free" }],
    ["a date that does not exist", { ...read, datetime: "2026-02-30T10:00" }],
  ])("refuses %s as invalid", async (_label, object) => {
    fake.enqueue({ kind: "json", object });
    const error = await classifier()
      .classify(input)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LlmAttemptError);
    expect((error as LlmAttemptError).kind).toBe("invalid");
  });
});
