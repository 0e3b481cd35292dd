import type { TCampaign, TFunnelStage } from "@plaibook/shared";
import { Link } from "@tanstack/react-router";
import { clsx } from "clsx";
import { ChevronRight } from "lucide-react";
import { Badge } from "../../components/badge";
import { focusRing } from "../../components/button";
import { Skeleton } from "../../components/skeleton";
import { formatDate, formatDateTime } from "../../lib/format";
import {
  CAMPAIGN_STATUS_LABELS,
  CAMPAIGN_STATUS_TONES,
  FUNNEL_COLORS,
  FUNNEL_LABELS,
  formatCount,
} from "./campaign-format";

const th =
  "px-4 py-3 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase whitespace-nowrap";
const td =
  "block text-sm sm:table-cell sm:px-4 sm:py-3 before:mb-0.5 before:block before:text-xs before:font-medium before:text-slate-500 before:content-[attr(data-label)] sm:before:content-none";

/** The stages the list shows: the path from first text to a booking. */
export const MINI_FUNNEL: ReadonlyArray<TFunnelStage> = ["contacted", "replied", "engaged", "booked"];

export function MiniFunnel({ funnel }: { funnel: TCampaign["funnel"] }) {
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-1" aria-label="Funnel">
      {MINI_FUNNEL.map((stage) => (
        <li key={stage} className="flex items-center gap-1 text-xs whitespace-nowrap text-slate-500">
          <span
            aria-hidden="true"
            className="inline-block size-1.5 rounded-full"
            style={{ backgroundColor: FUNNEL_COLORS[stage] }}
          />
          {FUNNEL_LABELS[stage]}
          <span className="font-semibold text-slate-900 tabular-nums">{formatCount(funnel[stage] ?? 0)}</span>
        </li>
      ))}
    </ul>
  );
}

/** Campaigns as a table (cards on phones); the name links to the campaign. */
export function CampaignList({ campaigns }: { campaigns: ReadonlyArray<TCampaign> }) {
  return (
    <div className="sm:overflow-x-auto">
      <table className="block w-full sm:table sm:min-w-full sm:divide-y sm:divide-slate-200">
        <caption className="sr-only">Campaigns</caption>
        <thead className="hidden bg-slate-50 sm:table-header-group">
          <tr>
            <th scope="col" className={th}>
              Campaign
            </th>
            <th scope="col" className={th}>
              Status
            </th>
            <th scope="col" className={th}>
              Playbook
            </th>
            <th scope="col" className={clsx(th, "text-right")}>
              Leads
            </th>
            <th scope="col" className={th}>
              Funnel
            </th>
            <th scope="col" className={th}>
              Created
            </th>
          </tr>
        </thead>
        <tbody className="block divide-y divide-slate-100 bg-white sm:table-row-group">
          {campaigns.map((c) => (
            <tr key={c.id} className="grid grid-cols-2 gap-x-4 gap-y-3 px-4 py-4 sm:table-row sm:p-0">
              <th
                scope="row"
                className="col-span-2 block text-left font-normal sm:table-cell sm:px-4 sm:py-3"
              >
                <Link
                  to="/campaigns/$campaignId"
                  params={{ campaignId: c.id }}
                  className={clsx(
                    "group inline-flex items-center gap-1 rounded text-sm font-medium text-slate-900 hover:text-indigo-700",
                    focusRing,
                  )}
                >
                  {c.name}
                  <ChevronRight
                    aria-hidden="true"
                    className="size-4 text-slate-400 group-hover:text-indigo-600"
                  />
                </Link>
              </th>
              <td data-label="Status" className={td}>
                <Badge tone={CAMPAIGN_STATUS_TONES[c.status]}>{CAMPAIGN_STATUS_LABELS[c.status]}</Badge>
              </td>
              <td data-label="Playbook" className={clsx(td, "text-slate-600")}>
                {c.playbookName} <span className="text-slate-400">v{c.playbookVersion}</span>
              </td>
              <td data-label="Leads" className={clsx(td, "text-slate-900 tabular-nums sm:text-right")}>
                {formatCount(c.leadCount)}
              </td>
              <td data-label="Funnel" className={clsx(td, "col-span-2")}>
                <MiniFunnel funnel={c.funnel} />
              </td>
              <td data-label="Created" className={clsx(td, "whitespace-nowrap text-slate-600")}>
                <time dateTime={c.createdAt} title={formatDateTime(c.createdAt)}>
                  {formatDate(c.createdAt)}
                </time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CampaignListSkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <div aria-busy="true" className="divide-y divide-slate-100">
      <span className="sr-only" role="status">
        Loading campaigns
      </span>
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder rows
        <div key={i} className="flex items-center gap-4 px-4 py-4">
          <Skeleton className="h-4 w-48" />
          <Skeleton className="h-5 w-16 rounded-full" />
          <Skeleton className="hidden h-4 w-32 sm:block" />
          <Skeleton className="ml-auto hidden h-4 w-40 sm:block" />
        </div>
      ))}
    </div>
  );
}
