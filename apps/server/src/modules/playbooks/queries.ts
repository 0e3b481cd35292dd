import type { TPlaybookContent, TPlaybookSummary, TPlaybookVersion } from "@plaibook/shared";
import { and, desc, eq, sql } from "drizzle-orm";
import type { TTx } from "../../platform/db/with-org.js";
import { AppError } from "../../platform/errors.js";
import { playbooks, playbookVersions } from "./tables.js";

const campaignCount = sql<number>`(select count(*)::int from campaigns c where c.playbook_id = ${playbooks.id})`;

const summaryColumns = {
  id: playbooks.id,
  name: playbooks.name,
  description: playbooks.description,
  currentVersion: playbooks.currentVersion,
  updatedAt: playbooks.updatedAt,
  campaignCount,
};

type TSummaryRow = {
  id: string;
  name: string;
  description: string;
  currentVersion: number;
  updatedAt: Date;
  campaignCount: number;
};
const toSummary = (row: TSummaryRow): TPlaybookSummary => ({
  ...row,
  updatedAt: row.updatedAt.toISOString(),
});

export async function findPlaybooks(tx: TTx): Promise<TPlaybookSummary[]> {
  const rows = await tx.db.select(summaryColumns).from(playbooks).orderBy(playbooks.name);
  return rows.map(toSummary);
}

export async function getPlaybook(tx: TTx, playbookId: string): Promise<TPlaybookSummary> {
  const [row] = await tx.db.select(summaryColumns).from(playbooks).where(eq(playbooks.id, playbookId));
  if (!row) throw new AppError("NOT_FOUND", "Playbook not found");
  return toSummary(row);
}

const versionColumns = {
  id: playbookVersions.id,
  playbookId: playbookVersions.playbookId,
  version: playbookVersions.version,
  content: playbookVersions.content,
  note: playbookVersions.note,
  createdBy: sql<string | null>`(select u.name from users u where u.id = ${playbookVersions.createdBy})`,
  createdAt: playbookVersions.createdAt,
};

type TVersionRow = Omit<TPlaybookVersion, "createdAt"> & { createdAt: Date };
const toVersion = (row: TVersionRow): TPlaybookVersion => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
});

export async function getPlaybookVersion(
  tx: TTx,
  playbookId: string,
  version: number,
): Promise<TPlaybookVersion> {
  const [row] = await tx.db
    .select(versionColumns)
    .from(playbookVersions)
    .where(and(eq(playbookVersions.playbookId, playbookId), eq(playbookVersions.version, version)));
  if (!row) throw new AppError("NOT_FOUND", `Playbook version ${version} not found`);
  return toVersion(row);
}

export async function getPlaybookVersionById(tx: TTx, versionId: string): Promise<TPlaybookVersion> {
  const [row] = await tx.db
    .select(versionColumns)
    .from(playbookVersions)
    .where(eq(playbookVersions.id, versionId));
  if (!row) throw new AppError("NOT_FOUND", "Playbook version not found");
  return toVersion(row);
}

export async function findPlaybookVersionHeads(tx: TTx, playbookId: string) {
  const rows = await tx.db
    .select({
      version: versionColumns.version,
      note: versionColumns.note,
      createdAt: versionColumns.createdAt,
      createdBy: versionColumns.createdBy,
    })
    .from(playbookVersions)
    .where(eq(playbookVersions.playbookId, playbookId))
    .orderBy(desc(playbookVersions.version));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

export async function insertPlaybook(
  tx: TTx,
  values: { orgId: string; name: string; description: string },
): Promise<string> {
  const [row] = await tx.db.insert(playbooks).values(values).returning({ id: playbooks.id });
  if (!row) throw new Error("insert playbook returned nothing");
  return row.id;
}

/** Bumps the version counter and returns the new number; the row lock orders concurrent saves. */
export async function bumpPlaybookVersion(
  tx: TTx,
  playbookId: string,
  values: { name: string; description: string },
): Promise<number> {
  const [row] = await tx.db
    .update(playbooks)
    .set({ ...values, currentVersion: sql`${playbooks.currentVersion} + 1`, updatedAt: sql`now()` })
    .where(eq(playbooks.id, playbookId))
    .returning({ version: playbooks.currentVersion });
  if (!row) throw new AppError("NOT_FOUND", "Playbook not found");
  return row.version;
}

export async function insertPlaybookVersion(
  tx: TTx,
  values: {
    orgId: string;
    playbookId: string;
    version: number;
    content: TPlaybookContent;
    note: string;
    createdBy: string | null;
  },
): Promise<string> {
  const [row] = await tx.db.insert(playbookVersions).values(values).returning({ id: playbookVersions.id });
  if (!row) throw new Error("insert playbook version returned nothing");
  return row.id;
}

/** The current version's id, for pinning a campaign to it. */
export async function getCurrentVersionId(
  tx: TTx,
  playbookId: string,
): Promise<{ versionId: string; version: number; name: string }> {
  const [row] = await tx.db
    .select({ versionId: playbookVersions.id, version: playbookVersions.version, name: playbooks.name })
    .from(playbooks)
    .innerJoin(
      playbookVersions,
      and(
        eq(playbookVersions.playbookId, playbooks.id),
        eq(playbookVersions.version, playbooks.currentVersion),
      ),
    )
    .where(eq(playbooks.id, playbookId));
  if (!row) throw new AppError("BAD_REQUEST", "Pick a playbook that has at least one saved version");
  return row;
}
