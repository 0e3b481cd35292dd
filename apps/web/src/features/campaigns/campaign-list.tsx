import type { TCampaign, TFunnelStage } from "@plaibook/shared";
import { clsx } from "clsx";
import { Badge } from "../../components/badge";
import { RowLink } from "../../components/row-link";
import { Skeleton } from "../../components/skeleton";
import { StackedTable, stackedCell as td } from "../../components/stacked-table";
import { TableSkeletonRows } from "../../components/table-states";
import { formatDate, formatDateTime } from "../../lib/format";
import {
  CAMPAIGN_STATUS_LABELS,
  CAMPAIGN_STATUS_TONES,
  FUNNEL_COLORS,
  FUNNEL_LABELS,
  formatCount,
} from "./campaign-format";

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
    <StackedTable
      caption="Campaigns"
      columns={[
        { label: "Campaign" },
        { label: "Status" },
        { label: "Playbook" },
        { label: "Leads", className: "text-right" },
        { label: "Funnel" },
        { label: "Created" },
      ]}
    >
      {campaigns.map((c) => (
        <tr key={c.id} className="grid grid-cols-2 gap-x-4 gap-y-3 px-4 py-4 sm:table-row sm:p-0">
          <th scope="row" className="col-span-2 block text-left font-normal sm:table-cell sm:px-4 sm:py-3">
            <RowLink to="/campaigns/$campaignId" params={{ campaignId: c.id }}>
              {c.name}
            </RowLink>
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
    </StackedTable>
  );
}

export function CampaignListSkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <TableSkeletonRows label="Loading campaigns" rows={rows}>
      <Skeleton className="h-4 w-48" />
      <Skeleton className="h-5 w-16 rounded-full" />
      <Skeleton className="hidden h-4 w-32 sm:block" />
      <Skeleton className="ml-auto hidden h-4 w-40 sm:block" />
    </TableSkeletonRows>
  );
}
