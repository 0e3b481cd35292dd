import { DateTime } from "luxon";
import type { DatabaseError } from "pg";
import type { TTx } from "../../platform/db/with-org.js";

export type TNewAppointment = {
  orgId: string;
  leadId: string;
  conversationId: string | null;
  /** Idempotency: one appointment per lead message, however often the booking runs. */
  sourceMessageId: string | null;
  start: Date;
  end: Date;
  provider: "internal" | "fieldroutes";
  externalId: string | null;
  bookedBy: "ai" | "human";
  /** For the task's note: the lead's zone. */
  leadTimeZone: string;
  leadName: string;
};

export type TBookOutcome =
  | { ok: true; appointmentId: string; created: boolean }
  | { ok: false; reason: "taken" };

/**
 * Books the appointment and adds a task for the team, due at its start. An overlapping booking in
 * the internal calendar is refused by the database (exclusion constraint), so two racing bookings of
 * one slot cannot both win. Run it in its own transaction: a refusal aborts the transaction.
 */
export async function recordAppointment(tx: TTx, a: TNewAppointment): Promise<TBookOutcome> {
  if (a.sourceMessageId) {
    const { rows } = await tx.client.query<{ id: string }>(
      "select id from appointments where source_message_id = $1",
      [a.sourceMessageId],
    );
    if (rows[0]) return { ok: true, appointmentId: rows[0].id, created: false };
  }
  let appointmentId: string;
  try {
    const { rows } = await tx.client.query<{ id: string }>(
      `insert into appointments (org_id, lead_id, conversation_id, source_message_id, starts_at, ends_at, provider, external_id, booked_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
      [
        a.orgId,
        a.leadId,
        a.conversationId,
        a.sourceMessageId,
        a.start,
        a.end,
        a.provider,
        a.externalId,
        a.bookedBy,
      ],
    );
    appointmentId = rows[0]?.id as string;
  } catch (error) {
    if ((error as DatabaseError).code === "23P01") return { ok: false, reason: "taken" };
    throw error;
  }
  const local = DateTime.fromJSDate(a.start, { zone: a.leadTimeZone }).toFormat("ccc d LLL, h:mm a ZZZZ");
  const minutes = Math.round((a.end.getTime() - a.start.getTime()) / 60_000);
  const { rows: task } = await tx.client.query<{ id: string }>(
    `insert into tasks (org_id, lead_id, conversation_id, assignee_id, due_at, note)
     values ($1, $2, $3, (select c.created_by from conversations v join campaigns c on c.id = v.campaign_id where v.id = $3), $4, $5)
     returning id`,
    [
      a.orgId,
      a.leadId,
      a.conversationId,
      a.start,
      `Appointment with ${a.leadName}: ${local}, ${minutes} min (booked by ${a.bookedBy === "ai" ? "the AI agent" : "a teammate"}${a.provider === "internal" ? "" : ` in ${a.provider}`}).`,
    ],
  );
  await tx.client.query("update appointments set task_id = $2 where id = $1", [appointmentId, task[0]?.id]);
  return { ok: true, appointmentId, created: true };
}
