import type { TSessionOrg } from "@plaibook/shared";
import { eq } from "drizzle-orm";
import type { TTx } from "../../platform/db/with-org.js";
import { AppError } from "../../platform/errors.js";
import { organizations } from "./tables.js";

export async function getOrg(tx: TTx, orgId: string): Promise<TSessionOrg> {
  const [org] = await tx.db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  if (!org) throw new AppError("NOT_FOUND", "Organisation not found");
  return org;
}

/** Inserts the organisation of the transaction (its id is the transaction's app.org_id). */
export async function insertOrg(tx: TTx, org: { id: string; name: string }): Promise<{ created: boolean }> {
  const rows = await tx.db
    .insert(organizations)
    .values(org)
    .onConflictDoNothing({ target: organizations.id })
    .returning({ id: organizations.id });
  return { created: rows.length > 0 };
}
