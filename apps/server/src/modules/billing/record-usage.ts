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
