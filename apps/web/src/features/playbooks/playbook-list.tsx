import type { TPlaybookSummary } from "@plaibook/shared";
import { clsx } from "clsx";
import { Badge } from "../../components/badge";
import { RowLink } from "../../components/row-link";
import { Skeleton } from "../../components/skeleton";
import { StackedTable, stackedCell as td } from "../../components/stacked-table";
import { TableSkeletonRows } from "../../components/table-states";
import { formatDateTime, formatRelative } from "../../lib/format";

export function campaignCountLabel(count: number): string {
  if (count === 0) return "Not used yet";
  return count === 1 ? "1 campaign" : `${count} campaigns`;
}

/** Playbooks as a table (cards on phones); the name links to the editor. */
export function PlaybookList({ playbooks }: { playbooks: ReadonlyArray<TPlaybookSummary> }) {
  return (
    <StackedTable
      caption="Playbooks"
      columns={[{ label: "Name" }, { label: "Version" }, { label: "Used by" }, { label: "Updated" }]}
    >
      {playbooks.map((p) => (
        <tr
          key={p.id}
          className="relative grid grid-cols-3 gap-x-4 gap-y-3 px-4 py-4 hover:bg-slate-50 sm:table-row sm:p-0"
        >
          <th scope="row" className="col-span-3 block text-left font-normal sm:table-cell sm:px-4 sm:py-3">
            <RowLink to="/playbooks/$playbookId" params={{ playbookId: p.id }}>
              {p.name}
            </RowLink>
            {p.description ? (
              <p className="mt-0.5 line-clamp-2 max-w-xl text-sm text-slate-500">{p.description}</p>
            ) : null}
          </th>
          <td data-label="Version" className={td}>
            <Badge tone="accent">v{p.currentVersion}</Badge>
          </td>
          <td data-label="Used by" className={clsx(td, "whitespace-nowrap text-slate-600")}>
            {campaignCountLabel(p.campaignCount)}
          </td>
          <td data-label="Updated" className={clsx(td, "whitespace-nowrap text-slate-600")}>
            <time dateTime={p.updatedAt} title={formatDateTime(p.updatedAt)}>
              {formatRelative(p.updatedAt)}
            </time>
          </td>
        </tr>
      ))}
    </StackedTable>
  );
}

export function PlaybookListSkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <TableSkeletonRows label="Loading playbooks" rows={rows}>
      <div className="flex-1 space-y-2">
        <Skeleton className="h-4 w-48" />
        <Skeleton className="h-3 w-72 max-w-full" />
      </div>
      <Skeleton className="hidden h-5 w-10 sm:block" />
      <Skeleton className="hidden h-4 w-24 sm:block" />
    </TableSkeletonRows>
  );
}
