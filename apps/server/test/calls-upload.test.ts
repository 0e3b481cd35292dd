import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import type { TCall } from "@plaibook/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFfmpeg } from "../src/integrations/audio/ffmpeg.js";
import { waitUntil } from "./campaign-helpers.js";
import { buildOrg, ownerQuery, startTestApp, type TTestApp } from "./harness.js";

const ffmpeg = findFfmpeg(undefined);
if (!ffmpeg && process.env.CI === "true")
  throw new Error("ffmpeg is missing: CI requires it for the call tests");

describe.skipIf(!ffmpeg)("uploading call recordings", () => {
  const dir = mkdtempSync(join(tmpdir(), "plaibook-calls-"));
  let app: TTestApp;
  let token = "";
  let tone = "";
  beforeAll(async () => {
    app = await startTestApp({ env: { PLAIBOOK_DATA_DIR: join(dir, "data") } });
    token = (await buildOrg(app, "Call Center")).session.accessToken;
    tone = join(dir, "call.wav");
    execFileSync(ffmpeg as string, [
      "-v",
      "error",
      "-y",
      "-f",
      "lavfi",
      "-i",
      "sine=frequency=300:duration=4:sample_rate=8000",
      "-ac",
      "2",
      tone,
    ]);
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function upload(fileName: string, body: Buffer, fields: Record<string, string> = {}) {
    const form = new FormData();
    for (const [name, value] of Object.entries({
      direction: "outbound",
      startedAt: "2026-11-30T15:04:05Z",
      ...fields,
    }))
      form.append(name, value);
    form.append("file", new Blob([new Uint8Array(body)]), fileName);
    const res = await fetch(`${app.baseUrl}/api/v1/calls`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    return { status: res.status, body: (await res.json()) as TCall & { message?: string } };
  }
  const callNow = async (id: string) =>
    (await (
      await fetch(`${app.baseUrl}/api/v1/calls/${id}`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as TCall;
  const settled = async (id: string) => {
    let call = await callNow(id);
    await waitUntil(
      async () => {
        call = await callNow(id);
        return ["needs_transcript", "analyzed", "failed"].includes(call.status);
      },
      30_000,
      "the call to go through the pipeline",
    );
    return call;
  };

  it("stores a recording, converts it to 16 kHz mono and measures it; without a transcript it waits, saying why", async () => {
    const { status, body } = await upload("call.wav", readFileSync(tone), {
      repName: "Riley Rep",
      leadPhone: "+12025550142",
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      status: "received",
      fileName: "call.wav",
      repName: "Riley Rep",
      source: "upload",
    });
    expect(body.sha256).toMatch(/^[0-9a-f]{64}$/);
    const call = await settled(body.id);
    expect(call.status).toBe("needs_transcript");
    expect(call.statusReason).toContain("transcript");
    expect(call.durationSeconds).toBeCloseTo(4, 1);
    const [row] = await ownerQuery<{ original_key: string; audio_key: string }>(
      app,
      "select original_key, audio_key from calls where id = $1",
      [body.id],
    );
    for (const key of [row?.original_key, row?.audio_key])
      expect(existsSync(join(dir, "data", "blobs", key as string))).toBe(true);
  });

  it("goes on to analysis with a supplied transcript, and the same external id is the same call", async () => {
    const transcript = JSON.stringify({
      segments: [
        { speaker: "rep", start: 0, end: 2, text: "Hi, this is Riley from Greenline." },
        { speaker: "customer", start: 2.1, end: 4, text: "Honestly it's too expensive." },
      ],
    });
    const first = await upload("vendor.mp3.wav", readFileSync(tone), { externalId: "five9-123", transcript });
    expect(first.status).toBe(201);
    expect((await settled(first.body.id)).status).toBe("analyzed");
    const again = await upload("vendor.mp3.wav", readFileSync(tone), { externalId: "five9-123", transcript });
    expect(again).toMatchObject({ status: 200, body: { id: first.body.id } });
    expect(await ownerQuery(app, "select 1 from calls where external_id = 'five9-123'")).toHaveLength(1);
  });

  it("fails a text file renamed .mp3 with a clear reason, and the next upload still works", async () => {
    const fake = Buffer.from("Meeting notes: call Maria back on Thursday.\n".repeat(40));
    const bad = await upload("notes.mp3", fake);
    expect(bad.status).toBe(201);
    const failed = await settled(bad.body.id);
    expect(failed).toMatchObject({ status: "failed", progress: 100 });
    expect(failed.statusReason).toMatch(/^Not an audio file ffmpeg can read/);
    // Retrying runs it again from the stored file: still not audio, still failed, for the same reason.
    const retry = async (id: string) =>
      fetch(`${app.baseUrl}/api/v1/calls/${id}/retry`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
      });
    const retried = await retry(bad.body.id);
    expect(retried.status).toBe(200);
    expect(await retried.json()).toMatchObject({ status: "received", statusReason: null });
    const again = await settled(bad.body.id);
    expect(again).toMatchObject({ status: "failed", statusReason: failed.statusReason });
    const next = await upload("next.wav", Buffer.concat([readFileSync(tone), Buffer.from([0])]));
    expect((await settled(next.body.id)).status).toBe("needs_transcript");
    // Waiting for a transcript, a retry tries speech-to-text again (after a change of settings).
    const retriedWaiting = await retry(next.body.id);
    expect(retriedWaiting.status).toBe(200);
    expect(await retriedWaiting.json()).toMatchObject({ status: "transcribing", statusReason: null });
    expect((await settled(next.body.id)).status).toBe("needs_transcript");
  });

  it("refuses a recording over 200 MB, streamed, and keeps nothing of it", async () => {
    const before = await ownerQuery(app, "select id from calls");
    const boundary = "----plaibook-big-upload";
    const head = Buffer.from(
      [
        `--${boundary}`,
        'Content-Disposition: form-data; name="direction"',
        "",
        "outbound",
        `--${boundary}`,
        'Content-Disposition: form-data; name="startedAt"',
        "",
        "2026-11-30T15:04:05Z",
        `--${boundary}`,
        'Content-Disposition: form-data; name="file"; filename="huge.wav"',
        "Content-Type: audio/wav",
        "",
        "",
      ].join("\r\n"),
    );
    const chunk = Buffer.alloc(1024 * 1024, 7);
    const total = 201;
    async function* body() {
      yield head;
      for (let i = 0; i < total; i++) yield chunk;
      yield Buffer.from(`\r\n--${boundary}--\r\n`);
    }
    const res = await fetch(`${app.baseUrl}/api/v1/calls`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": `multipart/form-data; boundary=${boundary}`,
      },
      body: Readable.toWeb(Readable.from(body())) as ReadableStream,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toContain("200 MB");
    expect(await ownerQuery(app, "select id from calls")).toEqual(before);
    // Nothing of it is left in storage (the cut file was deleted).
    const sizes = execFileSync("find", [join(dir, "data", "blobs"), "-type", "f", "-size", "+150M"])
      .toString()
      .trim();
    expect(sizes).toBe("");
  });

  it("refuses bad input with a reason that names it, storing nothing", async () => {
    const before = await ownerQuery(app, "select id from calls");
    const wav = readFileSync(tone);
    expect(await upload("call.txt", wav)).toMatchObject({
      status: 400,
      body: { message: expect.stringContaining("wav, mp3, m4a, ogg, flac") },
    });
    expect(await upload("call.wav", wav, { direction: "sideways" })).toMatchObject({
      status: 400,
      body: { message: "direction must be inbound or outbound" },
    });
    expect(await upload("call.wav", wav, { startedAt: "yesterday" })).toMatchObject({
      status: 400,
      body: { message: "startedAt must be an ISO 8601 date-time" },
    });
    expect(await upload("call.wav", wav, { transcript: "{not json" })).toMatchObject({
      status: 400,
      body: { message: "transcript is not valid JSON" },
    });
    expect(await upload("call.wav", wav, { transcript: JSON.stringify({ segments: [] }) })).toMatchObject({
      status: 400,
      body: { message: "transcript: segments: a transcript needs at least one segment" },
    });
    expect(
      await upload("call.wav", wav, { repUserId: "7b0c3a52-2f4e-4d8a-9c1e-0a5b6c7d8e9f" }),
    ).toMatchObject({
      status: 400,
      body: { message: "repUserId is not a person in this organisation" },
    });
    expect(await upload("empty.wav", Buffer.alloc(0))).toMatchObject({
      status: 400,
      body: { message: '"empty.wav" is empty' },
    });
    expect(await ownerQuery(app, "select id from calls")).toEqual(before);
  });
});
