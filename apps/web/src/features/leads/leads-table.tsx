import type { TLead } from "@plaibook/shared";
import type { ColumnDef } from "@tanstack/react-table";
import { flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { clsx } from "clsx";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import type { MouseEvent, ReactNode } from "react";
import { Badge } from "../../components/badge";
import { focusRing } from "../../components/button";
import { PagerButtons, pageCountFor } from "../../components/pager";
import { SelectField } from "../../components/select";
import { Skeleton } from "../../components/skeleton";
import { headerCellClass } from "../../components/table-header";
import { TableSkeletonRows } from "../../components/table-states";
import { formatDate, formatDateTime } from "../../lib/format";
import { formatPhone, leadName, shortZone, TIME_ZONE_SOURCE_LABELS } from "./lead-format";
import type { TLeadSort, TSortDirection } from "./leads-search";
import { PAGE_SIZES, rangeLabel } from "./leads-search";

type TColumnMeta = { className?: string; sortKey?: TLeadSort };

export type TLeadsTableProps = {
  rows: ReadonlyArray<TLead>;
  total: number;
  page: number;
  pageSize: number;
  sort: TLeadSort;
  direction: TSortDirection;
  onSort: (column: TLeadSort) => void;
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: number) => void;
  onOpenLead: (leadId: string) => void;
  /** Renders the lead name as a link (the router's Link in the app; a plain anchor in tests). */
  renderLeadLink?: (lead: TLead, label: string) => ReactNode;
  /** True while a new page or sort is loading (the old rows stay visible, dimmed). */
  fetching?: boolean;
};

const th = clsx("px-3 py-2.5", headerCellClass);

function columns(renderLeadLink: TLeadsTableProps["renderLeadLink"]): ColumnDef<TLead>[] {
  return [
    {
      id: "name",
      header: "Name",
      meta: { sortKey: "name" } satisfies TColumnMeta,
      cell: ({ row }) => {
        const label = leadName(row.original);
        return (
          <span className="font-medium text-slate-900">
            {renderLeadLink ? renderLeadLink(row.original, label) : label}
          </span>
        );
      },
    },
    {
      id: "phone",
      header: "Phone",
      meta: { sortKey: "phone" } satisfies TColumnMeta,
      cell: ({ row }) => <span className="tabular-nums">{formatPhone(row.original.phone)}</span>,
    },
    {
      id: "company",
      header: "Company",
      meta: { sortKey: "company", className: "hidden md:table-cell" } satisfies TColumnMeta,
      cell: ({ row }) => row.original.company ?? <span className="text-slate-400">—</span>,
    },
    {
      id: "city",
      header: "City",
      meta: { className: "hidden lg:table-cell" } satisfies TColumnMeta,
      cell: ({ row }) => row.original.city ?? <span className="text-slate-400">—</span>,
    },
    {
      id: "timeZone",
      header: "Time zone",
      meta: { className: "hidden xl:table-cell" } satisfies TColumnMeta,
      cell: ({ row }) => (
        <span title={row.original.timeZone}>
          {shortZone(row.original.timeZone)}{" "}
          <span className="text-xs text-slate-400">
            ({TIME_ZONE_SOURCE_LABELS[row.original.timeZoneSource]})
          </span>
        </span>
      ),
    },
    {
      id: "optedOut",
      header: "Status",
      cell: ({ row }) => (row.original.optedOut ? <Badge tone="danger">Opted out</Badge> : null),
    },
    {
      id: "createdAt",
      header: "Created",
      meta: { sortKey: "createdAt", className: "hidden sm:table-cell" } satisfies TColumnMeta,
      cell: ({ row }) => (
        <time dateTime={row.original.createdAt} title={formatDateTime(row.original.createdAt)}>
          {formatDate(row.original.createdAt)}
        </time>
      ),
    },
  ];
}

