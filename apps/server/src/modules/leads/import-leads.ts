import type { Readable } from "node:stream";
import type { TLeadImport } from "@plaibook/shared";
import { parse } from "csv-parse";
import type pg from "pg";
import { withOrg } from "../../platform/db/with-org.js";
import { recordAudit } from "../audit/index.js";
import { addCampaignLeads } from "../campaigns/enrol.js";
import { mapHeader, parseLeadRow } from "./parse-lead-row.js";
import {
  addImportCounts,
  insertLeadImport,
  insertRejections,
  type TLeadValues,
  upsertLeads,
} from "./queries.js";

const BATCH = 5000;

export type TImportLeadsInput = {
  orgId: string;
  actorUserId: string | null;
  campaignId: string | null;
  fileName: string;
  csv: Readable;
  onProgress?: (progress: TLeadImport) => void;
};

/**
 * Streams a CSV of leads into the organisation: rows are parsed one at a time and written in
 * batches (each batch one transaction), so memory stays flat whatever the file size. Good rows are
 * imported or merged by phone; every bad row is kept with its reason for the report.
 */
export async function importLeads(appPool: pg.Pool, input: TImportLeadsInput): Promise<TLeadImport> {
  const { orgId, campaignId } = input;
  const started = await withOrg(appPool, orgId, async (tx) => {
    if (campaignId)
      await tx.client.query("select 1 from campaigns where id = $1", [campaignId]).then((r) => {
        if (r.rowCount === 0) throw new Error("campaign not found");
      });
    const created = await insertLeadImport(tx, {
      orgId,
      campaignId,
      fileName: input.fileName,
      createdBy: input.actorUserId,
    });
    await recordAudit(tx, null, {
      action: "leads.import_started",
      orgId,
      actorUserId: input.actorUserId,
      targetType: "lead_import",
      targetId: created.id,
      details: { fileName: input.fileName, campaignId },
    });
    return created;
  });
  input.onProgress?.(started);

  const parser = input.csv.pipe(
    parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      raw: true,
      info: true,
      relax_quotes: true,
    }),
  );
  let fields: ReturnType<typeof mapHeader> | null = null;
  let batch = new Map<string, TLeadValues>();
  let rejections: { rowNumber: number; reason: string; raw: string }[] = [];
  let rowsRead = 0;
  let latest = started;

  const flush = async (finish?: { status: "completed" | "failed"; error?: string }) => {
    const leadsInBatch = [...batch.values()];
    const rejected = rejections;
    const read = rowsRead;
    batch = new Map();
    rejections = [];
    rowsRead = 0;
    latest = await withOrg(appPool, orgId, async (tx) => {
      const upserted = await upsertLeads(tx, orgId, leadsInBatch);
      if (campaignId)
        await addCampaignLeads(
          tx,
          orgId,
          campaignId,
          upserted.map((u) => u.id),
        );
      await insertRejections(tx, orgId, started.id, rejected);
      const imported = upserted.filter((u) => u.inserted).length;
      return addImportCounts(
        tx,
        started.id,
        { rowsRead: read, imported, merged: read - rejected.length - imported, rejected: rejected.length },
        finish,
      );
    });
    input.onProgress?.(latest);
  };

  try {
    for await (const chunk of parser as AsyncIterable<{
      record: string[];
      raw: string;
      info: { lines: number };
    }>) {
      if (!fields) {
        fields = mapHeader(chunk.record);
        continue;
      }
      rowsRead += 1;
      const row = parseLeadRow(fields, chunk.record);
      if (row.ok) {
        // A phone seen twice in one batch merges in memory; across batches the database merges.
        const previous = batch.get(row.lead.phone);
        batch.set(row.lead.phone, previous ? mergeLead(previous, row.lead) : row.lead);
      } else {
        rejections.push({
          rowNumber: chunk.info.lines,
          reason: row.reason,
          raw: chunk.raw.replace(/\r?\n$/, "").slice(0, 2000),
        });
      }
      if (rowsRead >= BATCH) await flush();
    }
    if (!fields) throw new Error("The file is empty: it needs a header row and at least one lead.");
    await flush({ status: "completed" });
  } catch (error) {
    input.csv.destroy();
    const message = error instanceof Error ? error.message : String(error);
    batch = new Map();
    rejections = [];
    rowsRead = 0;
    await flush({
      status: "failed",
      error: message.startsWith("The file") ? message : `The file could not be read: ${message}`,
    });
  }
  return latest;
}

function mergeLead(a: TLeadValues, b: TLeadValues): TLeadValues {
  return {
    phone: a.phone,
    firstName: b.firstName || a.firstName,
    lastName: b.lastName || a.lastName,
    email: b.email ?? a.email,
    company: b.company ?? a.company,
    city: b.city ?? a.city,
    timeZone: b.timeZoneSource === "column" || a.timeZoneSource !== "column" ? b.timeZone : a.timeZone,
    timeZoneSource:
      b.timeZoneSource === "column" || a.timeZoneSource !== "column" ? b.timeZoneSource : a.timeZoneSource,
  };
}

/**
 * After a large import the planner's statistics still describe the tables before it, and the first
 * launch would plan with them (seen: 100k first touches in 83 s instead of 24 s). ANALYZE needs the
 * table owner, so this runs on the owner connection.
 */
export async function refreshLeadStatistics(ownerPool: pg.Pool, result: TLeadImport): Promise<void> {
  if (result.imported + result.merged < 1000) return;
  await ownerPool.query("analyze leads, campaign_leads");
}
