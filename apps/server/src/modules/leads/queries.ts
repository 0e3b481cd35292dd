import type { TLead, TLeadImport, TListLeadsInput, ZListLeadsInput } from "@plaibook/shared";
import { and, asc, desc, eq, exists, ilike, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { TTx } from "../../platform/db/with-org.js";
import { AppError } from "../../platform/errors.js";
import { leadImportRejections, leadImports, leads } from "./tables.js";

const optedOut = sql<boolean>`exists (select 1 from opt_outs o where o.org_id = ${leads.orgId} and o.phone = ${leads.phone})`;

const leadColumns = {
  id: leads.id,
  phone: leads.phone,
  firstName: leads.firstName,
  lastName: leads.lastName,
  email: leads.email,
  company: leads.company,
  city: leads.city,
  timeZone: leads.timeZone,
  timeZoneSource: leads.timeZoneSource,
  optedOut,
  createdAt: leads.createdAt,
  updatedAt: leads.updatedAt,
};

type TLeadRow = Omit<TLead, "createdAt" | "updatedAt" | "timeZoneSource"> & {
  timeZoneSource: string;
  createdAt: Date;
  updatedAt: Date;
};
export const toLead = (row: TLeadRow): TLead => ({
  ...row,
  timeZoneSource: row.timeZoneSource as TLead["timeZoneSource"],
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export async function getLead(tx: TTx, leadId: string): Promise<TLead> {
  const [row] = await tx.db.select(leadColumns).from(leads).where(eq(leads.id, leadId));
  if (!row) throw new AppError("NOT_FOUND", "Lead not found");
  return toLead(row);
}

const SORTS = {
  name: [leads.lastName, leads.firstName],
  phone: [leads.phone],
  company: [leads.company],
  createdAt: [leads.createdAt],
  updatedAt: [leads.updatedAt],
} as const;

export async function findLeadPage(tx: TTx, input: z.output<typeof ZListLeadsInput>) {
  const filters: SQL[] = [];
  if (input.search) {
    const term = `%${input.search.toLowerCase().replace(/[%_\\]/g, "\\$&")}%`;
    const digits = input.search.replace(/\D/g, "");
    const searchable = sql`lower(${leads.firstName} || ' ' || ${leads.lastName} || ' ' || coalesce(${leads.company}, '') || ' ' || ${leads.phone} || ' ' || coalesce(${leads.email}, ''))`;
    filters.push(
      or(
        sql`${searchable} like ${term}`,
        ...(digits.length >= 3 ? [ilike(leads.phone, `%${digits}%`)] : []),
      ) as SQL,
    );
  }
  if (input.campaignId) {
    filters.push(
      exists(
        sql`(select 1 from campaign_leads cl where cl.lead_id = ${leads.id} and cl.campaign_id = ${input.campaignId})`,
      ),
    );
  }
  if (input.optedOut !== undefined) filters.push(input.optedOut ? optedOut : sql`not ${optedOut}`);
  if (input.timeZone) filters.push(eq(leads.timeZone, input.timeZone));
  const where = filters.length > 0 ? and(...filters) : undefined;
  const order = input.direction === "asc" ? asc : desc;
  const rows = await tx.db
    .select(leadColumns)
    .from(leads)
    .where(where)
    .orderBy(...SORTS[input.sort].map((c) => order(c)), asc(leads.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  const [count] = await tx.db.select({ n: sql<number>`count(*)::int` }).from(leads).where(where);
  return { rows: rows.map(toLead), total: count?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

export type TLeadValues = {
  phone: string;
  firstName: string;
  lastName: string;
  email: string | null;
  company: string | null;
  city: string | null;
  timeZone: string;
  timeZoneSource: string;
};

/**
 * Inserts leads or merges them into the existing lead with the same phone: a non-empty value
 * replaces the stored one, an empty value keeps it. Returns the ids and which were new.
 */
export async function upsertLeads(
  tx: TTx,
  orgId: string,
  rows: TLeadValues[],
): Promise<{ id: string; inserted: boolean }[]> {
  if (rows.length === 0) return [];
  const col = <K extends keyof TLeadValues>(key: K) => rows.map((r) => r[key]);
  const { rows: result } = await tx.client.query<{ id: string; inserted: boolean }>(
    `insert into leads (org_id, phone, first_name, last_name, email, company, city, time_zone, time_zone_source)
     select $1, * from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
     on conflict (org_id, phone) do update set
       first_name = coalesce(nullif(excluded.first_name, ''), leads.first_name),
       last_name = coalesce(nullif(excluded.last_name, ''), leads.last_name),
       email = coalesce(excluded.email, leads.email),
       company = coalesce(excluded.company, leads.company),
       city = coalesce(excluded.city, leads.city),
       time_zone = case when excluded.time_zone_source = 'column' or leads.time_zone_source <> 'column' then excluded.time_zone else leads.time_zone end,
       time_zone_source = case when excluded.time_zone_source = 'column' or leads.time_zone_source <> 'column' then excluded.time_zone_source else leads.time_zone_source end,
       updated_at = now()
     returning id, (xmax = 0) as inserted`,
    [
      orgId,
      col("phone"),
      col("firstName"),
      col("lastName"),
      col("email"),
      col("company"),
      col("city"),
      col("timeZone"),
      col("timeZoneSource"),
    ],
  );
  return result;
}

export async function updateLeadRow(tx: TTx, leadId: string, values: TLeadValues): Promise<void> {
  const rows = await tx.db
    .update(leads)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(leads.id, leadId))
    .returning({ id: leads.id });
  if (rows.length === 0) throw new AppError("NOT_FOUND", "Lead not found");
}

export async function findLeadByPhone(tx: TTx, phone: string): Promise<{ id: string } | null> {
  const [row] = await tx.db.select({ id: leads.id }).from(leads).where(eq(leads.phone, phone));
  return row ?? null;
}

// ---- imports ----

const importColumns = {
  id: leadImports.id,
  campaignId: leadImports.campaignId,
  fileName: leadImports.fileName,
  status: leadImports.status,
  rowsRead: leadImports.rowsRead,
  imported: leadImports.imported,
  merged: leadImports.merged,
  rejected: leadImports.rejected,
  error: leadImports.error,
  createdAt: leadImports.createdAt,
  finishedAt: leadImports.finishedAt,
};
type TImportRow = Omit<TLeadImport, "status" | "createdAt" | "finishedAt"> & {
  status: string;
  createdAt: Date;
  finishedAt: Date | null;
};
const toImport = (row: TImportRow): TLeadImport => ({
  ...row,
  status: row.status as TLeadImport["status"],
  createdAt: row.createdAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
});

export async function insertLeadImport(
  tx: TTx,
  values: { orgId: string; campaignId: string | null; fileName: string; createdBy: string | null },
): Promise<TLeadImport> {
  const [row] = await tx.db.insert(leadImports).values(values).returning(importColumns);
  if (!row) throw new Error("insert lead import returned nothing");
  return toImport(row);
}

export async function addImportCounts(
  tx: TTx,
  importId: string,
  counts: { rowsRead: number; imported: number; merged: number; rejected: number },
  finish?: { status: "completed" | "failed"; error?: string },
): Promise<TLeadImport> {
  const [row] = await tx.db
    .update(leadImports)
    .set({
      rowsRead: sql`${leadImports.rowsRead} + ${counts.rowsRead}`,
      imported: sql`${leadImports.imported} + ${counts.imported}`,
      merged: sql`${leadImports.merged} + ${counts.merged}`,
      rejected: sql`${leadImports.rejected} + ${counts.rejected}`,
      ...(finish ? { status: finish.status, error: finish.error ?? null, finishedAt: sql`now()` } : {}),
    })
    .where(eq(leadImports.id, importId))
    .returning(importColumns);
  if (!row) throw new AppError("NOT_FOUND", "Import not found");
  return toImport(row);
}

export async function insertRejections(
  tx: TTx,
  orgId: string,
  importId: string,
  rejections: { rowNumber: number; reason: string; raw: string }[],
): Promise<void> {
  if (rejections.length === 0) return;
  await tx.db.insert(leadImportRejections).values(rejections.map((r) => ({ ...r, orgId, importId })));
}

export async function getLeadImport(tx: TTx, importId: string): Promise<TLeadImport> {
  const [row] = await tx.db.select(importColumns).from(leadImports).where(eq(leadImports.id, importId));
  if (!row) throw new AppError("NOT_FOUND", "Import not found");
  return toImport(row);
}

export async function findLeadImports(tx: TTx, limit: number): Promise<TLeadImport[]> {
  const rows = await tx.db
    .select(importColumns)
    .from(leadImports)
    .orderBy(desc(leadImports.createdAt))
    .limit(limit);
  return rows.map(toImport);
}

/** Rejected rows in file order, a page at a time (the report is streamed, never built whole). */
export async function findRejectionsAfter(tx: TTx, importId: string, afterRow: number, limit: number) {
  return tx.db
    .select({
      rowNumber: leadImportRejections.rowNumber,
      reason: leadImportRejections.reason,
      raw: leadImportRejections.raw,
    })
    .from(leadImportRejections)
    .where(
      and(eq(leadImportRejections.importId, importId), sql`${leadImportRejections.rowNumber} > ${afterRow}`),
    )
    .orderBy(asc(leadImportRejections.rowNumber))
    .limit(limit);
}

export type { TListLeadsInput };
