import type { TAppointment } from "@plaibook/shared";
import { CalendarClock } from "lucide-react";
import type { TBadgeTone } from "../../components/badge";
import { Badge } from "../../components/badge";
import { Card, CardHeader } from "../../components/card";
import { ErrorState } from "../../components/error-state";
import { Skeleton } from "../../components/skeleton";
import { getErrorMessage } from "../../lib/errors";
import { useLeadAppointments } from "./use-conversation-control";

const PROVIDERS: Record<string, string> = { internal: "Internal calendar", fieldroutes: "FieldRoutes" };
const BOOKED_BY: Record<string, string> = { ai: "Booked by the AI agent", human: "Booked by a teammate" };
const STATUS_TONES: Record<string, TBadgeTone> = {
  booked: "success",
  confirmed: "success",
  cancelled: "neutral",
  canceled: "neutral",
  failed: "danger",
  pending: "warning",
};

function label(value: string): string {
  const words = value.replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "Tue, Mar 4, 10:00 – 10:30 AM CST", in the lead's zone (falls back to the browser's for an odd zone). */
export function formatAppointmentTime(startsAt: string, endsAt: string, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = {
    weekday: "short",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat(undefined, { ...options, timeZone });
  } catch {
    format = new Intl.DateTimeFormat(undefined, options);
  }
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (Number.isNaN(start.getTime())) return "—";
  return Number.isNaN(end.getTime()) ? format.format(start) : format.formatRange(start, end);
}

function AppointmentRow({ appointment, timeZone }: { appointment: TAppointment; timeZone: string }) {
  return (
    <li className="space-y-1 px-5 py-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <time dateTime={appointment.startsAt} className="text-sm font-medium text-slate-900">
          {formatAppointmentTime(appointment.startsAt, appointment.endsAt, timeZone)}
        </time>
        <Badge tone={STATUS_TONES[appointment.status] ?? "neutral"}>{label(appointment.status)}</Badge>
      </div>
      <p className="text-xs text-slate-500">
        {PROVIDERS[appointment.provider] ?? label(appointment.provider)}
        {appointment.externalId ? ` #${appointment.externalId}` : ""} ·{" "}
        {BOOKED_BY[appointment.bookedBy] ?? `Booked by ${appointment.bookedBy}`}
      </p>
    </li>
  );
}

/** Appointments booked for the lead, newest first, shown in the lead's own time zone. */
export function LeadAppointments({ leadId, timeZone }: { leadId: string; timeZone: string }) {
  const appointments = useLeadAppointments(leadId);
  return (
    <Card>
      <CardHeader
        title="Appointments"
        description={`Times in the lead's zone (${timeZone.replaceAll("_", " ")}).`}
      />
      {appointments.isPending ? (
        <div className="space-y-2 p-5">
          <Skeleton className="h-5 w-3/4" />
          <Skeleton className="h-4 w-1/2" />
        </div>
      ) : appointments.isError ? (
        <ErrorState
          title="Couldn't load appointments"
          message={getErrorMessage(appointments.error)}
          onRetry={() => void appointments.refetch()}
          retrying={appointments.isFetching}
        />
      ) : appointments.data.length === 0 ? (
        <div className="flex items-center gap-3 px-5 py-4 text-sm text-slate-500">
          <CalendarClock aria-hidden="true" className="size-5 shrink-0 text-slate-400" />
          No appointments yet. When the agent books one, it shows here.
        </div>
      ) : (
        <ul className="divide-y divide-slate-100">
          {appointments.data.map((appointment) => (
            <AppointmentRow key={appointment.id} appointment={appointment} timeZone={timeZone} />
          ))}
        </ul>
      )}
    </Card>
  );
}
