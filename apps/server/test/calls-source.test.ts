import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ZSuppliedTranscript } from "@plaibook/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFfmpeg } from "../src/integrations/audio/ffmpeg.js";
import { WebhookVerificationError } from "../src/integrations/ports.js";
import { pollCallSource, receiveSourceCalls } from "../src/modules/calls/receive-source-calls.js";
import { waitUntil } from "./campaign-helpers.js";
import { createFakeCallSource } from "./fakes/fake-call-source.js";
import { buildOrg, buildUser, caller, ownerQuery, startTestApp, type TTestApp } from "./harness.js";

const ffmpeg = findFfmpeg(undefined);
if (!ffmpeg && process.env.CI === "true")
  throw new Error("ffmpeg is missing: CI requires it for the call tests");

const FIXTURES = join(import.meta.dirname, "fixtures", "calls");
const transcriptOf = (name: string) =>
  ZSuppliedTranscript.parse(JSON.parse(readFileSync(join(FIXTURES, `${name}.transcript.json`), "utf8")));

describe.skipIf(!ffmpeg)("calls from a phone system (the CallSource port)", () => {
  const dir = mkdtempSync(join(tmpdir(), "plaibook-call-source-"));
  let app: TTestApp;
  let orgId = "";
  let repId = "";
  let repEmail = "";
  const fake = createFakeCallSource({
    secret: "whsec-test",
    recordings: {
      "pest.mp3": join(FIXTURES, "pest-control-booked.mp3"),
      "gym.mp3": join(FIXTURES, "gym-cancellation-lost.mp3"),
    },
  });

  beforeAll(async () => {
    app = await startTestApp({ env: { PLAIBOOK_DATA_DIR: join(dir, "data") } });
    const org = await buildOrg(app, "Source Org");
    orgId = org.orgId;
    const rep = await buildUser(app, orgId, "rep");
    repId = rep.id;
    repEmail = rep.email;
    await caller(app, { accessToken: org.session.accessToken }).callSettings.update({
      transcription: { engine: "supplied_only", repChannel: "left" },
      customObjections: [],
    });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const stored = () =>
    ownerQuery<{
      external_id: string;
      source: string;
      rep_user_id: string | null;
      lead_phone: string | null;
      status: string;
      created_by: string | null;
    }>(
      app,
      "select external_id, source, rep_user_id, lead_phone, status, created_by from calls where org_id = $1 order by external_id",
      [orgId],
    );

  it("polls new calls from a cursor, fetches each recording once, files it under the matched rep, and analyses it", async () => {
    fake.add({
      externalId: "CAL-1",
      startedAt: new Date("2026-11-29T15:00:00Z"),
      direction: "outbound",
      repName: "Riley",
      repRef: repEmail,
      leadPhone: "+14045550100",
      durationSeconds: 30,
      transcript: transcriptOf("pest-control-booked"),
      recording: "pest.mp3",
    });
    fake.add({
      externalId: "CAL-2",
      startedAt: new Date("not a date"),
      direction: "inbound",
      repName: null,
      repRef: null,
      leadPhone: null,
      durationSeconds: null,
      transcript: null,
      recording: "gym.mp3",
    });
    const first = await pollCallSource(app.services.app, orgId, fake.source, null);
    expect(first).toEqual({ cursor: "2", received: 1, duplicates: 0, skipped: 1 });
    const again = await pollCallSource(app.services.app, orgId, fake.source, null);
    expect(again).toMatchObject({ received: 0, duplicates: 1 });
    expect(await pollCallSource(app.services.app, orgId, fake.source, first.cursor)).toMatchObject({
      received: 0,
      cursor: "2",
    });

    const [call] = await stored();
    expect(call).toMatchObject({
      external_id: "CAL-1",
      source: "callrail",
      rep_user_id: repId,
      lead_phone: "+14045550100",
      created_by: null,
    });
    await waitUntil(
      async () => (await stored())[0]?.status === "analyzed",
      30_000,
      "the polled call to be analysed",
    );
    const [analysed] = await ownerQuery<{ outcome: string }>(
      app,
      "select outcome from calls where external_id = 'CAL-1'",
    );
    expect(analysed?.outcome).toBe("booked");
  });

  it("takes a signed webhook's calls and refuses an unsigned or tampered one", async () => {
    const body = JSON.stringify({
      calls: [
        {
          id: "CAL-3",
          started: "2026-11-30T09:00:00Z",
          direction: "inbound",
          agent: null,
          customer: "404-555-0199",
          recording: "gym.mp3",
        },
      ],
    });
    expect(() => fake.source.parseWebhook({ headers: {}, rawBody: Buffer.from(body) })).toThrow(
      WebhookVerificationError,
    );
    expect(() =>
      fake.source.parseWebhook({
        headers: { "x-signature": fake.sign(body) },
        rawBody: Buffer.from(body.replace("CAL-3", "CAL-9")),
      }),
    ).toThrow(WebhookVerificationError);
    const announced = fake.source.parseWebhook({
      headers: { "x-signature": fake.sign(body) },
      rawBody: Buffer.from(body),
    });
    const result = await receiveSourceCalls(app.services.app, orgId, fake.source, announced);
    expect(result.received).toHaveLength(1);
    // Without a transcript, and with speech-to-text off, it waits for one; the unreadable number is left out.
    await waitUntil(
      async () => (await stored()).find((c) => c.external_id === "CAL-3")?.status === "needs_transcript",
      30_000,
      "the webhook's call to wait for a transcript",
    );
    expect((await stored()).find((c) => c.external_id === "CAL-3")?.lead_phone).toBeNull();
    // A call already recorded is not fetched again.
    expect(fake.fetched).toEqual(["CAL-1", "CAL-3"]);
  });
});
