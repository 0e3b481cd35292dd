import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../test/cli.js";
import { createCallAnalyzerForCli, readCallLines, runAnalyzeCall } from "./analyze-call.js";
import { EngineUnavailableError, InputLineError } from "./classify-sms.js";

const CALL = {
  id: "t-1",
  industry: "roofing",
  segments: [
    {
      speaker: "S1",
      start: 0,
      end: 6,
      text: "Hi, this is Marcus with Keystone Roofing. Is this the homeowner?",
    },
    { speaker: "S2", start: 6.5, end: 8, text: "Yes, what's this about?" },
    {
      speaker: "S1",
      start: 8.5,
      end: 14,
      text: "Have you noticed any leaks since the storm? And how old is the roof?",
    },
    { speaker: "S2", start: 14.5, end: 17, text: "No leaks. It's about fifteen years old." },
    {
      speaker: "S1",
      start: 17.5,
      end: 30,
      text: "So what we do is a free inspection with photos, and if there's damage your insurance usually covers it.",
    },
    {
      speaker: "S2",
      start: 30.5,
      end: 36,
      text: "How do I know you're not one of those storm chaser scams?",
    },
    {
      speaker: "S1",
      start: 36.5,
      end: 48,
      text: "Totally fair question. We're licensed and insured, and our office is on Main Street. Can I text you our reviews?",
    },
    { speaker: "S2", start: 48.5, end: 50, text: "Sure, send them." },
    { speaker: "S1", start: 50.5, end: 56, text: "Would Friday morning work for the inspection?" },
    { speaker: "S2", start: 56.5, end: 58, text: "Friday at nine is fine." },
    {
      speaker: "S1",
      start: 58.5,
      end: 66,
      text: "Perfect, you're all set for Friday at nine. The inspector will call you when she's on the way.",
    },
  ],
  labels: { objections: ["trust/scam_concern"], outcome: "booked", stages: [] },
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "plaibook-analyze-call-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("analyze-call", () => {
  it("writes one line of labels per call, in input order", async () => {
    const input = join(dir, "calls.jsonl");
    const output = join(dir, "out.jsonl");
    const voicemail = {
      id: "t-2",
      segments: [
        { speaker: "S1", start: 0, end: 4, text: "You've reached Sam, leave a message after the tone." },
        {
          speaker: "S2",
          start: 5,
          end: 15,
          text: "Hi Sam, it's Jo with Acme Pest. Give me a call back at five five five, zero one nine eight.",
        },
      ],
    };
    await writeFile(input, `${JSON.stringify(CALL)}\n\n${JSON.stringify(voicemail)}\n`);
    const { count } = await runAnalyzeCall({ input, output }, await createCallAnalyzerForCli("offline"));
    expect(count).toBe(2);
    const lines = (await readFile(output, "utf8"))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      {
        id: "t-1",
        objections: ["trust/scam_concern"],
        outcome: "booked",
        stages: ["greeting", "discovery", "presentation", "objection_handling", "close", "next_steps"],
      },
      { id: "t-2", objections: [], outcome: "no_decision", stages: ["greeting", "next_steps"] },
    ]);
  });

  it("names the line and the problem of a bad input line", async () => {
    const input = join(dir, "bad.jsonl");
    await writeFile(
      input,
      `${JSON.stringify(CALL)}\n${JSON.stringify({ id: "t-3", segments: [{ speaker: "rep", start: 0, text: "Hi" }] })}\n`,
    );
    await expect(readCallLines(input)).rejects.toThrow(InputLineError);
    await expect(readCallLines(input)).rejects.toThrow(/bad\.jsonl, line 2: segments\.0\.end/);
    await writeFile(input, `{"id": "t-4", "segments": [}\n`);
    await expect(readCallLines(input)).rejects.toThrow(/line 1: not valid JSON/);
    await writeFile(
      input,
      `${JSON.stringify({ id: "t-5", segments: [{ speaker: "rep", start: 5, end: 2, text: "Hi" }] })}\n`,
    );
    await expect(readCallLines(input)).rejects.toThrow(/line 1: segments\.0: ends before it starts/);
  });

  it("reads an org's custom subcategories from a line", async () => {
    const input = join(dir, "custom.jsonl");
    const output = join(dir, "custom-out.jsonl");
    const line = {
      id: "t-6",
      segments: [
        {
          speaker: "rep",
          start: 0,
          end: 6,
          text: "The system would be about one sixty a month. Want to get the survey scheduled?",
        },
        {
          speaker: "customer",
          start: 6.5,
          end: 10,
          text: "Our homeowners association would have to approve the panels first.",
        },
        {
          speaker: "rep",
          start: 10.5,
          end: 16,
          text: "That's fair. We handle the HOA paperwork and submit the plans for you.",
        },
      ],
      customObjections: [
        {
          category: "authority",
          slug: "hoa_approval",
          label: "HOA approval",
          examples: ["the HOA has to approve the panels"],
        },
      ],
    };
    await writeFile(input, `${JSON.stringify(line)}\n`);
    await runAnalyzeCall({ input, output }, await createCallAnalyzerForCli("offline"));
    expect(JSON.parse(await readFile(output, "utf8")).objections).toEqual(["authority/hoa_approval"]);
  });

  it("refuses the LLM engine without an API key", async () => {
    const config = { OPENROUTER_API_KEY: undefined, OPENROUTER_BASE_URL: "https://openrouter.ai/api/v1" };
    await expect(createCallAnalyzerForCli("llm", config)).rejects.toThrow(EngineUnavailableError);
    await expect(createCallAnalyzerForCli("llm", config)).rejects.toThrow(
      /LLM engine needs OPENROUTER_API_KEY/,
    );
  });

  it("runs as `plaibook analyze-call` and exits 1 naming a bad line", async () => {
    const input = join(dir, "cli.jsonl");
    const output = join(dir, "cli-out.jsonl");
    await writeFile(input, `${JSON.stringify(CALL)}\n`);
    const ok = runCli(["analyze-call", "--input", input, "--output", output], {});
    expect((await ok.exited).code, ok.output()).toBe(0);
    expect(ok.output()).toContain("Analysed 1 calls");
    expect(JSON.parse(await readFile(output, "utf8"))).toMatchObject({ id: "t-1", outcome: "booked" });

    await writeFile(input, `${JSON.stringify(CALL)}\n${JSON.stringify({ id: "" })}\n`);
    const bad = runCli(["analyze-call", "--input", input, "--output", output], {});
    expect((await bad.exited).code).toBe(1);
    expect(bad.output()).toMatch(/cli\.jsonl, line 2: id: .*; segments: /);
  });
});
