import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { generateText, Output } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startFakeOpenAi, type TFakeOpenAi } from "../../../test/fakes/fake-openai.js";
import { createChatModel } from "./model.js";

let fake: TFakeOpenAi;
beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(async () => {
  await fake.close();
});

describe("createChatModel and the fake OpenAI server", () => {
  it("refuses a wrong API key, as OpenRouter does", async () => {
    fake.enqueue({ kind: "text", text: "never sent" });
    const model = createChatModel({ apiKey: "sk-wrong-key", baseUrl: fake.baseUrl, model: "openai/gpt-4o" });
    await expect(generateText({ model, prompt: "hi", maxRetries: 0 })).rejects.toThrow();
    expect(fake.requests.at(-1)?.status).toBe(401);
    fake.reset();
  });

  it("serves an OpenAI-compatible client under /v1 too", async () => {
    fake.enqueue({ kind: "json", object: { ok: true } });
    const provider = createOpenAICompatible({
      name: "local",
      baseURL: fake.v1Url,
      apiKey: fake.apiKey,
      supportsStructuredOutputs: true,
    });
    const result = await generateText({
      model: provider("any-model"),
      prompt: "hi",
      output: Output.object({ schema: z.object({ ok: z.boolean() }) }),
      maxRetries: 0,
    });
    expect(result.output).toEqual({ ok: true });
    expect(fake.requests.at(-1)).toMatchObject({ path: "/v1/chat/completions", model: "any-model" });
    expect(result.usage).toMatchObject({ inputTokens: 120, outputTokens: 30 });
  });
});
