import type { TFunnelStage } from "@plaibook/shared";
import { clsx } from "clsx";
import type { ReactNode } from "react";
import { Badge } from "../../components/badge";
import { ColumnHeaderRow, headerCellClass } from "../../components/table-header";
import { formatDateTime, formatRelative } from "../../lib/format";
import { noValue } from "./lead-details";
import { STAGE_LABELS, STAGE_TONES } from "./lead-format";

export type TLeadCampaign = {
  campaignId: string;
  name: string;
  stage: TFunnelStage;
  touchesPlanned: number;
  lastTouchAt: string | null;
};

const COLUMNS = [{ label: "Campaign" }, { label: "Stage" }, { label: "Touches" }, { label: "Last touch" }];

/** The campaigns a lead is in, with their stage in each. */
export function CampaignHistory({
  campaigns,
  renderCampaignLink,
}: {
  campaigns: ReadonlyArray<TLeadCampaign>;
  renderCampaignLink: (campaignId: string, name: string) => ReactNode;
}) {
  if (campaigns.length === 0) {
    return <p className="px-5 py-6 text-sm text-slate-500">Not in any campaign yet.</p>;
  }
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200">
        <caption className="sr-only">Campaigns this lead is in</caption>
        <thead className="bg-slate-50">
          <ColumnHeaderRow columns={COLUMNS} cellClassName={clsx("px-5 py-2.5", headerCellClass)} />
        </thead>
        <tbody className="divide-y divide-slate-100">
          {campaigns.map((c) => (
            <tr key={c.campaignId}>
              <td className="px-5 py-3 text-sm font-medium whitespace-nowrap">
                {renderCampaignLink(c.campaignId, c.name)}
              </td>
              <td className="px-5 py-3 text-sm">
                <Badge tone={STAGE_TONES[c.stage]}>{STAGE_LABELS[c.stage]}</Badge>
              </td>
              <td className="px-5 py-3 text-sm text-slate-700 tabular-nums">{c.touchesPlanned}</td>
              <td className="px-5 py-3 text-sm whitespace-nowrap text-slate-700">
                {c.lastTouchAt ? (
                  <time dateTime={c.lastTouchAt} title={formatDateTime(c.lastTouchAt)}>
                    {formatRelative(c.lastTouchAt)}
                  </time>
                ) : (
                  noValue
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
