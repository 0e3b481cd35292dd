import type { TCrmContext } from "@plaibook/shared";
import type { TAppContext } from "../../app-context.js";
import type { TTx } from "../../platform/db/with-org.js";
import { AppError } from "../../platform/errors.js";
import { loadCrm } from "../integrations/org-integrations.js";

/** The lead as the team's CRM knows them (FieldRoutes: customer by phone, with service history). */
export async function crmContext(
  tx: TTx,
  app: Pick<TAppContext, "secretsKey">,
  conversationId: string,
): Promise<TCrmContext> {
  const { rows } = await tx.client.query<{ lead_phone: string }>(
    "select lead_phone from conversations where id = $1",
    [conversationId],
  );
  if (!rows[0]) throw new AppError("NOT_FOUND", "Conversation not found");
  const crm = await loadCrm(tx, app).catch(() => null);
  if (!crm) return { crm: null, customer: null, error: null };
  try {
    return { crm: crm.name, customer: await crm.findCustomerByPhone(rows[0].lead_phone), error: null };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { crm: crm.name, customer: null, error: `FieldRoutes did not answer: ${reason}` };
  }
}
