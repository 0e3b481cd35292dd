import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { TCallDetail } from "@plaibook/shared";
import { waitUntil } from "./campaign-helpers.js";
import type { TTestApp } from "./harness.js";

export const CALL_FIXTURES = join(import.meta.dirname, "fixtures", "calls");

/** Uploads a fixture recording over the public API (with its transcript when asked); returns the call id. */
export async function uploadFixtureCall(
  app: TTestApp,
  token: string,
  name: string,
  options: { externalId?: string; withTranscript?: boolean } = {},
): Promise<string> {
  const form = new FormData();
  form.append("direction", "outbound");
  form.append("startedAt", "2026-11-30T15:04:05Z");
  if (options.externalId) form.append("externalId", options.externalId);
  if (options.withTranscript)
    form.append("transcript", readFileSync(join(CALL_FIXTURES, `${name}.transcript.json`), "utf8"));
  form.append(
    "file",
    new Blob([new Uint8Array(readFileSync(join(CALL_FIXTURES, `${name}.mp3`)))]),
    `${name}.mp3`,
  );
  const res = await fetch(`${app.baseUrl}/api/v1/calls`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return ((await res.json()) as { id: string }).id;
}

/** Polls the call until the pipeline stops with it (analysed, failed, or waiting for a transcript). */
export async function settledCall(
  app: TTestApp,
  token: string,
  id: string,
  timeoutMs = 30_000,
): Promise<TCallDetail> {
  let call = {} as TCallDetail;
  await waitUntil(
    async () => {
      const res = await fetch(`${app.baseUrl}/api/v1/calls/${id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      call = (await res.json()) as TCallDetail;
      return ["analyzed", "failed", "needs_transcript"].includes(call.status);
    },
    timeoutMs,
    "the call to go through the pipeline",
  );
  return call;
}
