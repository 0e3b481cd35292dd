import type { TRequestMeta } from "../../platform/auth/actor.js";
import type { TTx } from "../../platform/db/with-org.js";
import { auditLog } from "./tables.js";

export type TAuditEvent = {
  action: string;
  orgId: string | null;
  actorUserId?: string | null;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
};

/** Appends one event, inside the caller's transaction so it commits with what it describes. */
export async function recordAudit(tx: TTx, meta: TRequestMeta | null, event: TAuditEvent): Promise<void> {
  await tx.db.insert(auditLog).values({
    orgId: event.orgId,
    actorUserId: event.actorUserId ?? null,
    action: event.action,
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    ip: meta?.ip ?? null,
    userAgent: meta?.userAgent ?? null,
    details: { ...event.details, ...(meta ? { requestId: meta.requestId } : {}) },
  });
}
