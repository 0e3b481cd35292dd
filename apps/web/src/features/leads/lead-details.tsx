import type { TLead } from "@plaibook/shared";
import { clsx } from "clsx";
import type { ReactNode } from "react";
import { focusRing } from "../../components/button";
import { formatDate, formatDateTime, formatRelative } from "../../lib/format";
import { formatPhone, TIME_ZONE_SOURCE_LABELS } from "./lead-format";

/** Stands in for a value the lead does not have. */
export const noValue = <span className="text-slate-400">—</span>;

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="py-2.5 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm break-words text-slate-900 sm:col-span-2 sm:mt-0">{children}</dd>
    </div>
  );
}

/** The lead's contact facts, as a description list for the Details card. */
export function LeadDetails({ lead }: { lead: TLead }) {
  return (
    <dl className="divide-y divide-slate-100 px-5 py-1">
      <Detail label="Phone">
        <a href={`tel:${lead.phone}`} className={clsx("rounded tabular-nums hover:underline", focusRing)}>
          {formatPhone(lead.phone)}
        </a>
      </Detail>
      <Detail label="Email">{lead.email ?? noValue}</Detail>
      <Detail label="Company">{lead.company ?? noValue}</Detail>
      <Detail label="City">{lead.city ?? noValue}</Detail>
      <Detail label="Time zone">
        {lead.timeZone}{" "}
        <span className="text-xs text-slate-500">({TIME_ZONE_SOURCE_LABELS[lead.timeZoneSource]})</span>
      </Detail>
      <Detail label="Added">
        <time dateTime={lead.createdAt} title={formatDateTime(lead.createdAt)}>
          {formatDate(lead.createdAt)}
        </time>
      </Detail>
      <Detail label="Updated">
        <time dateTime={lead.updatedAt} title={formatDateTime(lead.updatedAt)}>
          {formatRelative(lead.updatedAt)}
        </time>
      </Detail>
    </dl>
  );
}
