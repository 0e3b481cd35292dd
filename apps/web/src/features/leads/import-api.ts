import type { TLeadImport } from "@plaibook/shared";
import type { TUploadOptions } from "./http-transfer";
import { downloadWithBearer, uploadForm } from "./http-transfer";

export const LEADS_IMPORT_URL = "/api/v1/leads/import";

export function rejectedRowsUrl(importId: string): string {
  return `/api/v1/leads/imports/${encodeURIComponent(importId)}/rejected.csv`;
}

/** Sends the CSV (campaign first, so the server knows it before streaming the file); resolves with the new import. */
export async function uploadLeadsCsv(
  file: File,
  campaignId: string | null,
  options: TUploadOptions = {},
): Promise<TLeadImport> {
  const result = await uploadForm<{ import: TLeadImport }>(
    LEADS_IMPORT_URL,
    () => {
      const body = new FormData();
      if (campaignId) body.append("campaignId", campaignId);
      body.append("file", file, file.name);
      return body;
    },
    options,
  );
  return result.import;
}

export function downloadRejectedRows(job: Pick<TLeadImport, "id" | "fileName">): Promise<void> {
  const base = job.fileName.replace(/\.csv$/i, "") || "import";
  return downloadWithBearer(rejectedRowsUrl(job.id), `${base}-rejected-rows.csv`);
}
