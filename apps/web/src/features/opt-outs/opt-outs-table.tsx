import type { TOptOut } from "@plaibook/shared";
import { clsx } from "clsx";
import { Trash2 } from "lucide-react";
import { Button } from "../../components/button";
import { PagerButtons, pageCountFor } from "../../components/pager";
import { Skeleton } from "../../components/skeleton";
import { ColumnHeaderRow, headerCellClass } from "../../components/table-header";
import { TableSkeletonRows } from "../../components/table-states";
import { formatDate, formatDateTime } from "../../lib/format";
import { formatPhone } from "../leads/lead-format";

export function sourceLabel(source: string): string {
  const text = source.replace(/[_-]+/g, " ").trim();
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : "—";
}

export type TOptOutsTableProps = {
  rows: ReadonlyArray<TOptOut>;
  total: number;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  /** Present only for roles that may remove numbers. */
  onRemove?: (optOut: TOptOut) => void;
  fetching?: boolean;
};

const th = clsx("px-4 py-2.5", headerCellClass);

export function OptOutsTable({
  rows,
  total,
  page,
  pageSize,
  onPageChange,
  onRemove,
  fetching = false,
}: TOptOutsTableProps) {
  const pageCount = pageCountFor(total, pageSize);
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <div>
      <div
        className={clsx("overflow-x-auto transition-opacity", fetching && "opacity-60")}
        aria-busy={fetching}
      >
        <table className="min-w-full divide-y divide-slate-200">
          <caption className="sr-only">Opted-out phone numbers</caption>
          <thead className="bg-slate-50">
            <ColumnHeaderRow
              cellClassName={th}
              columns={[
                { label: "Phone" },
                { label: "Source" },
                { label: "Keyword", className: "hidden sm:table-cell" },
                { label: "Added" },
                ...(onRemove ? [{ label: "Actions", srOnly: true }] : []),
              ]}
            />
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.phone}>
                <td className="px-4 py-3 text-sm font-medium whitespace-nowrap text-slate-900 tabular-nums">
                  {formatPhone(row.phone)}
                </td>
                <td className="px-4 py-3 text-sm whitespace-nowrap text-slate-700">
                  {sourceLabel(row.source)}
                </td>
                <td className="hidden px-4 py-3 font-mono text-xs text-slate-600 sm:table-cell">
                  {row.keyword ?? "—"}
                </td>
                <td className="px-4 py-3 text-sm whitespace-nowrap text-slate-700">
                  <time dateTime={row.createdAt} title={formatDateTime(row.createdAt)}>
                    {formatDate(row.createdAt)}
                  </time>
                </td>
                {onRemove ? (
                  <td className="px-4 py-2 text-right">
                    <Button
                      variant="danger-ghost"
                      size="sm"
                      aria-label={`Remove ${formatPhone(row.phone)}`}
                      onClick={() => onRemove(row)}
                      icon={<Trash2 aria-hidden="true" className="size-4" />}
                    >
                      <span className="hidden sm:inline">Remove</span>
                    </Button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav
        aria-label="Pagination"
        className="flex items-center justify-between gap-3 border-t border-slate-200 px-4 py-3"
      >
        <p className="text-sm text-slate-600" aria-live="polite">
          {total === 0
            ? "No numbers"
            : `Showing ${from.toLocaleString()}–${to.toLocaleString()} of ${total.toLocaleString()}`}
        </p>
        <div className="flex items-center gap-2">
          <span className="hidden text-sm text-slate-600 tabular-nums sm:inline">
            Page {page} of {pageCount}
          </span>
          <PagerButtons page={page} pageCount={pageCount} onPageChange={onPageChange} />
        </div>
      </nav>
    </div>
  );
}

export function OptOutsTableSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <TableSkeletonRows
      label="Loading opt-outs"
      rows={rows}
      rowClassName="flex items-center gap-6 px-4 py-3.5"
    >
      <Skeleton className="h-4 w-36" />
      <Skeleton className="h-4 w-20" />
      <Skeleton className="ml-auto h-4 w-24" />
    </TableSkeletonRows>
  );
}
