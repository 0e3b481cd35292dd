import { costMicros, mergeModelPrices } from "../../ai/prices.js";
import type { TAttemptUsage } from "../../ai/routing.js";
import type { TModelPrices } from "../../platform/config.js";
import type { TTx } from "../../platform/db/with-org.js";

/** Appends a usage line (cost in integer micros) and returns the cost. */
export async function recordUsage(
  tx: TTx,
  line: {
    orgId: string;
    kind: "sms_segment_out" | "sms_segment_in" | "llm_tokens" | "stt_seconds";
    quantity: number;
    unitCostMicros: number;
    refType: string;
    refId: string;
    conversationId?: string | null;
  },
): Promise<number> {
  const cost = line.quantity * line.unitCostMicros;
  await tx.client.query(
    `insert into usage_ledger (org_id, kind, quantity, unit_cost_micros, cost_micros, ref_type, ref_id, conversation_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      line.orgId,
      line.kind,
      line.quantity,
      line.unitCostMicros,
      cost,
      line.refType,
      line.refId,
      line.conversationId ?? null,
    ],
  );
  return cost;
}

/**
 * One ledger line per model call (failed attempts too: a timed-out call may still be billed), priced
 * from the model table. Returns the total cost in micros.
 */
export async function recordModelUsage(
  tx: TTx,
  input: {
    orgId: string;
    conversationId: string | null;
    refType: string;
    refId: string | null;
    usage: readonly TAttemptUsage[];
    prices?: TModelPrices;
  },
): Promise<number> {
  if (input.usage.length === 0) return 0;
  const prices = mergeModelPrices(input.prices);
  const lines = input.usage.map((u) => ({
    ...u,
    cost: costMicros(u.model, u.inputTokens, u.outputTokens, prices).micros,
  }));
  await tx.client.query(
    `insert into usage_ledger (org_id, kind, quantity, unit_cost_micros, cost_micros, ref_type, ref_id, conversation_id, model, detail)
     select $1, 'llm_tokens', q, 0, c, $2, $3, $4, m, d
       from unnest($5::int[], $6::bigint[], $7::text[], $8::jsonb[]) as t(q, c, m, d)`,
    [
      input.orgId,
      input.refType,
      input.refId,
      input.conversationId,
      lines.map((l) => l.inputTokens + l.outputTokens),
      lines.map((l) => l.cost),
      lines.map((l) => l.model),
      lines.map((l) =>
        JSON.stringify({
          engine: l.engine,
          inputTokens: l.inputTokens,
          outputTokens: l.outputTokens,
          latencyMs: l.latencyMs,
          ...(l.failure ? { failure: l.failure } : {}),
        }),
      ),
    ],
  );
  return lines.reduce((sum, l) => sum + l.cost, 0);
}
