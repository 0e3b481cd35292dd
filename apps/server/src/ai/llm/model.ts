import { createOpenRouter } from "@openrouter/ai-sdk-provider";
import type { LanguageModel } from "ai";

/** A model instance (not a gateway id string): it knows its own `modelId`, which usage records name. */
export type TChatModel = Exclude<LanguageModel, string>;

export type TChatModelOptions = {
  apiKey: string;
  /** OpenRouter's API root (https://openrouter.ai/api/v1) or any OpenAI-compatible one. */
  baseUrl: string;
  /** An OpenRouter model id, e.g. `openai/gpt-4o-mini`. */
  model: string;
};

/**
 * The chat model behind every LLM engine. The OpenRouter provider sends `Output.object` as
 * `response_format: {type: "json_schema", json_schema: {schema, strict: true, name}}` and tools as
 * OpenAI function tools, so no OpenAI-compatible shim is needed (checked against the fake in tests).
 */
export function createChatModel(options: TChatModelOptions): TChatModel {
  const provider = createOpenRouter({ baseURL: options.baseUrl, apiKey: options.apiKey });
  return provider(options.model);
}
