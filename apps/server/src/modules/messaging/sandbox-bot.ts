import type { TAppContext } from "../../app-context.js";
import { type TTx, withOrg } from "../../platform/db/with-org.js";
import { receiveInbound } from "./receive-message.js";

/** Simulated leads for demos and load: each conversation gets one persona, chosen by its lead. */
export const SANDBOX_PERSONAS = [
  { key: "curious", name: "Curious Casey", description: "Asks what it costs, then wants to know more." },
  { key: "busy", name: "Busy Blake", description: "Replies briefly and asks to be texted another day." },
  { key: "keen", name: "Keen Kim", description: "Interested: proposes a time to meet." },
  { key: "done", name: "Done Dana", description: "Not interested and opts out." },
] as const;

const SCRIPTS: Record<(typeof SANDBOX_PERSONAS)[number]["key"], string[]> = {
  curious: ["How much does it cost?", "Ok, what would be included?"],
  busy: ["Busy right now, can you text me next week?"],
  keen: ["Yes please! Could you do Tuesday after 3pm?", "Great, thanks!"],
  done: ["Not interested. STOP"],
};

/** At most this many bot replies per conversation, so two bots never talk forever. */
const MAX_REPLIES = 2;

/** Whether the organisation of the transaction has the simulated-lead bot switched on. */
export async function readSandboxBotSetting(tx: TTx): Promise<boolean> {
  const { rows } = await tx.client.query<{ on: boolean }>(
    "select coalesce((sms_settings->>'sandboxBot')::boolean, false) as on from organizations",
  );
  return rows[0]?.on ?? false;
}

export async function sandboxBotEnabled(app: Pick<TAppContext, "db">, orgId: string): Promise<boolean> {
  return withOrg(app.db.appPool, orgId, readSandboxBotSetting);
}

export async function runSandboxBot(
  app: Pick<TAppContext, "db" | "boss" | "publish" | "config">,
  input: { orgId: string; sid: string },
) {
  const target = await withOrg(app.db.appPool, input.orgId, async (tx) => {
    const { rows } = await tx.client.query<{
      conversation_id: string;
      lead_id: string;
      from_number: string;
      to_number: string;
      kind: string;
    }>(
      "select conversation_id, lead_id, from_number, to_number, kind from messages where provider = 'sandbox' and provider_sid = $1",
      [input.sid],
    );
    const sent = rows[0];
    if (!sent || sent.kind === "compliance") return null;
    const { rows: counts } = await tx.client.query<{ n: number; opted: boolean }>(
      `select count(*) filter (where direction = 'inbound')::int as n,
              exists (select 1 from opt_outs where phone = $2) as opted
         from messages where conversation_id = $1`,
      [sent.conversation_id, sent.to_number],
    );
    const n = counts[0]?.n ?? 0;
    if (n >= MAX_REPLIES || counts[0]?.opted) return null;
    const persona =
      SANDBOX_PERSONAS[parseInt(sent.lead_id.replace(/-/g, "").slice(-4), 16) % SANDBOX_PERSONAS.length];
    const line = persona ? SCRIPTS[persona.key][n] : undefined;
    return line ? { line, from: sent.to_number, to: sent.from_number } : null;
  });
  if (!target) return;
  await receiveInbound(app, {
    orgId: input.orgId,
    provider: "sandbox",
    sid: `SMbot${input.sid.slice(2, 30)}`,
    from: target.from,
    to: target.to,
    body: target.line,
  });
}
