import type { TLead } from "@plaibook/shared";
import { Ban, Pencil } from "lucide-react";
import { Badge } from "../../components/badge";
import { Button } from "../../components/button";
import { formatPhone, leadName } from "./lead-format";

/** The lead's name and one-line summary, with Edit for roles that may edit. */
export function LeadHeader({ lead, onEdit }: { lead: TLead; onEdit?: (() => void) | undefined }) {
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0">
        <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight text-slate-900">
          <span className="truncate">{leadName(lead)}</span>
          {lead.optedOut ? <Badge tone="danger">Opted out</Badge> : null}
        </h1>
        <p className="mt-1 text-sm text-slate-500">
          {formatPhone(lead.phone)}
          {lead.company ? ` · ${lead.company}` : ""}
          {lead.city ? ` · ${lead.city}` : ""}
        </p>
      </div>
      {onEdit ? (
        <Button variant="secondary" onClick={onEdit} icon={<Pencil aria-hidden="true" className="size-4" />}>
          Edit
        </Button>
      ) : null}
    </div>
  );
}

/** Explains, on an opted-out lead, that campaigns will not text them again. */
export function OptedOutNote({ phone }: { phone: string }) {
  return (
    <div
      role="note"
      className="flex items-start gap-3 rounded-lg bg-rose-50 px-4 py-3 text-sm text-rose-800 ring-1 ring-rose-200"
    >
      <Ban aria-hidden="true" className="mt-0.5 size-5 shrink-0" />
      <p>
        <span className="font-semibold">This lead has opted out.</span> No campaign will text{" "}
        {formatPhone(phone)} again unless they reply START. Their history stays here.
      </p>
    </div>
  );
}
