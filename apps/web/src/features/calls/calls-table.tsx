import type { TCallListItem } from "@plaibook/shared";
import { clsx } from "clsx";
import { ArrowDownLeft, ArrowUpRight, RotateCw } from "lucide-react";
import type { ReactNode } from "react";
import { Badge } from "../../components/badge";
import { Button } from "../../components/button";
import { PagerButtons, pageCountFor } from "../../components/pager";
import { SelectField } from "../../components/select";
import { Skeleton } from "../../components/skeleton";
import { StackedTable, stackedCellLabel } from "../../components/stacked-table";
import { TableSkeletonRows } from "../../components/table-states";
import { formatDateTime } from "../../lib/format";
import { formatPhone } from "../leads/lead-format";
import { formatDuration, formatPercent, splitPercent } from "./call-format";
import { CallStatusCell } from "./call-status";
import { CALL_PAGE_SIZES, callRangeLabel } from "./calls-search";
import {
  DIRECTION_LABELS,
  OUTCOME_LABELS,
  OUTCOME_TONES,
  objectionCategoryLabel,
  objectionCategoryTone,
} from "./labels";

export type TCallsTableProps = {
  calls: ReadonlyArray<TCallListItem>;
  total: number;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: number) => void;
  /** Renders the start time as a link to the call (the router's Link in the app). */
  renderCallLink: (callId: string, label: ReactNode) => ReactNode;
  /** Set when the person may retry failed calls. */
  onRetry?: ((call: TCallListItem) => void) | undefined;
  retryingId?: string | null;
  /** True while a new page or filter is loading (the old rows stay, dimmed). */
  fetching?: boolean;
};

const td = `block text-sm sm:table-cell sm:px-3 sm:py-3 sm:align-top ${stackedCellLabel}`;

export function ObjectionChips({ categories }: { categories: ReadonlyArray<string> }) {
  if (categories.length === 0) return <span className="text-slate-400">None</span>;
  return (
    <ul className="flex max-w-56 flex-wrap gap-1">
      {categories.map((category) => (
        <li
          key={category}
          className={clsx(
            "rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset",
            objectionCategoryTone(category),
          )}
        >
          {objectionCategoryLabel(category)}
        </li>
      ))}
    </ul>
  );
}

/** The rep's share of talk as a small bar: blue is the rep, grey the customer. */
export function TalkRatio({ ratio }: { ratio: number | null }) {
  if (ratio === null) return <span className="text-slate-400">—</span>;
  return (
    <div
      className="flex items-center gap-2"
      title={`Rep ${splitPercent(ratio)[0]}%, customer ${splitPercent(ratio)[1]}%`}
    >
      <div aria-hidden="true" className="flex h-1.5 w-16 overflow-hidden rounded-full bg-slate-200">
        <div className="h-full bg-indigo-500" style={{ width: `${Math.round(ratio * 100)}%` }} />
      </div>
      <span className="text-xs text-slate-600 tabular-nums">
        <span className="sr-only">Rep talked </span>
        {formatPercent(ratio)}
      </span>
    </div>
  );
}

