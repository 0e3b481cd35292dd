import type { TUsageSummary } from "@plaibook/shared";
import { DateTime } from "luxon";
import type { TTx } from "../../platform/db/with-org.js";

/**
 * What the org spent per day (SMS and AI, in micros) over the last `days` days in `timeZone`, with
 * totals and a breakdown by model. Days with no usage are present with zeros, so a chart has no gaps.
 */
export async function summariseUsage(
  tx: TTx,
  input: { days: number; timeZone: string },
): Promise<TUsageSummary> {
  const to = DateTime.now().setZone(input.timeZone).startOf("day");
  const from = to.minus({ days: input.days - 1 });
  const since = from.toJSDate();
  const [{ rows: daily }, { rows: models }] = await Promise.all([
    tx.client.query<{ day: string; kind: string; cost: string; quantity: string; calls: string }>(
      `select to_char(occurred_at at time zone $2, 'YYYY-MM-DD') as day, kind,
              sum(cost_micros)::bigint as cost, sum(quantity)::bigint as quantity, count(*)::bigint as calls
         from usage_ledger where occurred_at >= $1 group by 1, 2`,
      [since, input.timeZone],
    ),
    tx.client.query<{ model: string; calls: string; tokens: string; cost: string; failures: string }>(
      `select coalesce(model, 'unknown') as model, count(*)::bigint as calls, sum(quantity)::bigint as tokens,
              sum(cost_micros)::bigint as cost, count(*) filter (where detail ? 'failure')::bigint as failures
         from usage_ledger where kind = 'llm_tokens' and occurred_at >= $1
        group by 1 order by sum(cost_micros) desc, count(*) desc`,
      [since],
    ),
  ]);
  const byDay = new Map<string, TUsageSummary["days"][number]>();
  for (let d = from; d <= to; d = d.plus({ days: 1 })) {
    const day = d.toISODate() as string;
    byDay.set(day, { day, smsMicros: 0, aiMicros: 0, segments: 0, tokens: 0, modelCalls: 0 });
  }
  for (const row of daily) {
    const entry = byDay.get(row.day);
    if (!entry) continue;
    if (row.kind.startsWith("sms_")) {
      entry.smsMicros += Number(row.cost);
      entry.segments += Number(row.quantity);
    } else if (row.kind === "llm_tokens") {
      entry.aiMicros += Number(row.cost);
      entry.tokens += Number(row.quantity);
      entry.modelCalls += Number(row.calls);
    }
  }
  const days = [...byDay.values()];
  const sum = (pick: (d: TUsageSummary["days"][number]) => number) => days.reduce((s, d) => s + pick(d), 0);
  return {
    from: from.toISODate() as string,
    to: to.toISODate() as string,
    days,
    totals: {
      costMicros: sum((d) => d.smsMicros + d.aiMicros),
      smsMicros: sum((d) => d.smsMicros),
      aiMicros: sum((d) => d.aiMicros),
      segments: sum((d) => d.segments),
      tokens: sum((d) => d.tokens),
      modelCalls: sum((d) => d.modelCalls),
    },
    byModel: models.map((m) => ({
      model: m.model,
      calls: Number(m.calls),
      tokens: Number(m.tokens),
      costMicros: Number(m.cost),
      failures: Number(m.failures),
    })),
  };
}
