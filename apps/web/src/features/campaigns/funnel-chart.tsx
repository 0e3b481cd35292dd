import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { FUNNEL_COLORS } from "./campaign-format";
import type { TFunnelCounts } from "./funnel-counters";
import { FunnelCounters, funnelRows } from "./funnel-counters";

export type TFunnelChartProps = {
  funnel: TFunnelCounts;
  leadCount: number;
  /** Fixed width in pixels (tests, print); otherwise the chart fills its container. */
  width?: number;
};

/** Horizontal bars per funnel stage, in order, with counts at the bar ends (Recharts: load it lazily). */
export function FunnelBars({ funnel, leadCount, width }: TFunnelChartProps) {
  const rows = funnelRows(funnel, leadCount);
  const height = rows.length * 34 + 16;
  const summary = rows.map((r) => `${r.label} ${r.count}`).join(", ");
  const chart = (
    <BarChart
      data={rows}
      layout="vertical"
      margin={{ top: 4, right: 48, bottom: 4, left: 4 }}
      barCategoryGap={6}
      {...(width ? { width, height } : {})}
    >
      <CartesianGrid horizontal={false} stroke="#e2e8f0" />
      <XAxis type="number" allowDecimals={false} hide domain={[0, (max: number) => Math.max(max, 1)]} />
      <YAxis
        type="category"
        dataKey="label"
        width={104}
        tickLine={false}
        axisLine={false}
        tick={{ fontSize: 12, fill: "#475569" }}
      />
      <Bar dataKey="count" radius={[0, 4, 4, 0]} isAnimationActive={false} minPointSize={2}>
        {rows.map((row) => (
          <Cell key={row.stage} fill={FUNNEL_COLORS[row.stage]} />
        ))}
        <LabelList
          dataKey="count"
          position="right"
          style={{ fontSize: 12, fill: "#0f172a", fontWeight: 600 }}
        />
      </Bar>
    </BarChart>
  );
  return (
    <figure role="img" aria-label={`Funnel: ${summary}`} style={{ height }} className="w-full">
      {width ? (
        chart
      ) : (
        <ResponsiveContainer width="100%" height={height}>
          {chart}
        </ResponsiveContainer>
      )}
    </figure>
  );
}

/** The bars with the exact counters below them. */
export function FunnelChart(props: TFunnelChartProps) {
  return (
    <div className="space-y-4">
      <FunnelBars {...props} />
      <FunnelCounters rows={funnelRows(props.funnel, props.leadCount)} />
    </div>
  );
}
