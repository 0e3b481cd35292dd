import type pg from "pg";
import { withOrg } from "../../platform/db/with-org.js";
import { recordAudit } from "../audit/index.js";
import { normalisePhone } from "../leads/phone.js";
import { stopCampaignsFor } from "./queries.js";

/** Opt-outs from a CSV (a `phone` column, or the first column); bad rows are reported, good ones added. */
export async function importOptOuts(
  appPool: pg.Pool,
  input: { orgId: string; actorUserId: string; rows: AsyncIterable<string[]> },
): Promise<{ added: number; rejected: { row: number; reason: string }[] }> {
  const rejected: { row: number; reason: string }[] = [];
  const phones = new Set<string>();
  let column = -1;
  let row = 0;
  for await (const record of input.rows) {
    row += 1;
    if (column === -1) {
      const found = record.findIndex((h) =>
        /^(phone|phonenumber|mobile|number)$/i.test(h.replace(/[^a-z]/gi, "")),
      );
      column = found === -1 ? 0 : found;
      if (found !== -1) continue;
    }
    const phone = normalisePhone(record[column] ?? "");
    if (phone.ok) phones.add(phone.e164);
    else if (rejected.length < 1000) rejected.push({ row, reason: phone.reason });
  }
  const list = [...phones];
  const added = await withOrg(appPool, input.orgId, async (tx) => {
    const { rowCount } = await tx.client.query(
      `insert into opt_outs (org_id, phone, source) select $1, unnest($2::text[]), 'import' on conflict do nothing`,
      [input.orgId, list],
    );
    await stopCampaignsFor(tx, list);
    await recordAudit(tx, null, {
      action: "optout.imported",
      orgId: input.orgId,
      actorUserId: input.actorUserId,
      details: { added: rowCount, rejected: rejected.length },
    });
    return rowCount ?? 0;
  });
  return { added, rejected };
}
