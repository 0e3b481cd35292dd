import type { ReactNode } from "react";

export type TTableSkeletonRowsProps = {
  /** Announced once to assistive tech while the placeholder shows, e.g. "Loading leads". */
  label: string;
  rows: number;
  /** Layout of one placeholder row; the default suits the roomier card tables. */
  rowClassName?: string;
  /** The Skeleton bars of one row, repeated for every row. */
  children: ReactNode;
};

/** Placeholder rows shown in place of a table while its first page loads. */
export function TableSkeletonRows({
  label,
  rows,
  rowClassName = "flex items-center gap-4 px-4 py-4",
  children,
}: TTableSkeletonRowsProps) {
  return (
    <div aria-busy="true" className="divide-y divide-slate-100">
      <span className="sr-only" role="status">
        {label}
      </span>
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder rows
        <div key={i} className={rowClassName}>
          {children}
        </div>
      ))}
    </div>
  );
}
