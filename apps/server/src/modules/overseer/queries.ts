import type { TConversationRollup, TTurnAnalysis, TTurnVerdict } from "@plaibook/shared";
import type { TModelUsage } from "../../ai/ports.js";
import type { TTx } from "../../platform/db/with-org.js";
import type { TLoggedVerdict } from "./rollup.js";

type TAnalysisRow = {
  id: string;
  conversation_id: string;
  message_id: string;
  turn_index: number;
  direction: "inbound" | "outbound";
  stage: string;
  sentiment: number;
  escalate: boolean;
  escalate_reason: string | null;
  adherence: number;
  violations: string[];
  summary: string;
  model: string;
  latency_ms: number;
  input_tokens: number;
  output_tokens: number;
  created_at: Date;
};

const COLUMNS = `id::text, conversation_id, message_id, turn_index, direction, stage, sentiment, escalate, escalate_reason,
  adherence, violations, summary, model, latency_ms, input_tokens, output_tokens, created_at`;

const toAnalysis = (r: TAnalysisRow): TTurnAnalysis => ({
  id: r.id,
  conversationId: r.conversation_id,
  messageId: r.message_id,
  turnIndex: r.turn_index,
  direction: r.direction,
  stage: r.stage,
  sentiment: r.sentiment,
  escalate: r.escalate,
  escalateReason: r.escalate_reason,
  adherence: r.adherence,
  violations: r.violations,
  summary: r.summary,
  model: r.model,
  latencyMs: r.latency_ms,
  inputTokens: r.input_tokens,
  outputTokens: r.output_tokens,
  createdAt: r.created_at.toISOString(),
});

export async function findAnalyses(tx: TTx, conversationId: string): Promise<TTurnAnalysis[]> {
  const { rows } = await tx.client.query<TAnalysisRow>(
    `select ${COLUMNS} from turn_analyses where conversation_id = $1 order by turn_index, id`,
    [conversationId],
  );
  return rows.map(toAnalysis);
}

/** Appends many verdicts in one statement; returns those that were new (a message is judged once). */
export async function insertTurnAnalyses(
  tx: TTx,
  items: {
    orgId: string;
    conversationId: string;
    messageId: string;
    direction: "inbound" | "outbound";
    verdict: TTurnVerdict;
    usage: TModelUsage;
  }[],
): Promise<TTurnAnalysis[]> {
  if (items.length === 0) return [];
  const col = <T>(pick: (i: (typeof items)[number]) => T) => items.map(pick);
  const { rows } = await tx.client.query<TAnalysisRow>(
    `insert into turn_analyses (org_id, conversation_id, message_id, turn_index, direction, stage, sentiment, escalate,
                                escalate_reason, adherence, violations, summary, model, latency_ms, input_tokens, output_tokens)
     select t.org_id, t.conversation_id, t.message_id,
            (select count(*) from messages p, messages m where m.id = t.message_id and p.conversation_id = t.conversation_id
               and p.status not in ('draft', 'rejected') and (p.created_at, p.id) < (m.created_at, m.id)),
            t.direction, t.stage, t.sentiment, t.escalate, t.escalate_reason, t.adherence, t.violations, t.summary,
            t.model, t.latency_ms, t.input_tokens, t.output_tokens
       from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::real[], $7::bool[], $8::text[],
                   $9::int[], $10::jsonb[], $11::text[], $12::text[], $13::int[], $14::int[], $15::int[])
         as t(org_id, conversation_id, message_id, direction, stage, sentiment, escalate, escalate_reason, adherence,
              violations, summary, model, latency_ms, input_tokens, output_tokens)
     on conflict (message_id) do nothing
     returning ${COLUMNS}`,
    [
      col((i) => i.orgId),
      col((i) => i.conversationId),
      col((i) => i.messageId),
      col((i) => i.direction),
      col((i) => i.verdict.stage),
      col((i) => i.verdict.sentiment),
      col((i) => i.verdict.escalate),
      col((i) => i.verdict.escalateReason),
      col((i) => i.verdict.adherence),
      col((i) => JSON.stringify(i.verdict.violations)),
      col((i) => i.verdict.summary),
      col((i) => i.usage.model),
      col((i) => Math.round(i.usage.latencyMs)),
      col((i) => i.usage.inputTokens),
      col((i) => i.usage.outputTokens),
    ],
  );
  return rows.map(toAnalysis);
}

/** The logged verdicts of many conversations (one query), in turn order. */
export async function findVerdictsOf(
  tx: TTx,
  conversationIds: string[],
): Promise<Map<string, TLoggedVerdict[]>> {
  const { rows } = await tx.client.query<TAnalysisRow>(
    `select ${COLUMNS} from turn_analyses where conversation_id = any($1::uuid[]) order by conversation_id, turn_index, id`,
    [conversationIds],
  );
  const logs = new Map<string, TLoggedVerdict[]>(conversationIds.map((id) => [id, []]));
  for (const r of rows) {
    const a = toAnalysis(r);
    logs.get(a.conversationId)?.push({
      direction: a.direction,
      stage: a.stage,
      sentiment: a.sentiment,
      escalate: a.escalate,
      escalateReason: a.escalateReason,
      adherence: a.adherence,
      violations: a.violations,
      summary: a.summary,
    });
  }
  return logs;
}

/** Many conversations' rollup columns in one statement (recomputed from the log, never incremented). */
export async function saveRollups(
  tx: TTx,
  items: { conversationId: string; rollup: TConversationRollup }[],
): Promise<void> {
  if (items.length === 0) return;
  await tx.client.query(
    `update conversations v set current_stage = u.stage, sentiment_trend = u.trend, running_summary = u.summary,
        turns_analyzed = u.turns,
        adherence_sum = coalesce((select sum(adherence) from turn_analyses a where a.conversation_id = v.id and a.direction = 'outbound'), 0),
        agent_turns_analyzed = (select count(*) from turn_analyses a where a.conversation_id = v.id and a.direction = 'outbound')
       from unnest($1::uuid[], $2::text[], $3::jsonb[], $4::text[], $5::int[]) as u(id, stage, trend, summary, turns)
      where v.id = u.id`,
    [
      items.map((i) => i.conversationId),
      items.map((i) => i.rollup.currentStage),
      items.map((i) => JSON.stringify(i.rollup.sentimentTrend)),
      items.map((i) => i.rollup.runningSummary),
      items.map((i) => i.rollup.turns),
    ],
  );
}
