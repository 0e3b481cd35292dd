import { createReadStream, statSync } from "node:fs";
import { basename } from "node:path";
import { Transform } from "node:stream";
import type { TLeadImport } from "@plaibook/shared";
import { SingleBar } from "cli-progress";
import { importLeads, refreshLeadStatistics } from "../modules/leads/index.js";
import type { TDatabase } from "../platform/db/client.js";
import { AppError } from "../platform/errors.js";

/** `plaibook import-leads FILE --campaign ID`: the same streaming import as the web, with a progress bar. */
export async function importLeadsFromFile(
  db: TDatabase,
  file: string,
  options: { campaign?: string; org?: string },
): Promise<TLeadImport> {
  const size = statSync(file).size;
  const orgId = await resolveOrg(db, options);
  let bytes = 0;
  // Counts bytes as they pass; no 'data' listener, so nothing flows before the importer reads.
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  const bar = process.stderr.isTTY
    ? new SingleBar({
        format:
          "Importing |{bar}| {percentage}% · {rows} rows · {imported} new · {merged} merged · {rejected} rejected",
        hideCursor: true,
      })
    : null;
  bar?.start(size, 0, { rows: 0, imported: 0, merged: 0, rejected: 0 });
  let lastLine = 0;
  const result = await importLeads(db.appPool, {
    orgId,
    actorUserId: null,
    campaignId: options.campaign ?? null,
    fileName: basename(file),
    csv: createReadStream(file).pipe(counted),
    onProgress: (p) => {
      bar?.update(bytes, { rows: p.rowsRead, imported: p.imported, merged: p.merged, rejected: p.rejected });
      if (!bar && Date.now() - lastLine > 2000) {
        lastLine = Date.now();
        process.stderr.write(
          `imported ${p.imported}, merged ${p.merged}, rejected ${p.rejected} of ${p.rowsRead} rows\n`,
        );
      }
    },
  });
  bar?.update(size);
  bar?.stop();
  await refreshLeadStatistics(db.ownerPool, result);
  return result;
}

async function resolveOrg(db: TDatabase, options: { campaign?: string; org?: string }): Promise<string> {
  if (options.org) return options.org;
  if (!options.campaign)
    throw new AppError("BAD_REQUEST", "Pass --campaign ID (or --org ID to import without a campaign)");
  // The campaign names its organisation; the CLI runs as the operator, so it may look across tenants.
  const { rows } = await db.ownerPool.query<{ org_id: string }>(
    "select org_id from campaigns where id = $1",
    [options.campaign],
  );
  if (!rows[0]) throw new AppError("NOT_FOUND", `No campaign ${options.campaign}`);
  return rows[0].org_id;
}
