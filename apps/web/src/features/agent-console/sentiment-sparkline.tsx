import { Line, LineChart, ReferenceLine, ResponsiveContainer, YAxis } from "recharts";
import { formatSentiment } from "./console-format";

const HEIGHT = 56;

/** The conversation's sentiment, oldest first, between −1 and 1 (Recharts: load it lazily). */
export function SentimentSparkline({ trend, width }: { trend: ReadonlyArray<number>; width?: number }) {
  const data = trend.map((sentiment, index) => ({ index, sentiment }));
  const last = trend.at(-1);
  const label =
    trend.length === 0
      ? "Sentiment trend: no turns yet"
      : `Sentiment trend over ${trend.length} ${trend.length === 1 ? "turn" : "turns"}, from −1 to 1: ${trend
          .map(formatSentiment)
          .join(", ")}${last === undefined ? "" : `; latest ${formatSentiment(last)}`}`;
  const chart = (
    <LineChart
      data={data}
      margin={{ top: 4, right: 4, bottom: 4, left: 4 }}
      {...(width ? { width, height: HEIGHT } : {})}
    >
      <YAxis hide domain={[-1, 1]} />
      <ReferenceLine y={0} stroke="#cbd5e1" strokeDasharray="3 3" />
      <Line
        type="monotone"
        dataKey="sentiment"
        stroke="#4f46e5"
        strokeWidth={2}
        dot={{ r: 2.5, fill: "#4f46e5" }}
        isAnimationActive={false}
      />
    </LineChart>
  );
  return (
    <figure role="img" aria-label={label} className="w-full" style={{ height: HEIGHT }}>
      {width ? (
        chart
      ) : (
        <ResponsiveContainer width="100%" height={HEIGHT}>
          {chart}
        </ResponsiveContainer>
      )}
    </figure>
  );
}
