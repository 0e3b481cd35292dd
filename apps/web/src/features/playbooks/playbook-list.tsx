import type { TPlaybookSummary } from "@plaibook/shared";
import { Link } from "@tanstack/react-router";
import { clsx } from "clsx";
import { ChevronRight } from "lucide-react";
import { Badge } from "../../components/badge";
import { focusRing } from "../../components/button";
import { Skeleton } from "../../components/skeleton";
import { formatDateTime, formatRelative } from "../../lib/format";

const th =
  "px-4 py-3 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase whitespace-nowrap";
const td =
  "block text-sm sm:table-cell sm:px-4 sm:py-3 before:mb-0.5 before:block before:text-xs before:font-medium before:text-slate-500 before:content-[attr(data-label)] sm:before:content-none";

export function campaignCountLabel(count: number): string {
  if (count === 0) return "Not used yet";
  return count === 1 ? "1 campaign" : `${count} campaigns`;
}

/** Playbooks as a table (cards on phones); the name links to the editor. */
export function PlaybookList({ playbooks }: { playbooks: ReadonlyArray<TPlaybookSummary> }) {
  return (
    <div className="sm:overflow-x-auto">
      <table className="block w-full sm:table sm:min-w-full sm:divide-y sm:divide-slate-200">
        <caption className="sr-only">Playbooks</caption>
        <thead className="hidden bg-slate-50 sm:table-header-group">
          <tr>
            <th scope="col" className={th}>
              Name
            </th>
            <th scope="col" className={th}>
              Version
            </th>
            <th scope="col" className={th}>
              Used by
            </th>
            <th scope="col" className={th}>
              Updated
            </th>
          </tr>
        </thead>
        <tbody className="block divide-y divide-slate-100 bg-white sm:table-row-group">
          {playbooks.map((p) => (
            <tr
              key={p.id}
              className="relative grid grid-cols-3 gap-x-4 gap-y-3 px-4 py-4 hover:bg-slate-50 sm:table-row sm:p-0"
            >
              <th
                scope="row"
                className="col-span-3 block text-left font-normal sm:table-cell sm:px-4 sm:py-3"
              >
                <Link
                  to="/playbooks/$playbookId"
                  params={{ playbookId: p.id }}
                  className={clsx(
                    "group inline-flex items-center gap-1 rounded text-sm font-medium text-slate-900 hover:text-indigo-700",
                    focusRing,
                  )}
                >
                  {p.name}
                  <ChevronRight
                    aria-hidden="true"
                    className="size-4 text-slate-400 group-hover:text-indigo-600"
                  />
                </Link>
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
        </tbody>
      </table>
    </div>
  );
}

export function PlaybookListSkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <div aria-busy="true" className="divide-y divide-slate-100">
      <span className="sr-only" role="status">
        Loading playbooks
      </span>
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder rows
        <div key={i} className="flex items-center gap-4 px-4 py-4">
          <div className="flex-1 space-y-2">
            <Skeleton className="h-4 w-48" />
            <Skeleton className="h-3 w-72 max-w-full" />
          </div>
          <Skeleton className="hidden h-5 w-10 sm:block" />
          <Skeleton className="hidden h-4 w-24 sm:block" />
        </div>
      ))}
    </div>
  );
}
