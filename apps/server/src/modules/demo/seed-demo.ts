import { ROLES, type TRole } from "@plaibook/shared";
import type pg from "pg";
import { hashPassword } from "../../platform/auth/passwords.js";
import type { TTx } from "../../platform/db/with-org.js";
import { withOrg } from "../../platform/db/with-org.js";
import { recordAudit } from "../audit/index.js";
import { addCampaignLeads } from "../campaigns/enrol.js";
import { insertCampaign } from "../campaigns/queries.js";
import { upsertLeads } from "../leads/queries.js";
import { provisionSandboxNumbers } from "../messaging/provision-numbers.js";
import { insertOrg } from "../orgs/queries.js";
import { DEMO_PLAYBOOKS } from "../playbooks/demo-playbooks.js";
import { bumpPlaybookVersion, insertPlaybook, insertPlaybookVersion } from "../playbooks/queries.js";
import { insertUser } from "../users/index.js";

/** Fixed so that seeding is idempotent: a second run finds the same organisation. */
export const DEMO_ORG_ID = "00000000-0000-4000-8000-00000000de00";
export const DEMO_PASSWORD = "plaibook-demo";
export const DEMO_USERS: { email: string; name: string; role: TRole }[] = ROLES.map((role) => ({
  email: `${role}@demo.plaibook.test`,
  name: {
    owner: "Olivia Owner",
    admin: "Adam Admin",
    manager: "Dana Manager",
    rep: "Riley Rep",
    viewer: "Vic Viewer",
  }[role],
  role,
}));

/** Creates the demo organisation and one user per role; rows that exist are left as they are. */
export async function seedDemo(
  appPool: pg.Pool,
): Promise<{ createdOrg: boolean; createdUsers: number; createdPlaybooks: number; createdLeads: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return withOrg(appPool, DEMO_ORG_ID, async (tx) => {
    const { created } = await insertOrg(tx, { id: DEMO_ORG_ID, name: "Demo Pest & Solar Co." });
    let createdUsers = 0;
    for (const user of DEMO_USERS) {
      const inserted = await insertUser(tx, { ...user, orgId: DEMO_ORG_ID, status: "active", passwordHash });
      if (inserted) createdUsers += 1;
    }
    await provisionSandboxNumbers(tx, DEMO_ORG_ID);
    const createdPlaybooks = await seedPlaybooks(tx);
    const leads = await upsertLeads(tx, DEMO_ORG_ID, DEMO_LEADS);
    const createdLeads = leads.filter((l) => l.inserted).length;
    await seedDraftCampaign(tx);
    if (created || createdUsers > 0) {
      await recordAudit(tx, null, {
        action: "demo.seeded",
        orgId: DEMO_ORG_ID,
        details: { createdOrg: created, createdUsers },
      });
    }
    return { createdOrg: created, createdUsers, createdPlaybooks, createdLeads };
  });
}

async function seedPlaybooks(tx: TTx): Promise<number> {
  const { rows } = await tx.client.query<{ name: string }>("select name from playbooks");
  const existing = new Set(rows.map((r) => r.name));
  let created = 0;
  for (const playbook of DEMO_PLAYBOOKS.filter((p) => !existing.has(p.name))) {
    const playbookId = await insertPlaybook(tx, {
      orgId: DEMO_ORG_ID,
      name: playbook.name,
      description: playbook.description,
    });
    const version = await bumpPlaybookVersion(tx, playbookId, {
      name: playbook.name,
      description: playbook.description,
    });
    await insertPlaybookVersion(tx, {
      orgId: DEMO_ORG_ID,
      playbookId,
      version,
      content: playbook.content,
      note: "Demo playbook",
      createdBy: null,
    });
    created += 1;
  }
  return created;
}

/**
 * A draft campaign on the pest-control playbook with every demo lead, so a new user can launch it
 * from Campaigns and talk to the agent from the phone simulator. Seeded once (by name).
 */
async function seedDraftCampaign(tx: TTx): Promise<void> {
  const name = "Quarterly service renewal (demo)";
  const { rows: existing } = await tx.client.query("select 1 from campaigns where name = $1", [name]);
  if (existing.length > 0) return;
  const { rows } = await tx.client.query<{ playbook_id: string; version_id: string; owner: string | null }>(
    `select p.id as playbook_id, v.id as version_id,
            (select id from users where role = 'manager' order by created_at limit 1) as owner
       from playbooks p join playbook_versions v on v.playbook_id = p.id and v.version = p.current_version
      where p.name = $1`,
    [DEMO_PLAYBOOKS[0]?.name],
  );
  const pinned = rows[0];
  if (!pinned?.owner) return;
  const { rows: numbers } = await tx.client.query<{ e164: string }>(
    "select e164 from phone_numbers order by e164",
  );
  const campaignId = await insertCampaign(tx, {
    orgId: DEMO_ORG_ID,
    name,
    playbookId: pinned.playbook_id,
    playbookVersionId: pinned.version_id,
    createdBy: pinned.owner,
    // Open all week so the demo works whenever it is tried; 8:00–21:00 in each lead's zone still applies.
    businessHours: { days: [1, 2, 3, 4, 5, 6, 7], start: "00:00", end: "23:59", timeZone: "America/Chicago" },
    sendingNumbers: numbers.map((n) => n.e164),
    perNumberPerMinute: 30,
    perCampaignPerMinute: 60,
    followUpDays: [2, 4],
    stopOnReply: true,
    approvalMode: false,
    firstMessageFooter: "Reply STOP to opt out.",
  });
  const { rows: leads } = await tx.client.query<{ id: string }>("select id from leads order by created_at");
  await addCampaignLeads(
    tx,
    DEMO_ORG_ID,
    campaignId,
    leads.map((l) => l.id),
  );
}

/** A handful of leads across US time zones (555-01xx numbers are reserved for fiction). */
const DEMO_LEADS = [
  ["+12125550142", "Maria", "Lopez", "Lopez Bakery", "New York", "America/New_York"],
  ["+13125550178", "James", "Carter", null, "Chicago", "America/Chicago"],
  ["+17205550133", "Aisha", "Khan", "Khan Dental", "Denver", "America/Denver"],
  ["+14155550119", "Tom", "Nguyen", null, "San Francisco", "America/Los_Angeles"],
  ["+18085550164", "Leilani", "Kahale", null, "Honolulu", "Pacific/Honolulu"],
  ["+16025550187", "Peter", "Olsen", "Olsen Roofing", "Phoenix", "America/Phoenix"],
  ["+14045550121", "Grace", "Bell", null, "Atlanta", "America/New_York"],
  ["+15125550155", "Diego", "Ramirez", "Ramirez Auto", "Austin", "America/Chicago"],
].map(([phone, firstName, lastName, company, city, timeZone]) => ({
  phone: phone as string,
  firstName: firstName as string,
  lastName: lastName as string,
  email: null,
  company: company ?? null,
  city: city ?? null,
  timeZone: timeZone as string,
  timeZoneSource: "column",
}));
