import type { TOptOut } from "@plaibook/shared";
import { and, count, desc, eq, ilike } from "drizzle-orm";
import type { TTx } from "../../platform/db/with-org.js";
import { optOuts } from "./tables.js";

/**
 * Serialises everything that decides whether a number may be texted: the send that marks a message
 * sent and the STOP that opts the number out take this lock, so a STOP never loses a race.
 */
export async function lockConsent(tx: TTx, orgId: string, phone: string): Promise<void> {
  await tx.client.query("select pg_advisory_xact_lock(hashtextextended($1, 0))", [
    `consent:${orgId}:${phone}`,
  ]);
}

export async function isOptedOut(tx: TTx, phone: string): Promise<boolean> {
  const { rowCount } = await tx.client.query("select 1 from opt_outs where phone = $1", [phone]);
  return (rowCount ?? 0) > 0;
}

export async function insertOptOut(
  tx: TTx,
  values: { orgId: string; phone: string; source: string; keyword: string | null },
): Promise<boolean> {
  const rows = await tx.db
    .insert(optOuts)
    .values(values)
    .onConflictDoNothing()
    .returning({ phone: optOuts.phone });
  return rows.length > 0;
}

/** Every campaign stops planning touches for these numbers; texts already queued are refused at send time. */
export async function stopCampaignsFor(tx: TTx, phones: string[]): Promise<void> {
  await tx.client.query(
    `update campaign_leads cl set stage = 'opted_out', next_touch_at = null
       from leads l where l.id = cl.lead_id and l.phone = any($1::text[])`,
    [phones],
  );
}

export async function deleteOptOut(tx: TTx, phone: string): Promise<boolean> {
  const rows = await tx.db
    .delete(optOuts)
    .where(eq(optOuts.phone, phone))
    .returning({ phone: optOuts.phone });
  return rows.length > 0;
}

const toOptOut = (r: {
  phone: string;
  source: string;
  keyword: string | null;
  createdAt: Date;
}): TOptOut => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
});

export async function findOptOutPage(tx: TTx, input: { search: string; page: number; pageSize: number }) {
  const where = input.search ? ilike(optOuts.phone, `%${input.search.replace(/[^\d+]/g, "")}%`) : undefined;
  const rows = await tx.db
    .select({
      phone: optOuts.phone,
      source: optOuts.source,
      keyword: optOuts.keyword,
      createdAt: optOuts.createdAt,
    })
    .from(optOuts)
    .where(where)
    .orderBy(desc(optOuts.createdAt), optOuts.phone)
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  const [total] = await tx.db.select({ n: count() }).from(optOuts).where(where);
  return { rows: rows.map(toOptOut), total: total?.n ?? 0 };
}

export async function getOptOut(tx: TTx, phone: string): Promise<TOptOut | null> {
  const [row] = await tx.db
    .select({
      phone: optOuts.phone,
      source: optOuts.source,
      keyword: optOuts.keyword,
      createdAt: optOuts.createdAt,
    })
    .from(optOuts)
    .where(and(eq(optOuts.phone, phone)));
  return row ? toOptOut(row) : null;
}

/** All opt-outs in phone order, a page at a time, for the CSV export. */
export async function findOptOutsAfter(tx: TTx, afterPhone: string, limit: number): Promise<TOptOut[]> {
  const { rows } = await tx.client.query<{
    phone: string;
    source: string;
    keyword: string | null;
    created_at: Date;
  }>("select phone, source, keyword, created_at from opt_outs where phone > $1 order by phone limit $2", [
    afterPhone,
    limit,
  ]);
  return rows.map((r) =>
    toOptOut({ phone: r.phone, source: r.source, keyword: r.keyword, createdAt: r.created_at }),
  );
}
