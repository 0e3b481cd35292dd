import type { TModelPrices } from "../platform/config.js";

type TModelPrice = TModelPrices[string];

/**
 * Dollars per million tokens on OpenRouter (list prices when this table was written). AI_MODEL_PRICES
 * overrides or extends it; the offline engine costs nothing.
 */
export const BUILT_IN_MODEL_PRICES: TModelPrices = {
  "openai/gpt-4o-mini": { input: 0.15, output: 0.6 },
  "openai/gpt-4o": { input: 2.5, output: 10 },
  "openai/gpt-4.1-mini": { input: 0.4, output: 1.6 },
  "anthropic/claude-3.5-haiku": { input: 0.8, output: 4 },
  "anthropic/claude-sonnet-4": { input: 3, output: 15 },
  "google/gemini-2.0-flash-001": { input: 0.1, output: 0.4 },
  "meta-llama/llama-3.1-70b-instruct": { input: 0.4, output: 0.4 },
  offline: { input: 0, output: 0 },
};

/** For a model we have no price for: the dearest common one, so spend is over- rather than under-counted. */
export const UNKNOWN_MODEL_PRICE: TModelPrice = { input: 3, output: 15 };

export function mergeModelPrices(override?: TModelPrices): TModelPrices {
  return { ...BUILT_IN_MODEL_PRICES, ...override };
}

/** The price of a model id; `openai/gpt-4o-mini:floor` and the like fall back to the base id. */
export function priceOf(model: string, prices: TModelPrices): { price: TModelPrice; known: boolean } {
  const exact = prices[model] ?? prices[model.replace(/:[^/]*$/, "")];
  return exact ? { price: exact, known: true } : { price: UNKNOWN_MODEL_PRICE, known: false };
}

/**
 * What a call cost, in millionths of a dollar, rounded up to a whole micro. Dollars per million tokens
 * times tokens is exactly micros. `knownPrice` is false when the conservative default was used.
 */
export function costMicros(
  model: string,
  inputTokens: number,
  outputTokens: number,
  prices: TModelPrices = BUILT_IN_MODEL_PRICES,
): { micros: number; knownPrice: boolean } {
  const { price, known } = priceOf(model, prices);
  const exact = inputTokens * price.input + outputTokens * price.output;
  // 0.15 × 1000 is 150.00000000000003 in floating point: drop that noise before rounding up.
  const micros = Math.ceil(Math.round(exact * 1e6) / 1e6);
  return { micros, knownPrice: known };
}
