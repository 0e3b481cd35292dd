import { clsx } from "clsx";

/**
 * A sentiment trend (−1…1, oldest first) as a tiny inline SVG: cheap enough for thousands of board rows
 * (the console's Recharts chart is not). The last point is coloured by its band.
 */
export function Sparkline({
  values,
  width = 64,
  height = 20,
  label,
  className,
}: {
  values: ReadonlyArray<number>;
  width?: number;
  height?: number;
  /** An accessible description; without it the chart is decorative. */
  label?: string;
  className?: string;
}) {
  const pad = 2;
  const y = (v: number) => pad + ((1 - Math.max(-1, Math.min(1, v))) / 2) * (height - 2 * pad);
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const points = values.map((v, i) => `${(pad + i * step).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
  const last = values.at(-1);
  const tone =
    last === undefined
      ? "fill-slate-300"
      : last <= -0.25
        ? "fill-rose-500"
        : last >= 0.25
          ? "fill-emerald-500"
          : "fill-slate-400";
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      className={clsx("shrink-0 overflow-visible", className)}
      role={label ? "img" : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    >
      <line
        x1={0}
        x2={width}
        y1={height / 2}
        y2={height / 2}
        className="stroke-slate-200"
        strokeDasharray="2 2"
      />
      {values.length > 1 ? (
        <polyline points={points} fill="none" className="stroke-indigo-500" strokeWidth={1.5} />
      ) : null}
      {last !== undefined ? (
        <circle cx={pad + (values.length - 1) * step} cy={y(last)} r={2.25} className={tone} />
      ) : null}
    </svg>
  );
}

/** "−0.4", "0.0", "+0.7". */
export function formatScore(score: number): string {
  const fixed = Math.abs(score).toFixed(1);
  return score < -0.04 ? `−${fixed}` : score > 0.04 ? `+${fixed}` : "0.0";
}

/** A screen-reader description of a trend. */
export function trendLabel(values: ReadonlyArray<number>): string {
  if (values.length === 0) return "Sentiment: no turns analysed yet";
  const last = values.at(-1) ?? 0;
  return `Sentiment over ${values.length} ${values.length === 1 ? "turn" : "turns"}, latest ${formatScore(last)} (−1 to +1)`;
}
