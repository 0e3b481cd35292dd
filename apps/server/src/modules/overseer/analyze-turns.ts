import type { TTurnAnalysis, TTurnVerdict } from "@plaibook/shared";
import type { TModelUsage } from "../../ai/ports.js";
import { billableUsage } from "../../ai/routing.js";
import type { TAppContext } from "../../app-context.js";
import type { TTx } from "../../platform/db/with-org.js";
import { withOrg } from "../../platform/db/with-org.js";
import { conversationRooms } from "../../platform/realtime/socket.js";
import { loadConversationContexts, loadHistories, type THistoryMessage } from "../agent/context.js";
import { enginesFor } from "../agent/engines.js";
import type { TMessageJob } from "../agent/queues.js";
import { recordModelUsages } from "../billing/record-usage.js";
import {
  announceEscalation,
  raiseEscalation,
  type TEscalationRaised,
} from "../escalations/raise-escalation.js";
import { findVerdictsOf, insertTurnAnalyses, saveRollups } from "./queries.js";
import { rollUp, type TLoggedVerdict } from "./rollup.js";

type TApp = Pick<TAppContext, "db" | "boss" | "publish" | "config" | "log">;
type TJudged = {
  messageId: string;
  conversationId: string;
  direction: "inbound" | "outbound";
  verdict: TTurnVerdict;
  usage: TModelUsage;
  billable: ReturnType<typeof billableUsage>;
};

/**
 * The Overseer judges turns (one job, or a queue's whole batch): each verdict is appended to
 * `turn_analyses` (once per message), the conversations' rollups are recomputed from their whole log,
 * and a verdict that says escalate pauses the AI. Verdicts are computed outside any transaction (a
 * model call can take seconds); turns of one conversation are judged in order, each seeing the
 * verdicts before it. Each write is one statement for the whole batch.
 */
export async function analyzeTurns(app: TApp, jobs: TMessageJob[]): Promise<(Error | null)[]> {
  const byOrg = new Map<string, string[]>();
  for (const job of jobs) byOrg.set(job.orgId, [...(byOrg.get(job.orgId) ?? []), job.messageId]);
  for (const [orgId, messageIds] of byOrg) await analyzeForOrg(app, orgId, messageIds);
  return jobs.map(() => null);
}

async function analyzeForOrg(app: TApp, orgId: string, messageIds: string[]): Promise<void> {
  const prepared = await withOrg(app.db.appPool, orgId, async (tx) => {
    const { rows } = await tx.client.query<{ id: string; conversation_id: string }>(
      `select m.id, m.conversation_id from messages m
        where m.id = any($1::uuid[]) and not exists (select 1 from turn_analyses a where a.message_id = m.id)
        order by m.created_at, m.id`,
      [messageIds],
    );
    const conversationIds = [...new Set(rows.map((r) => r.conversation_id))];
    const contexts = await loadConversationContexts(tx, conversationIds);
    const due = rows.filter((r) => contexts.get(r.conversation_id)?.playbook);
    const histories = await loadHistories(
      tx,
      due.map((r) => ({ conversationId: r.conversation_id, uptoMessageId: r.id })),
    );
    return { due, contexts, histories, logged: await findVerdictsOf(tx, conversationIds) };
  });
  if (prepared.due.length === 0) return;

  // Judge conversation by conversation (in parallel), turns of each in order.
  const byConversation = new Map<string, string[]>();
  for (const r of prepared.due)
    byConversation.set(r.conversation_id, [...(byConversation.get(r.conversation_id) ?? []), r.id]);
  const judged = (
    await Promise.all(
      [...byConversation].map(async ([conversationId, ids]) => {
        const ctx = prepared.contexts.get(conversationId);
        const playbook = ctx?.playbook;
        if (!ctx || !playbook) return [];
        const engines = enginesFor(app.config, ctx.aiSettings);
        const logged: TLoggedVerdict[] = [...(prepared.logged.get(conversationId) ?? [])];
        const out: TJudged[] = [];
        for (const messageId of ids) {
          const history = prepared.histories.get(messageId) as THistoryMessage[];
          const turn = history.at(-1);
          if (!turn || turn.id !== messageId) continue;
          const result = await engines.analyzer.analyze({
            playbook,
            history,
            turn: { ...turn, direction: turn.direction },
            previous: rollUp(logged),
            timeZone: ctx.lead.timeZone,
          });
          logged.push({ ...result.verdict, direction: turn.direction });
          out.push({
            messageId,
            conversationId,
            direction: turn.direction,
            verdict: result.verdict,
            usage: result.usage,
            billable: billableUsage(result),
          });
        }
        return out;
      }),
    )
  ).flat();
  if (judged.length === 0) return;

  const saved = await withOrg(app.db.appPool, orgId, (tx) => saveJudgements(app, tx, orgId, judged));
  for (const analysis of saved.analyses)
    app.publish(conversationRooms(orgId, analysis.conversationId), "turn.analyzed", {
      conversationId: analysis.conversationId,
      analysis,
    });
  for (const conversationId of new Set(saved.analyses.map((a) => a.conversationId)))
    app.publish(conversationRooms(orgId, conversationId), "conversation.updated", { conversationId });
  for (const escalation of saved.escalations) announceEscalation(app.publish, orgId, escalation);
}

