import { clsx } from "clsx";
import type { ReactNode } from "react";
import type { TColumnHeader } from "./table-header";
import { ColumnHeaderRow, headerCellClass } from "./table-header";

/** Shows a stacked cell's `data-label` above its value on phones, where the header row is hidden. */
export const stackedCellLabel =
  "before:mb-0.5 before:block before:text-xs before:font-medium before:text-slate-500 before:content-[attr(data-label)] sm:before:content-none";

/** A body cell of a StackedTable: a labelled block on phones, a table cell from `sm` up. */
export const stackedCell = `block text-sm sm:table-cell sm:px-4 sm:py-3 ${stackedCellLabel}`;

export type TStackedTableProps = {
  /** Read to screen readers only. */
  caption: string;
  columns: ReadonlyArray<TColumnHeader>;
  /** Header cell padding; match the body cells'. */
  headerPadding?: string;
  /** The body rows: each `<tr>` lays itself out as a card on phones (e.g. a grid) and is `sm:table-row`. */
  children: ReactNode;
};

/**
 * A table that becomes a list of cards on phones (its header row hidden, each cell labelled by
 * `data-label`, see `stackedCell`) and is a normal table from `sm` up. One DOM either way.
 */
export function StackedTable({
  caption,
  columns,
  headerPadding = "px-4 py-3",
  children,
}: TStackedTableProps) {
  return (
    <div className="sm:overflow-x-auto">
      <table className="block w-full sm:table sm:min-w-full sm:divide-y sm:divide-slate-200">
        <caption className="sr-only">{caption}</caption>
        <thead className="hidden bg-slate-50 sm:table-header-group">
          <ColumnHeaderRow columns={columns} cellClassName={clsx(headerPadding, headerCellClass)} />
        </thead>
        <tbody className="block divide-y divide-slate-100 bg-white sm:table-row-group">{children}</tbody>
      </table>
    </div>
  );
}
