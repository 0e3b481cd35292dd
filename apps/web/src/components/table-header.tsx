import { clsx } from "clsx";

/** Column header typography shared by every table; callers add their own padding. */
export const headerCellClass =
  "text-left text-xs font-semibold tracking-wide text-slate-500 uppercase whitespace-nowrap";

export type TColumnHeader = {
  /** The header text, also the React key (labels are unique within a table). */
  label: string;
  className?: string;
  /** Keep the label for screen readers only, e.g. an "Actions" column. */
  srOnly?: boolean;
};

/** One header row of `<th scope="col">` cells for a table with fixed columns. */
export function ColumnHeaderRow({
  columns,
  cellClassName,
}: {
  columns: ReadonlyArray<TColumnHeader>;
  /** Padding and typography for every cell, usually `clsx("px-4 py-3", headerCellClass)`. */
  cellClassName: string;
}) {
  return (
    <tr>
      {columns.map((column) => (
        <th key={column.label} scope="col" className={clsx(cellClassName, column.className)}>
          {column.srOnly ? <span className="sr-only">{column.label}</span> : column.label}
        </th>
      ))}
    </tr>
  );
}
