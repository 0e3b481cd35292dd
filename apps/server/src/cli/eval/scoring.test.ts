import { describe, expect, it } from "vitest";
import { accuracy, binaryScores, confusion, macroF1, perLabelScores, setMicroF1 } from "./scoring.js";

describe("scoring", () => {
  it("computes per-label precision, recall and F1", () => {
    const scores = perLabelScores(["a", "a", "b", "c"], ["a", "b", "b", "c"]);
    expect(scores.find((s) => s.label === "a")).toEqual({
      label: "a",
      precision: 1,
      recall: 0.5,
      f1: 2 / 3,
      support: 2,
    });
    expect(scores.find((s) => s.label === "b")).toMatchObject({ precision: 0.5, recall: 1, support: 1 });
  });

  it("macro-F1 averages labels equally and skips labels seen nowhere", () => {
    const f1 = macroF1(["a", "a", "b", "c"], ["a", "b", "b", "c"], ["a", "b", "c", "unused"]);
    expect(f1).toBeCloseTo((2 / 3 + 2 / 3 + 1) / 3, 10);
    expect(macroF1(["x", "y"], ["x", "y"])).toBe(1);
  });

  it("scores accuracy and binary recall/precision", () => {
    expect(accuracy(["a", null, "b"], ["a", null, "c"])).toBeCloseTo(2 / 3, 10);
    expect(binaryScores([true, true, false, false], [true, false, true, false])).toEqual({
      recall: 0.5,
      precision: 0.5,
      truePositive: 1,
      falsePositive: 1,
      falseNegative: 1,
    });
    expect(binaryScores([false], [false]).recall).toBe(1);
  });

  it("counts confusions gold-first", () => {
    const table = confusion(["a", "a", "b"], ["a", "b", "b"]);
    expect(table.get("a")?.get("b")).toBe(1);
    expect(table.get("b")?.get("b")).toBe(1);
  });

  it("refuses lists of different lengths", () => {
    expect(() => accuracy(["a"], [])).toThrow(/gold has 1/);
  });

  it("micro-F1 over label sets counts each label once per item", () => {
    const scores = setMicroF1([["a", "b"], [], ["c"]], [["a", "a", "x"], ["y"], ["c"]]);
    expect(scores).toMatchObject({ truePositive: 2, falsePositive: 2, falseNegative: 1 });
    expect(scores.precision).toBeCloseTo(0.5, 10);
    expect(scores.recall).toBeCloseTo(2 / 3, 10);
    expect(scores.f1).toBeCloseTo((2 * 0.5 * (2 / 3)) / (0.5 + 2 / 3), 10);
    expect(setMicroF1([[], []], [[], []]).f1).toBe(1);
    expect(setMicroF1([["a"]], [[]]).f1).toBe(0);
    expect(() => setMicroF1([["a"]], [])).toThrow(/gold has 1/);
  });
});
