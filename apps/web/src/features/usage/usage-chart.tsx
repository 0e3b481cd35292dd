import type { TUsageSummary } from "@plaibook/shared";
import { useId } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from "recharts";
import { formatAxisDollars, formatMicros } from "./money";
import { formatDay } from "./usage-format";

export type TUsageChartProps = {
  days: TUsageSummary["days"];
  /** Fixed width in pixels (tests); otherwise the chart fills its container. */
  width?: number;
};

const SMS_COLOR = "#6366f1";
const AI_COLOR = "#f59e0b";
const HEIGHT = 280;

function DollarTooltip({ active, payload, label }: TooltipContentProps) {
  if (!active || !payload?.length) return null;
  const total = payload.reduce((sum, item) => sum + (Number(item.value) || 0), 0);
  return (
    <div className="rounded-md bg-white px-3 py-2 text-xs shadow-lg ring-1 ring-slate-200">
      <p className="mb-1 font-semibold text-slate-900">{formatDay(String(label))}</p>
      {payload.map((item) => (
        <p key={String(item.dataKey)} className="flex items-center gap-2 text-slate-700">
          <span aria-hidden="true" className="size-2 rounded-sm" style={{ background: item.color }} />
          {item.name}: <span className="font-medium tabular-nums">{formatMicros(Number(item.value))}</span>
        </p>
      ))}
      <p className="mt-1 border-t border-slate-100 pt-1 font-medium text-slate-900 tabular-nums">
        Total: {formatMicros(total)}
      </p>
    </div>
  );
}

/** Cost per day, SMS and AI stacked (Recharts: load it lazily). */
export function UsageChart({ days, width }: TUsageChartProps) {
  const titleId = useId();
  const descId = useId();
  const total = days.reduce((sum, d) => sum + d.smsMicros + d.aiMicros, 0);
  const busiest = days.reduce<TUsageSummary["days"][number] | null>(
    (best, d) => (best === null || d.smsMicros + d.aiMicros > best.smsMicros + best.aiMicros ? d : best),
    null,
  );
  const description =
    days.length === 0
      ? "No days in this range."
      : `${days.length} days from ${formatDay(days[0]?.day ?? "")} to ${formatDay(days.at(-1)?.day ?? "")}, ${formatMicros(total)} in all${
          busiest && total > 0
            ? `; the most on ${formatDay(busiest.day)} (${formatMicros(busiest.smsMicros + busiest.aiMicros)})`
            : ""
        }.`;
  const chart = (
    <BarChart
      data={days}
      margin={{ top: 8, right: 8, bottom: 20, left: 8 }}
      {...(width ? { width, height: HEIGHT } : {})}
    >
      <CartesianGrid vertical={false} stroke="#e2e8f0" />
      <XAxis
        dataKey="day"
        tickFormatter={formatDay}
        tick={{ fontSize: 12, fill: "#475569" }}
        tickLine={false}
        axisLine={{ stroke: "#cbd5e1" }}
        minTickGap={16}
        label={{ value: "Day", position: "insideBottom", offset: -14, fontSize: 12, fill: "#64748b" }}
      />
      <YAxis
        tickFormatter={formatAxisDollars}
        tick={{ fontSize: 12, fill: "#475569" }}
        tickLine={false}
        axisLine={false}
        width={72}
        allowDecimals
        // At least a cent tall, so a quiet range does not draw axis ticks in millionths of a dollar.
        domain={[0, (max: number) => Math.max(max, 10_000)]}
        label={{
          value: "Cost (USD)",
          angle: -90,
          position: "insideLeft",
          offset: -2,
          fontSize: 12,
          fill: "#64748b",
          style: { textAnchor: "middle" },
        }}
      />
      <Tooltip content={DollarTooltip} cursor={{ fill: "#f1f5f9" }} />
      <Legend
        verticalAlign="top"
        height={28}
        iconType="square"
        itemSorter={null}
        wrapperStyle={{ fontSize: 12 }}
      />
      <Bar dataKey="smsMicros" name="SMS" stackId="cost" fill={SMS_COLOR} isAnimationActive={false} />
      <Bar
        dataKey="aiMicros"
        name="AI"
        stackId="cost"
        fill={AI_COLOR}
        radius={[3, 3, 0, 0]}
        isAnimationActive={false}
      />
    </BarChart>
  );
  return (
    <figure role="img" aria-labelledby={titleId} aria-describedby={descId} className="w-full">
      <span id={titleId} className="sr-only">
        Cost per day, SMS and AI
      </span>
      <span id={descId} className="sr-only">
        {description}
      </span>
      <div style={{ height: HEIGHT }}>
        {width ? (
          chart
        ) : (
          <ResponsiveContainer width="100%" height={HEIGHT}>
            {chart}
          </ResponsiveContainer>
        )}
      </div>
    </figure>
  );
}
