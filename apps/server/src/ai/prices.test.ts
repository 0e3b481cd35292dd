import { describe, expect, it } from "vitest";
import { BUILT_IN_MODEL_PRICES, costMicros, mergeModelPrices, UNKNOWN_MODEL_PRICE } from "./prices.js";

describe("costMicros", () => {
  it("prices a known model in whole micros, rounding up", () => {
    // 1000 × 0.15 + 200 × 0.6 = 270 micros, exactly (no floating-point overshoot to 271).
    expect(costMicros("openai/gpt-4o-mini", 1000, 200)).toEqual({ micros: 270, knownPrice: true });
    // 3 × 0.15 + 1 × 0.6 = 1.05 → 2
    expect(costMicros("openai/gpt-4o-mini", 3, 1)).toEqual({ micros: 2, knownPrice: true });
  });

  it("charges nothing for the offline engine", () => {
    expect(costMicros("offline", 500, 500)).toEqual({ micros: 0, knownPrice: true });
  });

  it("uses a conservative default for an unknown model and says so", () => {
    const cost = costMicros("acme/new-model", 1000, 1000);
    expect(cost.knownPrice).toBe(false);
    expect(cost.micros).toBe(1000 * UNKNOWN_MODEL_PRICE.input + 1000 * UNKNOWN_MODEL_PRICE.output);
    expect(cost.micros).toBeGreaterThanOrEqual(costMicros("anthropic/claude-sonnet-4", 1000, 1000).micros);
  });

  it("reads a variant suffix as its base model", () => {
    expect(costMicros("openai/gpt-4o:floor", 100, 0)).toEqual({ micros: 250, knownPrice: true });
  });

  it("lets the configured prices override and extend the built-in table", () => {
    const prices = mergeModelPrices({
      "openai/gpt-4o-mini": { input: 1, output: 2 },
      "acme/new-model": { input: 0.5, output: 0.5 },
    });
    expect(costMicros("openai/gpt-4o-mini", 10, 10, prices).micros).toBe(30);
    expect(costMicros("acme/new-model", 10, 10, prices)).toEqual({ micros: 10, knownPrice: true });
    expect(prices["anthropic/claude-sonnet-4"]).toEqual(BUILT_IN_MODEL_PRICES["anthropic/claude-sonnet-4"]);
  });
});
