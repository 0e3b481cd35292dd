import type { TUsageSummary } from "@plaibook/shared";
import { can } from "@plaibook/shared";
import { clsx } from "clsx";
import { Bot, ChartColumn, Lock, MessageSquareText, Wallet } from "lucide-react";
import type { ReactNode } from "react";
import { lazy, Suspense, useState } from "react";
import { focusRing } from "../../components/button";
import { Card, CardHeader } from "../../components/card";
import { EmptyState } from "../../components/empty-state";
import { ErrorState } from "../../components/error-state";
import { Skeleton } from "../../components/skeleton";
import { StackedTable, stackedCell } from "../../components/stacked-table";
import { getErrorCode, getErrorMessage } from "../../lib/errors";
import { useSession } from "../auth/use-auth";
import { PageHeader } from "../shell/app-shell";
import { formatCount, formatMicros } from "./money";
import { formatDay } from "./usage-format";
import type { TUsageRange } from "./use-usage";
import { USAGE_RANGES, useUsage } from "./use-usage";

/** Recharts is big: only this chart needs it here. */
const UsageChart = lazy(() => import("./usage-chart").then((m) => ({ default: m.UsageChart })));

function RangePicker({ value, onChange }: { value: TUsageRange; onChange: (days: TUsageRange) => void }) {
  return (
    <fieldset className="flex gap-1 rounded-lg bg-white p-1 shadow-sm ring-1 ring-slate-200">
      <legend className="sr-only">Date range</legend>
      {USAGE_RANGES.map((days) => (
        <button
          key={days}
          type="button"
          aria-pressed={value === days}
          onClick={() => onChange(days)}
          className={clsx(
            "rounded-md px-3 py-1 text-sm font-medium whitespace-nowrap",
            focusRing,
            value === days ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100",
          )}
        >
          {days} days
        </button>
      ))}
    </fieldset>
  );
}

function TotalCard({
  icon,
  label,
  value,
  details,
}: {
  icon: ReactNode;
  label: string;
  value: string;
  details: ReactNode;
}) {
  return (
    <Card className="p-5">
      <div className="flex items-center gap-2 text-sm font-medium text-slate-500">
        <span aria-hidden="true" className="text-slate-400">
          {icon}
        </span>
        {label}
      </div>
      <p className="mt-2 text-2xl font-semibold tracking-tight text-slate-900 tabular-nums">{value}</p>
      <p className="mt-1 text-sm text-slate-500">{details}</p>
    </Card>
  );
}

function Totals({ totals }: { totals: TUsageSummary["totals"] }) {
  return (
    <section aria-label="Totals" className="grid gap-4 sm:grid-cols-3">
      <TotalCard
        icon={<Wallet className="size-4" />}
        label="Total cost"
        value={formatMicros(totals.costMicros)}
        details="SMS and AI together"
      />
      <TotalCard
        icon={<MessageSquareText className="size-4" />}
        label="SMS cost"
        value={formatMicros(totals.smsMicros)}
        details={`${formatCount(totals.segments)} ${totals.segments === 1 ? "segment" : "segments"}`}
      />
      <TotalCard
        icon={<Bot className="size-4" />}
        label="AI cost"
        value={formatMicros(totals.aiMicros)}
        details={`${formatCount(totals.tokens)} tokens · ${formatCount(totals.modelCalls)} model ${
          totals.modelCalls === 1 ? "call" : "calls"
        }`}
      />
    </section>
  );
}

const MODEL_COLUMNS = [
  { label: "Model" },
  { label: "Calls", className: "sm:text-right" },
  { label: "Tokens", className: "sm:text-right" },
  { label: "Cost", className: "sm:text-right" },
  { label: "Failures", className: "sm:text-right" },
];

