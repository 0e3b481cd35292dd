import type { TTurnAnalysis } from "@plaibook/shared";
import { billableUsage } from "../../ai/routing.js";
import type { TAppContext } from "../../app-context.js";
import { withOrg } from "../../platform/db/with-org.js";
import { orgRoom } from "../../platform/realtime/socket.js";
import { loadConversationContext, loadHistory } from "../agent/context.js";
import { enginesFor } from "../agent/engines.js";
import type { TMessageJob } from "../agent/queues.js";
import { recordModelUsage } from "../billing/record-usage.js";
import { announceEscalation, raiseEscalation } from "../escalations/raise-escalation.js";
import { findVerdicts, insertTurnAnalysis, saveRollup } from "./queries.js";
import { rollUp } from "./rollup.js";

/**
 * The Overseer judges one turn: the verdict is appended to `turn_analyses` (once per message), the
 * conversation's rollups are recomputed from the whole log, and a verdict that says escalate pauses
 * the AI. The verdict itself is computed outside any transaction (a model call can take seconds).
 */
export async function analyzeTurn(
  app: Pick<TAppContext, "db" | "boss" | "publish" | "config" | "log">,
  job: TMessageJob,
): Promise<TTurnAnalysis | null> {
  const prepared = await withOrg(app.db.appPool, job.orgId, async (tx) => {
    const { rows } = await tx.client.query<{ conversation_id: string; analysed: boolean }>(
      `select m.conversation_id, exists (select 1 from turn_analyses a where a.message_id = m.id) as analysed
         from messages m where m.id = $1`,
      [job.messageId],
    );
    const row = rows[0];
    if (!row || row.analysed) return null;
    const ctx = await loadConversationContext(tx, row.conversation_id);
    if (!ctx?.playbook) return null;
    const history = await loadHistory(tx, ctx.conversationId, job.messageId);
    const verdicts = await findVerdicts(tx, ctx.conversationId);
    return { ctx, playbook: ctx.playbook, history, previous: rollUp(verdicts) };
  });
  if (!prepared) return null;
  const { ctx, history, previous } = prepared;
  const turn = history.at(-1);
  if (!turn || turn.id !== job.messageId) return null;

  const engines = enginesFor(app.config, ctx.aiSettings);
  const result = await engines.analyzer.analyze({
    playbook: prepared.playbook,
    history,
    turn: { ...turn, direction: turn.direction },
    previous,
    timeZone: ctx.lead.timeZone,
  });

  const saved = await withOrg(app.db.appPool, ctx.orgId, async (tx) => {
    // Serialise the Overseer per conversation so the rollup sees every committed verdict.
    const { rows } = await tx.client.query<{ control: string; escalated_at: Date | null }>(
      "select control, escalated_at from conversations where id = $1 for update",
      [ctx.conversationId],
    );
    const analysis = await insertTurnAnalysis(tx, {
      orgId: ctx.orgId,
      conversationId: ctx.conversationId,
      messageId: job.messageId,
      direction: turn.direction,
      verdict: result.verdict,
      usage: result.usage,
    });
    if (!analysis) return null;
    const rollup = rollUp(await findVerdicts(tx, ctx.conversationId));
    await saveRollup(tx, ctx.conversationId, rollup);
    const cost = await recordModelUsage(tx, {
      orgId: ctx.orgId,
      conversationId: ctx.conversationId,
      refType: "turn_analysis",
      refId: job.messageId,
      usage: billableUsage(result),
      prices: app.config.AI_MODEL_PRICES,
    });
    if (cost > 0)
      await tx.client.query("update conversations set cost_micros = cost_micros + $2 where id = $1", [
        ctx.conversationId,
        cost,
      ]);
    const conversation = rows[0];
    const escalation =
      result.verdict.escalate && conversation && !conversation.escalated_at
        ? await raiseEscalation(app.boss, tx, {
            orgId: ctx.orgId,
            conversationId: ctx.conversationId,
            source: "overseer",
            reason: result.verdict.escalateReason ?? "The Overseer flagged this conversation",
          })
        : null;
    return { analysis, escalation };
  });
  if (!saved) return null;
  app.publish(orgRoom(ctx.orgId), "turn.analyzed", {
    conversationId: ctx.conversationId,
    analysis: saved.analysis,
  });
  app.publish(orgRoom(ctx.orgId), "conversation.updated", { conversationId: ctx.conversationId });
  if (saved.escalation) announceEscalation(app.publish, ctx.orgId, saved.escalation);
  return saved.analysis;
}
