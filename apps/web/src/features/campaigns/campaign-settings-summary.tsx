import type { TCampaignSettings } from "@plaibook/shared";
import type { ReactNode } from "react";
import { formatBusinessHours, formatFollowUps } from "./campaign-format";

export type TSendingNumber = { e164: string; label: string; provider: "sandbox" | "twilio" };

export function formatNumber(e164: string, numbers: ReadonlyArray<TSendingNumber> = []): string {
  const known = numbers.find((n) => n.e164 === e164);
  return known?.label && known.label !== e164 ? `${known.label} (${e164})` : e164;
}

function SummaryRow({ label, children, stacked }: { label: string; children: ReactNode; stacked: boolean }) {
  return (
    <div
      className={stacked ? "space-y-0.5 px-5 py-3" : "grid gap-1 px-5 py-3 sm:grid-cols-[12rem_1fr] sm:gap-4"}
    >
      <dt className="text-sm font-medium text-slate-500">{label}</dt>
      <dd className="text-sm text-slate-900">{children}</dd>
    </div>
  );
}

/** Every campaign setting in words; used on the detail page and in the wizard's review step. */
export function CampaignSettingsSummary({
  settings,
  playbook,
  numbers,
  stacked = false,
}: {
  /** With `name`, the first row shows it (the wizard's review); the detail page has it in its header. */
  settings: Omit<TCampaignSettings, "playbookId" | "name"> & { name?: string | undefined };
  playbook: ReactNode;
  numbers?: ReadonlyArray<TSendingNumber> | undefined;
  /** Labels above values, for a narrow column. */
  stacked?: boolean;
}) {
  return (
    <dl className="divide-y divide-slate-100">
      {settings.name !== undefined ? (
        <SummaryRow stacked={stacked} label="Name">
          {settings.name}
        </SummaryRow>
      ) : null}
      <SummaryRow stacked={stacked} label="Playbook">
        {playbook}
      </SummaryRow>
      <SummaryRow stacked={stacked} label="Sending hours">
        {formatBusinessHours(settings.businessHours)}
      </SummaryRow>
      <SummaryRow stacked={stacked} label="Sending numbers">
        <ul className="space-y-0.5">
          {settings.sendingNumbers.map((n) => (
            <li key={n} className="tabular-nums">
              {formatNumber(n, numbers)}
            </li>
          ))}
        </ul>
      </SummaryRow>
      <SummaryRow stacked={stacked} label="Sending rate">
        Up to {settings.perNumberPerMinute} per number and {settings.perCampaignPerMinute} per campaign each
        minute
      </SummaryRow>
      <SummaryRow stacked={stacked} label="Follow-ups">
        {formatFollowUps(settings.followUpDays)}
      </SummaryRow>
      <SummaryRow stacked={stacked} label="When a lead replies">
        {settings.stopOnReply ? "Stop follow-ups; the agent takes over" : "Keep sending follow-ups"}
      </SummaryRow>
      <SummaryRow stacked={stacked} label="AI replies">
        {settings.approvalMode
          ? "Approval mode: drafts wait until a person approves or edits them"
          : "Sent as soon as the agent writes them"}
      </SummaryRow>
      <SummaryRow stacked={stacked} label="First-message footer">
        “{settings.firstMessageFooter}”
      </SummaryRow>
    </dl>
  );
}
