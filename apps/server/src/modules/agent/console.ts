import {
  EMPTY_AGENT_STATE,
  type TConsoleTurnInput,
  type TConsoleTurnResult,
  ZCalendarSettings,
  ZConsoleTurnInput,
  ZOrgAiSettings,
} from "@plaibook/shared";
import type { TTurn } from "../../ai/ports.js";
import type { TAttemptUsage } from "../../ai/routing.js";
import { billableUsage } from "../../ai/routing.js";
import type { TConfig } from "../../platform/config.js";
import type { TCtx } from "../../platform/context.js";
import { recordModelUsage } from "../billing/record-usage.js";
import { getSmsIdentity } from "../compliance/sms-identity.js";
import { EMPTY_ROLLUP, rollUp, type TLoggedVerdict } from "../overseer/rollup.js";
import { getPlaybook, getPlaybookVersion } from "../playbooks/queries.js";
import type { TConversationContext } from "./context.js";
import { enginesFor } from "./engines.js";
import { createAgentTools } from "./tools.js";

/**
 * The playbook test console: the agent answers one message on any playbook version, and the Overseer
 * judges both turns — with the org's real engines and real open slots, but nothing is texted, booked
 * or stored except the model calls' cost.
 */
export async function runConsoleTurn(
  uc: TCtx,
  app: {
    config: TConfig;
    db: Parameters<typeof createAgentTools>[0]["app"]["db"];
    log: Parameters<typeof createAgentTools>[0]["app"]["log"];
  },
  raw: TConsoleTurnInput,
): Promise<TConsoleTurnResult> {
  const input = ZConsoleTurnInput.parse(raw);
  const summary = await getPlaybook(uc.tx, input.playbookId);
  const version = await getPlaybookVersion(uc.tx, input.playbookId, input.version ?? summary.currentVersion);
  const { rows } = await uc.tx.client.query<{
    ai_settings: unknown;
    calendar_settings: unknown;
    name: string;
  }>("select ai_settings, calendar_settings, name from organizations where id = $1", [uc.actor.orgId]);
  const org = rows[0];
  const identity = await getSmsIdentity(uc.tx);
  const aiSettings = ZOrgAiSettings.parse(org?.ai_settings ?? {});
  const playbook = version.content;
  const now = new Date();
  const history: TTurn[] = [...input.history, { role: "lead" as const, text: input.message }].map(
    (t, i, all) => ({
      role: t.role,
      text: t.text,
      // A minute apart, ending now: the agent reads times relative to the last message.
      at: new Date(now.getTime() - (all.length - 1 - i) * 60_000).toISOString(),
    }),
  );
  const state = input.state ?? EMPTY_AGENT_STATE;
  const ctx: TConversationContext = {
    conversationId: "00000000-0000-4000-8000-000000000000",
    orgId: uc.actor.orgId,
    campaignId: null,
    leadId: "00000000-0000-4000-8000-000000000000",
    leadPhone: "+15550100000",
    ourNumber: "+15550100001",
    provider: "sandbox",
    status: "open",
    control: "ai",
    approvalMode: false,
    agentState: state,
    playbook,
    lead: {
      firstName: input.lead.firstName || null,
      lastName: null,
      timeZone: input.lead.timeZone,
      name: input.lead.firstName,
    },
    merge: {
      firstName: input.lead.firstName || null,
      agentName: playbook.persona.agentName,
      businessName: identity.businessName,
    },
    aiSettings,
    calendar: ZCalendarSettings.parse(org?.calendar_settings ?? {}),
  };
  const engines = enginesFor(app.config, aiSettings);
  const tools = createAgentTools({ app, ctx, crm: null, sourceMessageId: null, dryRun: true });
  const reply = await engines.responder.reply(
    {
      playbook,
      merge: ctx.merge,
      lead: { firstName: ctx.lead.firstName, phone: ctx.leadPhone, timeZone: ctx.lead.timeZone },
      crm: null,
      history,
      state,
      now,
      settings: aiSettings,
    },
    tools,
  );
  const previous = input.previous ?? EMPTY_ROLLUP;
  const calls: TAttemptUsage[] = [...(reply.usage as TAttemptUsage[])];
  const lead = await engines.analyzer.analyze({
    playbook,
    history,
    turn: { ...(history.at(-1) as TTurn), direction: "inbound" },
    previous,
    timeZone: ctx.lead.timeZone,
  });
  calls.push(...billableUsage(lead));
  const logged: TLoggedVerdict[] = [{ ...lead.verdict, direction: "inbound" }];
  let agentVerdict = null;
  if (reply.message) {
    const withReply: TTurn[] = [...history, { role: "agent", text: reply.message, at: now.toISOString() }];
    const agent = await engines.analyzer.analyze({
      playbook,
      history: withReply,
      turn: { ...(withReply.at(-1) as TTurn), direction: "outbound" },
      previous: rollUp(logged),
      timeZone: ctx.lead.timeZone,
    });
    calls.push(...billableUsage(agent));
    agentVerdict = agent.verdict;
    logged.push({ ...agent.verdict, direction: "outbound" });
  }
  const costMicros = await recordModelUsage(uc.tx, {
    orgId: uc.actor.orgId,
    conversationId: null,
    refType: "console",
    refId: null,
    usage: calls,
    prices: app.config.AI_MODEL_PRICES,
  });
  return {
    reply: reply.message,
    handover: reply.handover,
    state: reply.state,
    classification: reply.classification,
    leadVerdict: lead.verdict,
    agentVerdict,
    rollup: continueRollup(previous, logged),
    calls,
    costMicros,
    playbookVersion: version.version,
  };
}

/** The client keeps the console's rollup; this folds the new verdicts into it. */
function continueRollup(
  previous: TConsoleTurnResult["rollup"],
  added: TLoggedVerdict[],
): TConsoleTurnResult["rollup"] {
  const next = rollUp(added);
  const agentTurnsBefore =
    previous.averageAdherence === null ? 0 : Math.max(1, Math.floor(previous.turns / 2));
  const newAgent = added.filter((v) => v.direction === "outbound");
  const adherence =
    newAgent.length === 0
      ? previous.averageAdherence
      : ((previous.averageAdherence ?? 0) * agentTurnsBefore +
          newAgent.reduce((s, v) => s + v.adherence, 0)) /
        (agentTurnsBefore + newAgent.length);
  return {
    turns: previous.turns + next.turns,
    currentStage: next.currentStage ?? previous.currentStage,
    sentimentTrend: [...previous.sentimentTrend, ...next.sentimentTrend].slice(-20),
    averageAdherence: adherence === null ? null : Math.round(adherence * 10) / 10,
    runningSummary: [previous.runningSummary, next.runningSummary].filter(Boolean).join(" · ").slice(-600),
    escalated: previous.escalated || next.escalated,
    escalateReason: previous.escalateReason ?? next.escalateReason,
  };
}