async function saveJudgements(app: TApp, tx: TTx, orgId: string, judged: TJudged[]) {
  const conversationIds = [...new Set(judged.map((j) => j.conversationId))].sort();
  // Serialise the Overseer per conversation (fixed order: batches never deadlock), then read.
  await tx.client.query("select id from conversations where id = any($1::uuid[]) order by id for update", [
    conversationIds,
  ]);
  const { rows: before } = await tx.client.query<{ id: string; escalated_at: Date | null }>(
    "select id, escalated_at from conversations where id = any($1::uuid[])",
    [conversationIds],
  );
  const analyses = await insertTurnAnalyses(
    tx,
    judged.map((j) => ({
      orgId,
      conversationId: j.conversationId,
      messageId: j.messageId,
      direction: j.direction,
      verdict: j.verdict,
      usage: j.usage,
    })),
  );
  const added = new Set(analyses.map((a) => a.messageId));
  const fresh = judged.filter((j) => added.has(j.messageId));
  const logs = await findVerdictsOf(tx, conversationIds);
  await saveRollups(
    tx,
    conversationIds.map((id) => ({ conversationId: id, rollup: rollUp(logs.get(id) ?? []) })),
  );
  const costs = await recordModelUsages(
    tx,
    orgId,
    fresh.map((j) => ({
      conversationId: j.conversationId,
      refType: "turn_analysis",
      refId: j.messageId,
      usage: j.billable,
    })),
    app.config.AI_MODEL_PRICES,
  );
  const costByConversation = new Map<string, number>();
  fresh.forEach((j, i) => {
    costByConversation.set(
      j.conversationId,
      (costByConversation.get(j.conversationId) ?? 0) + (costs[i] ?? 0),
    );
  });
  const charged = [...costByConversation].filter(([, cost]) => cost > 0);
  if (charged.length > 0)
    await tx.client.query(
      `update conversations v set cost_micros = v.cost_micros + u.cost
         from unnest($1::uuid[], $2::bigint[]) as u(id, cost) where v.id = u.id`,
      [charged.map(([id]) => id), charged.map(([, cost]) => cost)],
    );
  const escalations: TEscalationRaised[] = [];
  const alreadyEscalated = new Set(before.filter((r) => r.escalated_at).map((r) => r.id));
  for (const j of fresh) {
    if (!j.verdict.escalate || alreadyEscalated.has(j.conversationId)) continue;
    alreadyEscalated.add(j.conversationId);
    const raised = await raiseEscalation(app.boss, tx, {
      orgId,
      conversationId: j.conversationId,
      source: "overseer",
      reason: j.verdict.escalateReason ?? "The Overseer flagged this conversation",
    });
    if (raised) escalations.push(raised);
  }
  return { analyses: analyses as TTurnAnalysis[], escalations };
}
