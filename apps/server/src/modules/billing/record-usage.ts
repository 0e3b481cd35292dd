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
  const [cost] = await recordModelUsages(tx, input.orgId, [input], input.prices);
  return cost ?? 0;
}

/** The same for many references at once (one statement); returns each reference's cost, in order. */
export async function recordModelUsages(
  tx: TTx,
  orgId: string,
  refs: readonly {
    conversationId: string | null;
    refType: string;
    refId: string | null;
    usage: readonly TAttemptUsage[];
  }[],
  priceOverrides?: TModelPrices,
): Promise<number[]> {
  const prices = mergeModelPrices(priceOverrides);
  const lines = refs.flatMap((ref) =>
    ref.usage.map((u) => ({
      ref,
      u,
      cost: costMicros(u.model, u.inputTokens, u.outputTokens, prices).micros,
    })),
  );
  if (lines.length > 0)
    await tx.client.query(
      `insert into usage_ledger (org_id, kind, quantity, unit_cost_micros, cost_micros, ref_type, ref_id, conversation_id, model, detail)
       select $1, 'llm_tokens', q, 0, c, rt, ri, cv, m, d
         from unnest($2::int[], $3::bigint[], $4::text[], $5::jsonb[], $6::text[], $7::uuid[], $8::uuid[])
           as t(q, c, m, d, rt, ri, cv)`,
      [
        orgId,
        lines.map((l) => l.u.inputTokens + l.u.outputTokens),
        lines.map((l) => l.cost),
        lines.map((l) => l.u.model),
        lines.map((l) =>
          JSON.stringify({
            engine: l.u.engine,
            inputTokens: l.u.inputTokens,
            outputTokens: l.u.outputTokens,
            latencyMs: l.u.latencyMs,
            ...(l.u.failure ? { failure: l.u.failure } : {}),
          }),
        ),
        lines.map((l) => l.ref.refType),
        lines.map((l) => l.ref.refId),
        lines.map((l) => l.ref.conversationId),
      ],
    );
  return refs.map((ref) => lines.filter((l) => l.ref === ref).reduce((sum, l) => sum + l.cost, 0));
}
