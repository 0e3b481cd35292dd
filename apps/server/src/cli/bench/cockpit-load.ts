import { randomBytes } from "node:crypto";
import { Agent, request } from "node:http";
import twilio from "twilio";
import type { TCockpitOrg } from "./cockpit-setup.js";
import { INBOUND_PATH, webhookParams } from "./inbound-webhook.js";

/**
 * The producing side of `plaibook bench cockpit`: signed Twilio inbound webhooks, each with a unique
 * token in its body, posted at a steady rate and alternating between the api processes. A message's
 * send time is taken when it is due (before any wait for a free connection), so a server that falls
 * behind shows up as latency, not as a slower offered rate.
 */

export type TSent = {
  token: string;
  org: number;
  sid: string;
  /** Wall-clock ms (performance.timeOrigin + now) when the message was due. */
  sentAt: number;
  /** HTTP status of the webhook (0 until answered or on a connection error). */
  status: number;
  ackMs: number;
  phase: "probe" | "warmup" | "measure";
};

export const wallNow = () => performance.timeOrigin + performance.now();

export type TSender = {
  sent: TSent[];
  byToken: Map<string, TSent>;
  send: (org: number, phase: TSent["phase"]) => TSent;
  /** Resolves when every webhook sent so far has been answered. */
  settle: () => Promise<void>;
  close: () => void;
};

export function createSender(options: { ports: number[]; orgs: TCockpitOrg[]; authToken: string }): TSender {
  const agents = options.ports.map(() => new Agent({ keepAlive: true, maxSockets: 32 }));
  const run = randomBytes(3)
    .toString("hex")
    .replace(/[^0-9a-z]/g, "");
  const sent: TSent[] = [];
  const byToken = new Map<string, TSent>();
  const pending = new Set<Promise<void>>();
  const perOrgCount = new Array<number>(options.orgs.length).fill(0);
  let seq = 0;

  const send = (orgIndex: number, phase: TSent["phase"]): TSent => {
    const org = options.orgs[orgIndex] as TCockpitOrg;
    const nth = perOrgCount[orgIndex] ?? 0;
    perOrgCount[orgIndex] = nth + 1;
    const portIndex = (seq + Math.floor(seq / options.orgs.length)) % options.ports.length;
    const port = options.ports[portIndex] as number;
    const token = `ck${run}${seq.toString(36)}`;
    seq += 1;
    const sid = `SM${randomBytes(16).toString("hex")}`;
    const from = org.leadPhones[nth % org.leadPhones.length] as string;
    const params = webhookParams(sid, from, org.number, `Sounds good, tell me more [${token}]`);
    const body = new URLSearchParams(params).toString();
    const signature = twilio.getExpectedTwilioSignature(
      options.authToken,
      `http://127.0.0.1:${port}${INBOUND_PATH}`,
      params,
    );
    const record: TSent = { token, org: orgIndex, sid, sentAt: wallNow(), status: 0, ackMs: 0, phase };
    sent.push(record);
    byToken.set(token, record);
    const done = new Promise<void>((resolve) => {
      const req = request(
        {
          agent: agents[portIndex],
          host: "127.0.0.1",
          port,
          method: "POST",
          path: INBOUND_PATH,
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            "content-length": Buffer.byteLength(body),
            "x-twilio-signature": signature,
          },
        },
        (res) => {
          res.resume();
          res.on("end", () => {
            record.status = res.statusCode ?? 0;
            record.ackMs = wallNow() - record.sentAt;
            resolve();
          });
          res.on("error", () => resolve());
        },
      );
      req.on("error", () => resolve());
      req.end(body);
    });
    pending.add(done);
    void done.finally(() => pending.delete(done));
    return record;
  };

  return {
    sent,
    byToken,
    send,
    settle: async () => {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    close: () => {
      for (const agent of agents) agent.destroy();
    },
  };
}

/**
 * Posts `rate` webhooks per second, round-robin over the organisations, for `ms`; `phaseOf` names the
 * phase of each by its due time. `onTick` runs between bursts (progress).
 */
export async function produceSteadily(
  sender: TSender,
  options: {
    rate: number;
    ms: number;
    orgs: number;
    phaseOf: (elapsedMs: number) => TSent["phase"];
    onTick?: (elapsedMs: number) => void;
  },
): Promise<void> {
  const started = performance.now();
  let count = 0;
  let org = 0;
  for (;;) {
    const elapsed = performance.now() - started;
    if (elapsed >= options.ms) break;
    const due = Math.floor((elapsed / 1000) * options.rate);
    while (count < due) {
      sender.send(org, options.phaseOf(elapsed));
      org = (org + 1) % options.orgs;
      count += 1;
    }
    options.onTick?.(elapsed);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
