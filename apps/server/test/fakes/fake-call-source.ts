import { createHmac, timingSafeEqual } from "node:crypto";
import { createReadStream } from "node:fs";
import { z } from "zod";
import { type CallSource, type TSourceCall, WebhookVerificationError } from "../../src/integrations/ports.js";

/**
 * A phone system in memory, speaking the CallSource port the way the vendor adapters will: a cursor
 * over calls in the order they ended, recordings as streams, and HMAC-signed webhooks
 * (`x-signature: sha256=<hex of the raw body>`). The pipeline code under test is the real one.
 */
export function createFakeCallSource(options: { secret: string; recordings: Record<string, string> }) {
  const calls: (TSourceCall & { recording: string })[] = [];
  const fetched: string[] = [];
  const ZWebhook = z.object({
    calls: z.array(
      z.object({
        id: z.string(),
        started: z.iso.datetime({ offset: true }),
        direction: z.enum(["inbound", "outbound"]),
        agent: z.string().nullable(),
        customer: z.string().nullable(),
        recording: z.string(),
      }),
    ),
  });

  const source: CallSource = {
    name: "callrail",
    async listNewCalls(cursor, limit) {
      const from = cursor ? Number(cursor) : 0;
      const page = calls.slice(from, from + limit);
      return { calls: page, cursor: String(from + page.length) };
    },
    async fetchRecording(call) {
      const known = calls.find((c) => c.externalId === call.externalId);
      const path = known ? options.recordings[known.recording] : undefined;
      if (!path) throw new Error(`no recording for ${call.externalId}`);
      fetched.push(call.externalId);
      return {
        stream: createReadStream(path),
        fileName: known?.recording ?? "call.mp3",
        contentType: "audio/mpeg",
      };
    },
    parseWebhook({ headers, rawBody }) {
      const given = String(headers["x-signature"] ?? "").replace(/^sha256=/, "");
      const expected = createHmac("sha256", options.secret).update(rawBody).digest("hex");
      if (given.length !== expected.length || !timingSafeEqual(Buffer.from(given), Buffer.from(expected)))
        throw new WebhookVerificationError("The webhook's signature does not match");
      const body = ZWebhook.parse(JSON.parse(rawBody.toString("utf8")));
      return body.calls.map((c) => {
        const call = {
          externalId: c.id,
          startedAt: new Date(c.started),
          direction: c.direction,
          repName: null,
          repRef: c.agent,
          leadPhone: c.customer,
          durationSeconds: null,
          transcript: null,
          recording: c.recording,
        };
        calls.push(call);
        return call;
      });
    },
  };
  return {
    source,
    fetched,
    add: (call: TSourceCall & { recording: string }) => calls.push(call),
    sign: (body: string) => `sha256=${createHmac("sha256", options.secret).update(body).digest("hex")}`,
  };
}
