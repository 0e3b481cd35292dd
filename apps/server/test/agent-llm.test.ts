import { ZCalendarSettings, ZOrgAiSettings } from "@plaibook/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PLAYBOOKS } from "../src/modules/playbooks/demo-playbooks.js";
import { buildCampaign, waitUntil } from "./campaign-helpers.js";
import { startFakeOpenAi, type TFakeOpenAi } from "./fakes/fake-openai.js";
import { buildOrg, ownerQuery, startTestApp, type TTestApp } from "./harness.js";

const playbook = DEMO_PLAYBOOKS[0]?.content;
if (!playbook) throw new Error("no demo playbook");
const PRIMARY = "openai/gpt-4o-mini";
const FALLBACK = "anthropic/claude-3.5-haiku";

async function launch(app: TTestApp) {
  const { session, orgId } = await buildOrg(app, "Greenline Pest");
  const built = await buildCampaign(app, session, { leads: 1, playbook });
  await built.api.agent.saveSettings({
    ai: ZOrgAiSettings.parse({ model: PRIMARY, fallbackModel: FALLBACK, timeoutMs: 1500 }),
    calendar: ZCalendarSettings.parse({ timeZone: built.zone }),
  });
  await built.api.campaigns.transition({ campaignId: built.campaign.id, to: "active" });
  let conversationId = "";
  await waitUntil(
    async () => {
      const [c] = await built.api.conversations.list({ campaignId: built.campaign.id });
      conversationId = c?.id ?? "";
      return !!c?.lastMessagePreview;
    },
    15_000,
    "the first touch",
  );
  return { ...built, orgId, conversationId };
}

const verdict = (stage: string) => ({
  stage,
  sentiment: 0.2,
  escalate: false,
  escalateReason: null,
  adherence: 92,
  violations: [],
  summary: "Lead asked about the price",
});

describe("the agent through a model (local OpenAI-compatible server)", () => {
  let fake: TFakeOpenAi;
  let app: TTestApp;
  beforeAll(async () => {
    fake = await startFakeOpenAi();
    app = await startTestApp({
      env: {
        SANDBOX_DELIVERY_DELAY_MS: "20",
        OPENROUTER_API_KEY: fake.apiKey,
        OPENROUTER_BASE_URL: fake.baseUrl,
      },
    });
  });
  afterAll(async () => {
    await app.close();
    await fake.close();
  });

  it("answers with the primary model, falls back when it times out, and bills every call", async () => {
    const { api, conversationId, orgId } = await launch(app);
    fake.reset();
    // The agent's calls ask for "response", the Overseer's for "turn_verdict": scripted apart.
    fake.script(`${PRIMARY}#response`, { kind: "slow", delayMs: 4000 });
    fake.script(`${FALLBACK}#response`, {
      kind: "json",
      object: {
        message: "It's $129 a visit, {{firstName}}, with free re-treatments.",
        stage: "qualify",
        handover: null,
      },
      usage: { prompt_tokens: 900, completion_tokens: 30 },
    });
    const judged = {
      kind: "json" as const,
      object: verdict("reconnect"),
      usage: { prompt_tokens: 300, completion_tokens: 40 },
    };
    fake.script(`${PRIMARY}#turn_verdict`, judged, judged, judged);
    await api.sandbox.reply({ conversationId, body: "how much is it?" });
    await waitUntil(
      async () =>
        (await api.conversations.get({ conversationId })).messages.some(
          (m) => m.author === "ai" && m.body.startsWith("It's $129 a visit, Lead1"),
        ),
      20_000,
      "the fallback model's answer",
    );
    const lines = await ownerQuery<{ model: string; cost_micros: number; failure: string | null }>(
      app,
      `select model, cost_micros::int, detail->>'failure' as failure from usage_ledger
        where org_id = $1 and kind = 'llm_tokens' and ref_type = 'message' order by id`,
      [orgId],
    );
    expect(lines.map((l) => l.model)).toEqual([PRIMARY, FALLBACK]);
    expect(lines[0]?.failure).toMatch(/timeout/);
    // 900 input tokens at $0.80/M + 30 output at $4/M for claude-3.5-haiku = 720 + 120 micros.
    expect(lines[1]?.cost_micros).toBe(840);
    await waitUntil(
      async () => (await api.conversations.get({ conversationId })).analyses.length >= 3,
      20_000,
      "the Overseer's verdicts from the model",
    );
    const { conversation, analyses } = await api.conversations.get({ conversationId });
    expect(analyses.some((a) => a.model === PRIMARY && a.adherence === 92)).toBe(true);
    expect(conversation.costMicros).toBeGreaterThan(840);
  });

  it("falls back to the offline engine when both models fail", async () => {
    const { api, conversationId } = await launch(app);
    fake.reset();
    fake.script(
      PRIMARY,
      { kind: "status", status: 500 },
      { kind: "status", status: 500 },
      { kind: "status", status: 500 },
      { kind: "status", status: 500 },
    );
    fake.script(
      FALLBACK,
      { kind: "invalid_json" },
      { kind: "invalid_json" },
      { kind: "status", status: 503 },
      { kind: "status", status: 503 },
    );
    await api.sandbox.reply({ conversationId, body: "how much is it?" });
    await waitUntil(
      async () =>
        (await api.conversations.get({ conversationId })).messages.some(
          (m) => m.author === "ai" && m.body.includes("$129 per visit"),
        ),
      20_000,
      "the offline engine's answer",
    );
    expect(fake.requestsFor(FALLBACK).some((r) => r.behaviour === "invalid_json")).toBe(true);
  });
});

describe("without an API key", () => {
  it("never calls out: the offline engine answers", async () => {
    const fake = await startFakeOpenAi();
    const app = await startTestApp({
      env: { SANDBOX_DELIVERY_DELAY_MS: "20", OPENROUTER_BASE_URL: fake.baseUrl },
    });
    try {
      const { api, conversationId } = await launch(app);
      await api.sandbox.reply({ conversationId, body: "how much is it?" });
      await waitUntil(
        async () => (await api.conversations.get({ conversationId })).messages.some((m) => m.author === "ai"),
        15_000,
        "the offline answer",
      );
      expect(fake.requests).toHaveLength(0);
    } finally {
      await app.close();
      await fake.close();
    }
  });
});
