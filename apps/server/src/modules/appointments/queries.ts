import type { TTx } from "../../platform/db/with-org.js";
import type { TInterval } from "./open-slots.js";

/** Booked internal-calendar appointments overlapping [from, to). */
export async function findBookedIntervals(tx: TTx, from: Date, to: Date): Promise<TInterval[]> {
  const { rows } = await tx.client.query<{ starts_at: Date; ends_at: Date }>(
    `select starts_at, ends_at from appointments
      where status = 'booked' and provider = 'internal' and starts_at < $2 and ends_at > $1`,
    [from, to],
  );
  return rows.map((r) => ({ start: r.starts_at, end: r.ends_at }));
}

export type TAppointmentView = {
  id: string;
  startsAt: string;
  endsAt: string;
  status: string;
  provider: string;
  externalId: string | null;
  bookedBy: string;
};

export async function findLeadAppointments(tx: TTx, leadId: string): Promise<TAppointmentView[]> {
  const { rows } = await tx.client.query<{
    id: string;
    starts_at: Date;
    ends_at: Date;
    status: string;
    provider: string;
    external_id: string | null;
    booked_by: string;
  }>(
    `select id, starts_at, ends_at, status, provider, external_id, booked_by from appointments
      where lead_id = $1 order by starts_at desc limit 50`,
    [leadId],
  );
  return rows.map((r) => ({
    id: r.id,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    status: r.status,
    provider: r.provider,
    externalId: r.external_id,
    bookedBy: r.booked_by,
  }));
}
