import { desc } from "drizzle-orm";
import type { TTx } from "../../platform/db/with-org.js";
import { auditLog } from "./tables.js";

export type TAuditEntry = {
  id: number;
  action: string;
  actorUserId: string | null;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
};

/** The organisation's most recent audit events (RLS limits them to the org of the transaction). */
export function findRecentAudit(tx: TTx, limit = 100): Promise<TAuditEntry[]> {
  return tx.db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      actorUserId: auditLog.actorUserId,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      details: auditLog.details,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
