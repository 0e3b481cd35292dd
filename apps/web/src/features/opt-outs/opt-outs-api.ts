import { downloadWithBearer, uploadForm } from "../leads/http-transfer";

export const OPT_OUTS_CSV_URL = "/api/v1/opt-outs.csv";
export const OPT_OUTS_IMPORT_URL = "/api/v1/opt-outs/import";

export type TOptOutImportResult = { added: number; rejected: Array<{ row: number; reason: string }> };

export function exportOptOuts(): Promise<void> {
  const day = new Date().toISOString().slice(0, 10);
  return downloadWithBearer(OPT_OUTS_CSV_URL, `opt-outs-${day}.csv`);
}

export function importOptOuts(
  file: File,
  onProgress?: (fraction: number) => void,
): Promise<TOptOutImportResult> {
  return uploadForm<TOptOutImportResult>(
    OPT_OUTS_IMPORT_URL,
    () => {
      const body = new FormData();
      body.append("file", file, file.name);
      return body;
    },
    { onProgress },
  );
}