/** One page of calls, filtered and paged by the server; a list of cards on phones. */
export function CallsTable({
  calls,
  total,
  page,
  pageSize,
  onPageChange,
  onPageSizeChange,
  renderCallLink,
  onRetry,
  retryingId = null,
  fetching = false,
}: TCallsTableProps) {
  const pageCount = pageCountFor(total, pageSize);
  return (
    <div>
      <div className={clsx("transition-opacity", fetching && "opacity-60")} aria-busy={fetching}>
        <StackedTable
          caption="Calls"
          headerPadding="px-3 py-2.5"
          columns={[
            { label: "Started" },
            { label: "Rep" },
            { label: "Lead" },
            { label: "Length" },
            { label: "Status" },
            { label: "Outcome" },
            { label: "Objections" },
            { label: "Rep talk" },
          ]}
        >
          {calls.map((call) => {
            const started = formatDateTime(call.startedAt);
            return (
              <tr
                key={call.id}
                data-testid={`call-row-${call.id}`}
                className="grid grid-cols-2 gap-x-4 gap-y-3 px-4 py-4 hover:bg-slate-50 sm:table-row sm:p-0"
              >
                <th
                  scope="row"
                  className="col-span-2 block text-left text-sm font-normal sm:table-cell sm:px-3 sm:py-3 sm:align-top sm:whitespace-nowrap"
                >
                  <span className="font-medium text-slate-900">{renderCallLink(call.id, started)}</span>
                  <span className="mt-0.5 flex items-center gap-1 text-xs text-slate-500">
                    {call.direction === "inbound" ? (
                      <ArrowDownLeft aria-hidden="true" className="size-3.5" />
                    ) : (
                      <ArrowUpRight aria-hidden="true" className="size-3.5" />
                    )}
                    {DIRECTION_LABELS[call.direction]}
                  </span>
                </th>
                <td data-label="Rep" className={clsx(td, "text-slate-700 sm:whitespace-nowrap")}>
                  {call.repName ?? <span className="text-slate-400">Unassigned</span>}
                </td>
                <td
                  data-label="Lead"
                  className={clsx(td, "text-slate-700 tabular-nums sm:whitespace-nowrap")}
                >
                  {call.leadPhone ? formatPhone(call.leadPhone) : <span className="text-slate-400">—</span>}
                </td>
                <td
                  data-label="Length"
                  className={clsx(td, "text-slate-700 tabular-nums sm:whitespace-nowrap")}
                >
                  {formatDuration(call.durationSeconds)}
                </td>
                <td data-label="Status" className={clsx(td, "col-span-2")}>
                  <CallStatusCell
                    status={call.status}
                    progress={call.progress}
                    statusReason={call.statusReason}
                    label={`Call of ${started}`}
                  />
                  {call.status === "failed" && onRetry ? (
                    <Button
                      variant="secondary"
                      size="sm"
                      className="mt-2"
                      loading={retryingId === call.id}
                      onClick={() => onRetry(call)}
                      icon={<RotateCw aria-hidden="true" className="size-3.5" />}
                      aria-label={`Retry the call of ${started}`}
                    >
                      Retry
                    </Button>
                  ) : null}
                </td>
                <td data-label="Outcome" className={td}>
                  {call.outcome ? (
                    <Badge tone={OUTCOME_TONES[call.outcome]}>{OUTCOME_LABELS[call.outcome]}</Badge>
                  ) : (
                    <span className="text-slate-400">—</span>
                  )}
                </td>
                <td data-label="Objections" className={td}>
                  {call.status === "analyzed" ? (
                    <ObjectionChips categories={call.objectionCategories} />
                  ) : (
                    <span className="text-slate-400">—</span>
                  )}
                </td>
                <td data-label="Rep talk" className={td}>
                  <TalkRatio ratio={call.repTalkRatio} />
                </td>
              </tr>
            );
          })}
        </StackedTable>
      </div>

      <nav
        aria-label="Pagination"
        className="flex flex-col gap-3 border-t border-slate-200 px-4 py-3 sm:flex-row sm:items-center sm:justify-between"
      >
        <p className="text-sm text-slate-600" aria-live="polite">
          {callRangeLabel(page, pageSize, total)}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <SelectField
            label="Calls per page"
            hideLabel
            controlSize="sm"
            value={String(pageSize)}
            onChange={(e) => onPageSizeChange(Number(e.target.value))}
            options={CALL_PAGE_SIZES.map((n) => ({ value: String(n), label: `${n} per page` }))}
          />
          <span className="text-sm text-slate-600 tabular-nums">
            Page {page} of {pageCount}
          </span>
          <div className="flex gap-1">
            <PagerButtons page={page} pageCount={pageCount} onPageChange={onPageChange} />
          </div>
        </div>
      </nav>
    </div>
  );
}

export function CallsTableSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <TableSkeletonRows label="Loading calls" rows={rows} rowClassName="flex items-center gap-6 px-4 py-4">
      <Skeleton className="h-4 w-36" />
      <Skeleton className="h-4 w-24" />
      <Skeleton className="hidden h-4 w-28 md:block" />
      <Skeleton className="hidden h-4 w-16 md:block" />
      <Skeleton className="h-4 w-24" />
      <Skeleton className="ml-auto hidden h-4 w-20 lg:block" />
    </TableSkeletonRows>
  );
}
