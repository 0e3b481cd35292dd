import { readdirSync, readFileSync } from "node:fs";
import { OBJECTION_LABELS, type TAnalyzerSegment } from "@plaibook/shared";
import { describe, expect, it } from "vitest";
import { analyzeCall, evalLabelsOf } from "./index.js";
import { loadCallLines } from "./line-model.js";
import { findObjections } from "./objections.js";
import { turnsOf } from "./transcript.js";

/** The customer says `line` after a pitch; the rep answers with `reply`. */
function labelsOf(
  line: string,
  reply = "I totally understand. Can I ask what would make it work for you?",
): string[] {
  const turns = turnsOf(
    [
      {
        speaker: "rep",
        start: 0,
        end: 8,
        text: "So the plan is forty-nine a month and includes four visits a year.",
      },
      { speaker: "customer", start: 8.5, end: 14, text: line },
      { speaker: "rep", start: 14.5, end: 20, text: reply },
    ],
    { rep: "rep", customer: "customer" },
  );
  return findObjections(turns, []).map((o) => o.label);
}

describe("objections: lines we wrote for this test (not in the training file)", () => {
  it.each([
    ["Yikes. That's a lot more than I was planning on spending.", "price/too_expensive"],
    ["We're on a pretty tight budget since my husband retired.", "price/budget"],
    ["The company across town quoted me eighty bucks less for the same thing.", "price/found_cheaper"],
    ["What's this two hundred dollar admin fee? Nobody mentioned that.", "price/hidden_fees"],
    ["I'd have to run it by my wife before I commit to anything.", "authority/spouse_partner"],
    ["I'm just renting here, so my landlord would have to say yes.", "authority/landlord_owner"],
    ["The board has to approve anything over five grand.", "authority/boss_committee"],
    [
      "I've been with my insurance agent for twelve years, I'm happy with her.",
      "competitor/current_provider",
    ],
    ["We signed a three-year agreement with them last fall.", "competitor/under_contract"],
    ["Does it actually work though? I'm skeptical.", "trust/skeptical_results"],
    ["The last contractor we hired took the money and never finished.", "trust/bad_past_experience"],
    ["How do I know this isn't some kind of scam?", "trust/scam_concern"],
    ["I'm not comfortable giving out my information over the phone.", "trust/privacy"],
    ["I'm busy right now, can you call me back tomorrow?", "timing/call_back_later"],
    ["I'd rather wait till spring to do anything with the yard.", "timing/seasonal"],
    ["Honestly, now's not the right time, maybe later this year.", "timing/not_now"],
    ["I just do it myself on weekends.", "need/diy"],
    ["Our furnace is running fine, I don't think we need it.", "need/no_problem_now"],
    ["I'm just not interested, sorry.", "need/not_interested"],
    ["We're probably moving out of state in a few months.", "other"],
  ])("%s → %s", (line, label) => {
    expect(labelsOf(line)).toEqual([label]);
  });

  it.each([
    "Okay, and how much is the monthly plan?",
    "Is there a setup fee?",
    "My wife found your website, actually.",
    "We're with State Farm right now.",
    "Oh, forever. We're not moving.",
    "I got a text about renters insurance.",
    "The side yard is pretty shady.",
    "I'm in the car, but I'm parked, go ahead.",
    "It gets really hot upstairs in the summer.",
    "Sounds good, let's do it.",
  ])("%s → no objection", (line) => {
    expect(labelsOf(line, "Great. So the next step is a quick visit.")).toEqual([]);
  });

  it("counts a second label of a category just raised as the same objection going on", () => {
    const turns = turnsOf(
      [
        { speaker: "rep", start: 0, end: 5, text: "It comes to ninety-five a month." },
        { speaker: "customer", start: 5, end: 9, text: "Money's really tight for us right now." },
        {
          speaker: "rep",
          start: 9,
          end: 15,
          text: "I hear you. We can spread it out over twelve months with no interest.",
        },
        { speaker: "customer", start: 15, end: 17, text: "Still kind of a lot." },
      ],
      { rep: "rep", customer: "customer" },
    );
    expect(findObjections(turns, []).map((o) => o.label)).toEqual(["price/budget"]);
  });
});

describe("the training file", () => {
  it("is valid and has lines for every label and for plain answers", () => {
    const lines = loadCallLines();
    const labels = new Set(lines.map((l) => l.label));
    for (const label of [...OBJECTION_LABELS, "none"]) expect(labels, label).toContain(label);
    expect(lines.filter((l) => l.label === "none").length).toBeGreaterThanOrEqual(50);
  });
});

type TFixture = {
  id: string;
  segments: TAnalyzerSegment[];
  labels: { objections: string[]; outcome: string; stages: string[] };
};

function microF1(gold: string[][], predicted: string[][]): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [i, g] of gold.entries()) {
    const p = new Set(predicted[i]);
    for (const label of p) g.includes(label) ? tp++ : fp++;
    for (const label of new Set(g)) if (!p.has(label)) fn++;
  }
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

describe("our own check calls (fixtures/*.jsonl, written for this project)", () => {
  const calls: TFixture[] = readdirSync(new URL("fixtures/", import.meta.url))
    .filter((file) => file.endsWith(".jsonl"))
    .flatMap((file) =>
      readFileSync(new URL(`fixtures/${file}`, import.meta.url), "utf8")
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as TFixture),
    );
  const predicted = calls.map((call) =>
    evalLabelsOf(analyzeCall({ segments: call.segments, customObjections: [] })),
  );
  const categories = (labels: string[]) => [...new Set(labels.map((l) => l.split("/")[0] as string))];

  it("has all four sets", () => {
    expect(calls.length).toBe(46);
  });

  it("finds the objection categories (micro-F1 ≥ 0.85)", () => {
    expect(
      microF1(
        calls.map((c) => categories(c.labels.objections)),
        predicted.map((p) => categories(p.objections)),
      ),
    ).toBeGreaterThanOrEqual(0.85);
  });

  it("reads the outcome (accuracy ≥ 0.85) and the stages (micro-F1 ≥ 0.85)", () => {
    const right = calls.filter((c, i) => c.labels.outcome === predicted[i]?.outcome).length;
    expect(right / calls.length).toBeGreaterThanOrEqual(0.85);
    expect(
      microF1(
        calls.map((c) => c.labels.stages),
        predicted.map((p) => p.stages),
      ),
    ).toBeGreaterThanOrEqual(0.85);
  });
});