function ModelTable({ rows }: { rows: TUsageSummary["byModel"] }) {
  if (rows.length === 0) {
    return <EmptyState title="No model calls in this range" description="Only SMS was billed." />;
  }
  const numeric = clsx(stackedCell, "tabular-nums sm:text-right");
  return (
    <StackedTable caption="Cost by model" columns={MODEL_COLUMNS}>
      {rows.map((row) => (
        <tr key={row.model} className="grid grid-cols-2 gap-3 px-4 py-3 sm:table-row sm:p-0">
          <td
            data-label="Model"
            className={clsx(stackedCell, "col-span-2 font-medium break-all text-slate-900")}
          >
            {row.model}
          </td>
          <td data-label="Calls" className={numeric}>
            {formatCount(row.calls)}
          </td>
          <td data-label="Tokens" className={numeric}>
            {formatCount(row.tokens)}
          </td>
          <td data-label="Cost" className={numeric}>
            {formatMicros(row.costMicros)}
          </td>
          <td data-label="Failures" className={clsx(numeric, row.failures > 0 ? "text-rose-700" : "")}>
            {formatCount(row.failures)}
          </td>
        </tr>
      ))}
    </StackedTable>
  );
}

function UsageSkeleton() {
  return (
    <div aria-busy="true" className="space-y-6">
      <span className="sr-only" role="status">
        Loading usage
      </span>
      <div className="grid gap-4 sm:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <Card key={i} className="space-y-3 p-5">
            <Skeleton className="h-4 w-24" />
            <Skeleton className="h-7 w-28" />
            <Skeleton className="h-4 w-36" />
          </Card>
        ))}
      </div>
      <Card className="space-y-3 p-5">
        <Skeleton className="h-5 w-40" />
        <Skeleton className="h-64 w-full" />
      </Card>
    </div>
  );
}

function isEmpty(summary: TUsageSummary): boolean {
  const t = summary.totals;
  return t.costMicros === 0 && t.segments === 0 && t.modelCalls === 0 && summary.byModel.length === 0;
}

function Forbidden() {
  return (
    <Card>
      <EmptyState
        icon={<Lock aria-hidden="true" className="size-8" />}
        title="Only managers can see usage and cost"
        description="Ask a manager, admin or owner if you need these numbers."
      />
    </Card>
  );
}

function UsageContent({ days }: { days: TUsageRange }) {
  const usage = useUsage(days, true);
  if (usage.isPending) return <UsageSkeleton />;
  if (usage.isError) {
    if (getErrorCode(usage.error) === "FORBIDDEN") return <Forbidden />;
    return (
      <Card>
        <ErrorState
          title="Couldn't load usage"
          message={getErrorMessage(usage.error)}
          onRetry={() => void usage.refetch()}
          retrying={usage.isFetching}
        />
      </Card>
    );
  }
  const summary = usage.data;
  if (isEmpty(summary)) {
    return (
      <Card>
        <EmptyState
          icon={<ChartColumn aria-hidden="true" className="size-8" />}
          title="No usage yet"
          description={`Nothing was billed from ${formatDay(summary.from)} to ${formatDay(summary.to)}. Costs appear here once campaigns text leads or the AI answers.`}
        />
      </Card>
    );
  }
  return (
    <div className={clsx("space-y-6 transition-opacity", usage.isPlaceholderData && "opacity-60")}>
      <Totals totals={summary.totals} />
      <Card>
        <CardHeader
          title="Cost per day"
          description={`SMS and AI cost, ${formatDay(summary.from)} to ${formatDay(summary.to)}.`}
        />
        <div className="px-2 py-4 sm:px-4">
          <Suspense fallback={<Skeleton className="h-[280px] w-full" />}>
            <UsageChart days={summary.days} />
          </Suspense>
        </div>
      </Card>
      <Card className="overflow-hidden">
        <CardHeader title="By model" description="AI model calls, the tokens they used and what they cost." />
        <ModelTable rows={summary.byModel} />
      </Card>
    </div>
  );
}

/** `/usage`: what texting and the AI cost the org, by day and by model. Managers and above. */
export function UsagePage() {
  const { user } = useSession();
  const [days, setDays] = useState<TUsageRange>(30);
  const allowed = can(user.role, "usage.view");
  return (
    <>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0 [&>div]:mb-0">
          <PageHeader
            title="Usage & cost"
            description="What texting leads and the AI agent cost your organization."
          />
        </div>
        {allowed ? <RangePicker value={days} onChange={setDays} /> : null}
      </div>
      {allowed ? <UsageContent days={days} /> : <Forbidden />}
    </>
  );
}
