import type { TTask } from "@plaibook/shared";
import type { TTx } from "../../platform/db/with-org.js";
import { AppError } from "../../platform/errors.js";

type TTaskRow = {
  id: string;
  lead_id: string | null;
  lead_name: string | null;
  conversation_id: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  due_at: Date | null;
  note: string;
  done_at: Date | null;
  created_at: Date;
};

const SELECT = `
  select t.id, t.lead_id, nullif(trim(coalesce(l.first_name, '') || ' ' || coalesce(l.last_name, '')), '') as lead_name,
         t.conversation_id, t.assignee_id, u.name as assignee_name, t.due_at, t.note, t.done_at, t.created_at
    from tasks t left join leads l on l.id = t.lead_id left join users u on u.id = t.assignee_id`;

const toTask = (r: TTaskRow): TTask => ({
  id: r.id,
  leadId: r.lead_id,
  leadName: r.lead_name,
  conversationId: r.conversation_id,
  assigneeId: r.assignee_id,
  assigneeName: r.assignee_name,
  dueAt: r.due_at?.toISOString() ?? null,
  note: r.note,
  done: r.done_at !== null,
  createdAt: r.created_at.toISOString(),
});

export async function findTasks(
  tx: TTx,
  filter: { leadId?: string | undefined; assigneeId: string | null; includeDone: boolean },
): Promise<TTask[]> {
  const { rows } = await tx.client.query<TTaskRow>(
    `${SELECT}
      where ($1::uuid is null or t.lead_id = $1) and ($2::uuid is null or t.assignee_id = $2) and ($3 or t.done_at is null)
      order by (t.done_at is not null), t.due_at nulls last, t.created_at
      limit 500`,
    [filter.leadId ?? null, filter.assigneeId, filter.includeDone],
  );
  return rows.map(toTask);
}

export async function getTask(tx: TTx, taskId: string): Promise<TTask> {
  const { rows } = await tx.client.query<TTaskRow>(`${SELECT} where t.id = $1`, [taskId]);
  if (!rows[0]) throw new AppError("NOT_FOUND", "Task not found");
  return toTask(rows[0]);
}

export async function insertTask(
  tx: TTx,
  t: {
    orgId: string;
    leadId: string | null;
    conversationId: string | null;
    assigneeId: string | null;
    dueAt: string | null;
    note: string;
    createdBy: string;
  },
): Promise<string> {
  const { rows } = await tx.client.query<{ id: string }>(
    `insert into tasks (org_id, lead_id, conversation_id, assignee_id, due_at, note, created_by)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [t.orgId, t.leadId, t.conversationId, t.assigneeId, t.dueAt, t.note, t.createdBy],
  );
  return rows[0]?.id as string;
}

export async function updateTaskRow(
  tx: TTx,
  taskId: string,
  patch: {
    leadId?: string | null;
    assigneeId?: string | null;
    dueAt?: string | null;
    note?: string;
    done?: boolean;
  },
): Promise<void> {
  const { rowCount } = await tx.client.query(
    `update tasks set
        lead_id = case when $2 then $3::uuid else lead_id end,
        assignee_id = case when $4 then $5::uuid else assignee_id end,
        due_at = case when $6 then $7::timestamptz else due_at end,
        note = coalesce($8, note),
        done_at = case when $9::boolean is null then done_at when $9 then coalesce(done_at, now()) else null end
      where id = $1`,
    [
      taskId,
      patch.leadId !== undefined,
      patch.leadId ?? null,
      patch.assigneeId !== undefined,
      patch.assigneeId ?? null,
      patch.dueAt !== undefined,
      patch.dueAt ?? null,
      patch.note ?? null,
      patch.done ?? null,
    ],
  );
  if (!rowCount) throw new AppError("NOT_FOUND", "Task not found");
}
