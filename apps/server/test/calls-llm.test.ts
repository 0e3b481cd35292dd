import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type TCallDetail, ZOrgAiSettings } from "@plaibook/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFfmpeg } from "../src/integrations/audio/ffmpeg.js";
import { settledCall, uploadFixtureCall } from "./call-helpers.js";
import { startFakeOpenAi, type TFakeOpenAi } from "./fakes/fake-openai.js";
import { buildOrg, caller, ownerQuery, startTestApp, type TTestApp } from "./harness.js";

const ffmpeg = findFfmpeg(undefined);
if (!ffmpeg && process.env.CI === "true")
  throw new Error("ffmpeg is missing: CI requires it for the call tests");

const PRIMARY = "openai/gpt-4o-mini";
const FALLBACK = "anthropic/claude-3.5-haiku";

/** The model's reading of solar-follow-up (lines 0–6), in the call_analysis schema. */
const reading = {
  speakers: [],
  stages: [
    { stage: "greeting", fromSegment: 0, toSegment: 0 },
    { stage: "objection_handling", fromSegment: 1, toSegment: 3 },
    { stage: "next_steps", fromSegment: 4, toSegment: 6 },
  ],
  objections: [
    {
      label: "price/too_expensive",
      segmentIndex: 1,
      quote: "the price is too expensive",
      handling: "adequate",
      response: "Financing lowers the monthly payment.",
    },
    {
      label: "authority/spouse_partner",
      segmentIndex: 3,
      quote: "I need to talk to my wife",
      handling: "strong",
      response: "Offered to call them both on Friday.",
    },
  ],
  outcome: { label: "follow_up", evidence: "Friday after six is fine.", segmentIndex: 5 },
  coaching: [
    {
      kind: "strength",
      title: "Brought the spouse in",
      advice: "Booking a call with both decision makers keeps the deal alive.",
      segmentIndex: 4,
    },
    {
      kind: "improvement",
      title: "Quantify the savings",
      advice: "Give the monthly payment against their current bill in numbers.",
      segmentIndex: 2,
    },
  ],
  summary: "Tom finds it expensive and wants his wife in the decision; a call with both is set for Friday.",
};

describe.skipIf(!ffmpeg)("call analysis through a model (local OpenAI-compatible server)", () => {
  const dir = mkdtempSync(join(tmpdir(), "plaibook-calls-llm-"));
  let fake: TFakeOpenAi;
  let app: TTestApp;
  let token = "";
  let orgId = "";
  beforeAll(async () => {
    fake = await startFakeOpenAi();
    app = await startTestApp({
      env: {
        PLAIBOOK_DATA_DIR: join(dir, "data"),
        OPENROUTER_API_KEY: fake.apiKey,
        OPENROUTER_BASE_URL: fake.baseUrl,
      },
    });
    const org = await buildOrg(app, "LLM Calls");
    token = org.session.accessToken;
    orgId = org.orgId;
    const api = caller(app, { accessToken: token });
    const current = await api.agent.settings();
    await api.agent.saveSettings({
      ai: ZOrgAiSettings.parse({ model: PRIMARY, fallbackModel: FALLBACK, timeoutMs: 1500 }),
      calendar: current.calendar,
    });
    await api.callSettings.update({
      transcription: { engine: "supplied_only", repChannel: "left" },
      customObjections: [],
    });
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const analysedCall = async (externalId: string): Promise<TCallDetail> =>
    settledCall(
      app,
      token,
      await uploadFixtureCall(app, token, "solar-follow-up", { externalId, withTranscript: true }),
    );
  const ledger = (callId: string) =>
    ownerQuery<{ model: string; quantity: number; detail: { failure?: string } | null }>(
      app,
      "select model, quantity, detail from usage_ledger where ref_type = 'call_analysis' and ref_id = $1 and org_id = $2 order by id",
      [callId, orgId],
    );

  it("stores the primary model's analysis, grounded in the transcript, and bills it", async () => {
    fake.reset();
    fake.script(`${PRIMARY}#call_analysis`, {
      kind: "json",
      object: reading,
      usage: { prompt_tokens: 1800, completion_tokens: 420 },
    });
    const call = await analysedCall("llm-1");
    expect(call.status).toBe("analyzed");
    expect(call.analysisEngine).toBe(PRIMARY);
    expect(call.outcome).toBe("follow_up");
    expect(call.analysis?.objections.map((o) => o.label)).toEqual([
      "price/too_expensive",
      "authority/spouse_partner",
    ]);
    // Times come from the transcript's lines, not from the model.
    expect(call.analysis?.objections[1]?.at).toBe(call.transcript?.segments[3]?.start);
    expect(fake.requestsFor(PRIMARY)).toHaveLength(1);
    const lines = await ledger(call.id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ model: PRIMARY, quantity: 2220 });
  });

  it("moves on to the fallback model when the primary errs, and to the offline engine when both fail", async () => {
    fake.reset();
    fake.script(`${PRIMARY}#call_analysis`, { kind: "status", status: 503, message: "overloaded" });
    fake.script(`${FALLBACK}#call_analysis`, { kind: "json", object: reading });
    const viaFallback = await analysedCall("llm-2");
    expect(viaFallback.analysisEngine).toBe(FALLBACK);
    expect((await ledger(viaFallback.id)).map((l) => l.model)).toEqual([PRIMARY, FALLBACK]);

    fake.reset();
    fake.script(`${PRIMARY}#call_analysis`, { kind: "status", status: 500 });
    // An answer that points at a line the transcript does not have is invalid: retried once, then on.
    const outOfRange = { ...reading, outcome: { ...reading.outcome, segmentIndex: 99 } };
    fake.script(
      `${FALLBACK}#call_analysis`,
      { kind: "json", object: outOfRange },
      { kind: "json", object: outOfRange },
    );
    const offline = await analysedCall("llm-3");
    expect(offline).toMatchObject({ status: "analyzed", analysisEngine: "offline", outcome: "follow_up" });
    expect(fake.requestsFor(FALLBACK)).toHaveLength(2);
    expect((await ledger(offline.id)).map((l) => l.model)).toEqual([
      PRIMARY,
      FALLBACK,
      FALLBACK,
      "offline-v1",
    ]);
  });
});
