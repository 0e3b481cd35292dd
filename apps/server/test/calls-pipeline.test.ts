import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TCall, TCallDetail, TCallListPage } from "@plaibook/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFfmpeg } from "../src/integrations/audio/ffmpeg.js";
import { waitUntil } from "./campaign-helpers.js";
import { buildOrg, buildUser, caller, ownerQuery, startTestApp, type TTestApp } from "./harness.js";

const ffmpeg = findFfmpeg(undefined);
if (!ffmpeg && process.env.CI === "true")
  throw new Error("ffmpeg is missing: CI requires it for the call tests");

const FIXTURES = join(import.meta.dirname, "fixtures", "calls");
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const DONE = ["needs_transcript", "analyzed", "failed"];

describe.skipIf(!ffmpeg)("the call pipeline: transcript, analysis, list, audio", () => {
  const dir = mkdtempSync(join(tmpdir(), "plaibook-call-pipeline-"));
  let app: TTestApp;
  let org: Awaited<ReturnType<typeof buildOrg>>;
  let token = "";

  beforeAll(async () => {
    app = await startTestApp({ env: { PLAIBOOK_DATA_DIR: join(dir, "data") } });
    org = await buildOrg(app, "Call Pipeline");
    token = org.session.accessToken;
    // Supplied transcripts only for most tests (speech-to-text has its own test below).
    await caller(app, { accessToken: token }).callSettings.update({
      transcription: { engine: "supplied_only", repChannel: "left" },
      customObjections: [],
    });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const authed = (bearer = token) => ({ authorization: `Bearer ${bearer}` });

  async function upload(
    name: string,
    options: { transcript?: boolean; fields?: Record<string, string>; bearer?: string } = {},
  ) {
    const form = new FormData();
    const fields = { direction: "outbound", startedAt: "2026-11-30T15:04:05Z", ...options.fields };
    for (const [field, value] of Object.entries(fields)) form.append(field, value);
    if (options.transcript !== false)
      form.append("transcript", fixture(name.replace(/\.mp3$/, ".transcript.json")).toString("utf8"));
    form.append("file", new Blob([new Uint8Array(fixture(name))]), name);
    const res = await fetch(`${app.baseUrl}/api/v1/calls`, {
      method: "POST",
      headers: authed(options.bearer),
      body: form,
    });
    const body = (await res.json()) as TCall & { message?: string };
    expect(res.status, body.message).toBe(201);
    return body;
  }
  const detail = async (id: string, bearer = token) => {
    const res = await fetch(`${app.baseUrl}/api/v1/calls/${id}`, { headers: authed(bearer) });
    return { status: res.status, body: (await res.json()) as TCallDetail };
  };
  const settled = async (id: string, timeoutMs = 30_000) => {
    let call = (await detail(id)).body;
    await waitUntil(
      async () => {
        call = (await detail(id)).body;
        return DONE.includes(call.status);
      },
      timeoutMs,
      "the call to go through the pipeline",
    );
    return call;
  };
  const list = async (query: string, bearer = token) => {
    const res = await fetch(`${app.baseUrl}/api/v1/calls?${query}`, { headers: authed(bearer) });
    return (await res.json()) as TCallListPage & { message?: string };
  };

  let solar: TCallDetail;
  let pest: TCallDetail;
  let gym: TCallDetail;

  it("analyses a recorded call with its transcript: stages, objections, outcome, metrics, coaching, waveform", async () => {
    const uploaded = await upload("solar-follow-up.mp3", {
      fields: { repName: "Dana Rep", leadPhone: "+12025550142" },
    });
    solar = await settled(uploaded.id);
    expect(solar.status).toBe("analyzed");
    expect(solar.progress).toBe(100);
    const supplied = JSON.parse(fixture("solar-follow-up.transcript.json").toString("utf8"));
    expect(solar.transcript).toMatchObject({ source: "supplied", segments: supplied.segments });
    const analysis = solar.analysis;
    if (!analysis) throw new Error("no analysis");
    expect(solar.analysisEngine).toBe("offline");
    expect(analysis.outcome.label).toBe("follow_up");
    expect(analysis.objections.map((o) => o.category)).toEqual(
      expect.arrayContaining(["price", "authority"]),
    );
    for (const objection of analysis.objections) {
      const segment = supplied.segments[objection.segmentIndex];
      expect(segment.speaker).toBe("customer");
      expect(objection.at).toBeCloseTo(segment.start, 1);
    }
    expect(analysis.coaching.length).toBeGreaterThanOrEqual(2);
    expect(analysis.coaching.length).toBeLessThanOrEqual(5);
    expect(analysis.metrics.repTalkRatio).toBeGreaterThan(0);
    expect(analysis.metrics.repTalkRatio).toBeLessThan(1);
    expect(analysis.stages[0]?.stage).toBe("greeting");
    // The list columns are copied out of the analysis.
    expect(solar.outcome).toBe("follow_up");
    expect(solar.objectionCategories).toEqual(expect.arrayContaining(["price", "authority"]));
    expect(solar.repTalkRatio).toBe(analysis.metrics.repTalkRatio);
    // The waveform comes from the converted audio: 800 slices, speech louder than silence.
    expect(solar.peaks).toHaveLength(800);
    expect(Math.max(...(solar.peaks ?? []))).toBeGreaterThan(0.1);
    expect(solar.durationSeconds).toBeGreaterThan(supplied.segments.at(-1).end - 1);
    // Its cost is on the ledger (zero for the offline engine), under the call.
    const ledger = await ownerQuery<{ model: string }>(
      app,
      "select model from usage_ledger where ref_type = 'call_analysis' and ref_id = $1",
      [solar.id],
    );
    expect(ledger).toHaveLength(1);
  });

  it("lists calls with filters on the server, paged", async () => {
    pest = await settled(
      (await upload("pest-control-booked.mp3", { fields: { startedAt: "2026-11-28T10:00:00Z" } })).id,
    );
    gym = await settled(
      (
        await upload("gym-cancellation-lost.mp3", {
          fields: { startedAt: "2026-11-29T10:00:00Z", direction: "inbound" },
        })
      ).id,
    );
    expect([pest.outcome, gym.outcome]).toEqual(["booked", "lost"]);

    const all = await list("");
    expect(all.total).toBe(3);
    expect(all.items.map((c) => c.id)).toEqual([solar.id, gym.id, pest.id]);
    expect((await list("outcome=booked")).items.map((c) => c.id)).toEqual([pest.id]);
    expect((await list("objection=price")).items.map((c) => c.id)).toContain(solar.id);
    expect((await list("objection=price")).items.map((c) => c.id)).not.toContain(pest.id);
    const priceLabel = solar.analysis?.objections.find((o) => o.category === "price")?.label ?? "";
    expect((await list(`objection=${encodeURIComponent(priceLabel)}`)).items.map((c) => c.id)).toContain(
      solar.id,
    );
    expect((await list("from=2026-11-29T00:00:00Z&to=2026-11-30T00:00:00Z")).items.map((c) => c.id)).toEqual([
      gym.id,
    ]);
    expect((await list("status=analyzed")).total).toBe(3);
    expect((await list("status=failed")).total).toBe(0);
    const longest = Math.max(...[solar, pest, gym].map((c) => c.durationSeconds ?? 0));
    expect((await list(`minDurationSeconds=${longest - 0.01}`)).items).toHaveLength(1);
    expect((await list("sort=longest")).items[0]?.durationSeconds).toBe(longest);
    const page2 = await list("pageSize=2&page=2");
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items.map((c) => c.id)).toEqual([pest.id]);
    expect((await list("outcome=maybe")).message).toContain("outcome");
  });

  it("plays the audio through a signed link with byte ranges, and refuses a link for another call", async () => {
    const url = `${app.baseUrl}${solar.audioUrl}`;
    const whole = await fetch(url);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toBe("audio/mpeg");
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(fixture("solar-follow-up.mp3"));
    const part = await fetch(url, { headers: { range: "bytes=100-1099" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 100-1099/${solar.bytes}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(fixture("solar-follow-up.mp3").subarray(100, 1100));
    expect((await fetch(url, { headers: { range: `bytes=${solar.bytes + 10}-` } })).status).toBe(416);
    const stolen = (solar.audioUrl ?? "").replace(solar.id, pest.id);
    expect((await fetch(`${app.baseUrl}${stolen}`)).status).toBe(401);
    expect((await fetch(`${app.baseUrl}/api/v1/calls/${solar.id}/audio?token=nonsense`)).status).toBe(401);
  });

  it("shows a rep only the calls they made or uploaded", async () => {
    const rep = await buildUser(app, org.orgId, "rep");
    const repToken = rep.session.accessToken;
    expect((await list("", repToken)).total).toBe(0);
    expect((await detail(solar.id, repToken)).status).toBe(404);
    const own = await upload("pest-control-booked.mp3", {
      bearer: repToken,
      fields: { externalId: "rep-own-1" },
    });
    const filed = await upload("gym-cancellation-lost.mp3", {
      fields: { externalId: "for-rep-1", repUserId: rep.id },
    });
    const seen = await list("", repToken);
    expect(seen.items.map((c) => c.id).sort()).toEqual([own.id, filed.id].sort());
    await settled(own.id);
    await settled(filed.id);
  });

  it("waits for a transcript when speech-to-text is off, then takes one over the API", async () => {
    const waiting = await settled(
      (
        await upload("pest-control-booked.mp3", {
          transcript: false,
          fields: { externalId: "no-transcript" },
        })
      ).id,
    );
    expect(waiting.status).toBe("needs_transcript");
    expect(waiting.statusReason).toMatch(/transcript/i);
    expect(waiting.durationSeconds).toBeGreaterThan(5);
    const give = (body: unknown) =>
      fetch(`${app.baseUrl}/api/v1/calls/${waiting.id}/transcript`, {
        method: "POST",
        headers: { ...authed(), "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const bad = await give({ segments: [{ speaker: "caller", start: 0, end: 1, text: "hi" }] });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toContain("speaker");
    const transcript = JSON.parse(fixture("pest-control-booked.transcript.json").toString("utf8"));
    expect((await give(transcript)).status).toBe(200);
    const analysed = await settled(waiting.id);
    expect(analysed).toMatchObject({ status: "analyzed", outcome: "booked" });
    expect((await give(transcript)).status).toBe(409);
  });
});