function SortIcon({ active, direction }: { active: boolean; direction: TSortDirection }) {
  if (!active) return <ArrowUpDown aria-hidden="true" className="size-3.5 text-slate-300" />;
  return direction === "asc" ? (
    <ArrowUp aria-hidden="true" className="size-3.5 text-indigo-600" />
  ) : (
    <ArrowDown aria-hidden="true" className="size-3.5 text-indigo-600" />
  );
}

/** Server-side sorted and paged: TanStack Table only models columns and rows here (manual mode). */
export function LeadsTable({
  rows,
  total,
  page,
  pageSize,
  sort,
  direction,
  onSort,
  onPageChange,
  onPageSizeChange,
  onOpenLead,
  renderLeadLink,
  fetching = false,
}: TLeadsTableProps) {
  const table = useReactTable({
    data: rows as TLead[],
    columns: columns(renderLeadLink),
    getCoreRowModel: getCoreRowModel(),
    getRowId: (lead) => lead.id,
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    rowCount: total,
    state: {
      sorting: [{ id: sort, desc: direction === "desc" }],
      pagination: { pageIndex: page - 1, pageSize },
    },
  });
  const pageCount = pageCountFor(total, pageSize);

  const openRow = (event: MouseEvent<HTMLTableRowElement>, leadId: string) => {
    // Links inside the row navigate on their own (and keep middle-click / new-tab working).
    if ((event.target as HTMLElement).closest("a, button")) return;
    onOpenLead(leadId);
  };

  return (
    <div>
      <div
        className={clsx("overflow-x-auto transition-opacity", fetching && "opacity-60")}
        aria-busy={fetching}
      >
        <table className="min-w-full divide-y divide-slate-200">
          <caption className="sr-only">
            Leads, sorted by {sort} {direction === "asc" ? "ascending" : "descending"}
          </caption>
          <thead className="bg-slate-50">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const meta = (header.column.columnDef.meta ?? {}) as TColumnMeta;
                  const label = flexRender(header.column.columnDef.header, header.getContext());
                  const active = meta.sortKey === sort;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className={clsx(th, meta.className)}
                      aria-sort={active ? (direction === "asc" ? "ascending" : "descending") : undefined}
                    >
                      {meta.sortKey ? (
                        <button
                          type="button"
                          onClick={() => meta.sortKey && onSort(meta.sortKey)}
                          className={clsx(
                            "-mx-1 inline-flex items-center gap-1 rounded px-1 uppercase hover:text-slate-900",
                            active && "text-slate-900",
                            focusRing,
                          )}
                        >
                          {label}
                          <SortIcon active={active} direction={direction} />
                        </button>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100 bg-white">
            {table.getRowModel().rows.map((row) => (
              <tr
                key={row.id}
                onClick={(event) => openRow(event, row.original.id)}
                className="cursor-pointer hover:bg-slate-50"
              >
                {row.getVisibleCells().map((cell) => {
                  const meta = (cell.column.columnDef.meta ?? {}) as TColumnMeta;
                  return (
                    <td
                      key={cell.id}
                      className={clsx("px-3 py-3 text-sm whitespace-nowrap text-slate-700", meta.className)}
                    >
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <nav
        aria-label="Pagination"
        className="flex flex-col gap-3 border-t border-slate-200 px-4 py-3 sm:flex-row sm:items-center sm:justify-between"
      >
        <p className="text-sm text-slate-600" aria-live="polite">
          {rangeLabel(page, pageSize, total)}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <SelectField
            label="Rows per page"
            hideLabel
            controlSize="sm"
            value={String(pageSize)}
            onChange={(e) => onPageSizeChange(Number(e.target.value))}
            options={PAGE_SIZES.map((n) => ({ value: String(n), label: `${n} per page` }))}
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

export function LeadsTableSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <TableSkeletonRows label="Loading leads" rows={rows} rowClassName="flex items-center gap-6 px-4 py-3.5">
      <Skeleton className="h-4 w-36" />
      <Skeleton className="h-4 w-32" />
      <Skeleton className="hidden h-4 w-28 md:block" />
      <Skeleton className="hidden h-4 w-24 lg:block" />
      <Skeleton className="ml-auto h-4 w-20" />
    </TableSkeletonRows>
  );
}
