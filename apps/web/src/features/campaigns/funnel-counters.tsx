import type { TFunnelStage } from "@plaibook/shared";
import { FUNNEL_STAGES } from "@plaibook/shared";
import { FUNNEL_COLORS, FUNNEL_LABELS, formatCount } from "./campaign-format";

export type TFunnelCounts = Partial<Record<TFunnelStage, number>>;

export type TFunnelRow = { stage: TFunnelStage; label: string; count: number; share: number };

/** The funnel in FUNNEL_STAGES order, with each stage's share of the campaign's leads. */
export function funnelRows(funnel: TFunnelCounts, leadCount: number): TFunnelRow[] {
  return FUNNEL_STAGES.map((stage) => {
    const count = funnel[stage] ?? 0;
    return { stage, label: FUNNEL_LABELS[stage], count, share: leadCount > 0 ? count / leadCount : 0 };
  });
}

const percent = (share: number) => (share > 0 && share < 0.01 ? "<1%" : `${Math.round(share * 100)}%`);

/** Counters per stage: the accessible, exact view of the funnel (the chart is a picture of the same). */
export function FunnelCounters({ rows }: { rows: ReadonlyArray<TFunnelRow> }) {
  return (
    <dl
      aria-label="Leads per stage"
      className="grid grid-cols-2 gap-px overflow-hidden rounded-lg bg-slate-200 ring-1 ring-slate-200 sm:grid-cols-4"
    >
      {rows.map((row) => (
        <div key={row.stage} data-stage={row.stage} className="bg-white px-3 py-2.5">
          <dt className="flex items-center gap-1.5 text-xs font-medium text-slate-500">
            <span
              aria-hidden="true"
              className="inline-block size-2 rounded-full"
              style={{ backgroundColor: FUNNEL_COLORS[row.stage] }}
            />
            {row.label}
          </dt>
          <dd className="mt-0.5 flex items-baseline gap-1.5">
            <span className="text-lg font-semibold text-slate-900 tabular-nums">
              {formatCount(row.count)}
            </span>
            <span className="text-xs text-slate-500 tabular-nums">{percent(row.share)}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
