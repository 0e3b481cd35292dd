import type { FastifyInstance, FastifyRequest } from "fastify";
import { parseTwilioWebhook, verifyTwilioSignature } from "../../integrations/twilio/webhook.js";
import { groupBy } from "../../platform/collections.js";
import { createBatcher } from "../../platform/db/batcher.js";
import { withOrg, withoutOrg } from "../../platform/db/with-org.js";
import type { TServices } from "../../platform/services.js";
import { insertInboxRows } from "./queries.js";
import { SMS_INBOUND_QUEUE } from "./send-queue.js";

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/**
 * Twilio webhooks: verify the signature, record the delivery once (by MessageSid) and enqueue its
 * processing in the same transaction, then answer at once. Anything unsigned is refused with 403
 * and leaves no trace.
 */
export async function twilioWebhookRoutes(app: FastifyInstance, services: TServices): Promise<void> {
  const { config } = services;
  // Which organisation owns a number changes rarely; a short cache saves a round trip per webhook.
  const numberOwners = createTtlCache<string | null>(30_000, 10_000);
  // Deliveries that arrive together are stored (and their jobs enqueued) in one transaction.
  const inbox = createBatcher<TInboxItem, void>({
    maxItems: 200,
    maxWaitMs: 2,
    concurrency: 4,
    flush: async (items) => {
      for (const [orgId, group] of groupBy(items, (i) => i.orgId)) {
        await withOrg(services.db.appPool, orgId, async (tx) => {
          const ids = await insertInboxRows(tx, "twilio", group);
          if (ids.length === 0) return;
          await services.queue.boss.insert(
            SMS_INBOUND_QUEUE,
            ids.map((inboxId) => ({ data: { orgId, inboxId } })),
            { db: { executeSql: (text: string, values?: unknown[]) => tx.client.query(text, values) } },
          );
        });
      }
      return items.map(() => undefined);
    },
  });
  const handle =
    (kind: "inbound" | "status") =>
    async (req: FastifyRequest<{ Body: Record<string, string> }>, reply: import("fastify").FastifyReply) => {
      if (!config.TWILIO_AUTH_TOKEN)
        return reply.status(503).send({ error: "UNAVAILABLE", message: "Twilio is not configured" });
      const params = req.body ?? {};
      const url = publicUrl(req, config.PUBLIC_URL);
      const signature = req.headers["x-twilio-signature"];
      if (
        !verifyTwilioSignature(
          config.TWILIO_AUTH_TOKEN,
          typeof signature === "string" ? signature : undefined,
          url,
          params,
        )
      ) {
        req.log.warn({ url }, "rejected a Twilio webhook with a bad signature");
        return reply.status(403).send({ error: "FORBIDDEN", message: "Invalid X-Twilio-Signature" });
      }
      const event = parseTwilioWebhook(kind, params);
      if (!event)
        return reply
          .status(400)
          .send({ error: "BAD_REQUEST", message: "MessageSid, From and To are required" });
      const ourNumber = kind === "inbound" ? event.to : event.from;
      const owner = await numberOwners.get(ourNumber, () =>
        withoutOrg(services.db.appPool, async (tx) => {
          const { rows } = await tx.client.query<{ org_id: string }>(
            "select org_id from messaging_find_number($1)",
            [ourNumber],
          );
          return rows[0]?.org_id ?? null;
        }),
      );
      if (!owner)
        return reply
          .status(404)
          .send({ error: "NOT_FOUND", message: `${ourNumber} is not a Plaibook number` });
      const payload = event.kind === "status" ? { ...params, NormalizedStatus: event.status } : params;
      const externalId =
        event.kind === "status" ? `${event.sid}:${params.MessageStatus ?? params.SmsStatus}` : event.sid;
      await inbox.add({ orgId: owner, kind, externalId, payload });
      return reply.type("text/xml").send(EMPTY_TWIML);
    };
  app.post("/webhooks/twilio/inbound", { schema: { hide: true } }, handle("inbound"));
  app.post("/webhooks/twilio/status", { schema: { hide: true } }, handle("status"));
}

/** The URL Twilio signed: PUBLIC_URL when set (behind proxies), else what this request says. */
function publicUrl(req: FastifyRequest, configured: string | undefined): string {
  if (configured) return `${configured.replace(/\/$/, "")}${req.url}`;
  return `${req.protocol}://${req.host}${req.url}`;
}

function createTtlCache<T>(ttlMs: number, maxEntries: number) {
  const entries = new Map<string, { value: T; expires: number }>();
  return {
    async get(key: string, load: () => Promise<T>): Promise<T> {
      const hit = entries.get(key);
      if (hit && hit.expires > Date.now()) return hit.value;
      const value = await load();
      if (entries.size >= maxEntries) entries.clear();
      entries.set(key, { value, expires: Date.now() + ttlMs });
      return value;
    },
  };
}

type TInboxItem = { orgId: string; kind: string; externalId: string; payload: Record<string, string> };
