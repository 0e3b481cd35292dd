import { countSegments, renderTemplate } from "@plaibook/shared";
import type pg from "pg";
import type { PgBoss } from "pg-boss";
import { type TTx, withOrg } from "../../platform/db/with-org.js";
import { enqueueAgentReply, enqueueOverseer } from "../agent/queues.js";
import { firstMessage } from "../campaigns/plan-touches.js";
import { insertCampaign } from "../campaigns/queries.js";
import { getSmsIdentity } from "../compliance/sms-identity.js";
import { ensureConversation, insertMessage } from "../messaging/queries.js";
import { DEMO_PLAYBOOKS } from "../playbooks/demo-playbooks.js";
import { DEMO_ORG_ID } from "./seed-demo.js";

const CAMPAIGN_NAME = "Spring pest check-up (demo)";

type TDemoTurn = {
  minutesAgo: number;
  from: "lead" | "campaign" | "person";
  body: string;
};

/**
 * Conversations already under way, so the Cockpit has something to watch on first start. Only the
 * first touches, the leads' texts and one person's message are written here: the real agent answers
 * the open questions and the real Overseer judges every turn once the worker starts (their jobs are
 * queued with the seed), so what the demo shows is what the product does.
 */
const DEMO_CONVERSATIONS: {
  phone: string;
  turns: TDemoTurn[];
  /** A person took over; the AI stays out. */
  takenOverBy?: "manager";
  assignedTo?: "rep";
}[] = [
  {
    phone: "+12125550142",
    turns: [
      { minutesAgo: 95, from: "campaign", body: "first" },
      { minutesAgo: 80, from: "lead", body: "how much is it?" },
    ],
  },
  {
    phone: "+13125550178",
    turns: [
      { minutesAgo: 90, from: "campaign", body: "first" },
      { minutesAgo: 70, from: "lead", body: "honestly that's too expensive for us right now" },
    ],
  },
  {
    phone: "+17205550133",
    turns: [
      { minutesAgo: 85, from: "campaign", body: "first" },
      {
        minutesAgo: 20,
        from: "lead",
        body: "This is the third text this week. I'm reporting you to the FCC.",
      },
    ],
  },
  {
    phone: "+14155550119",
    takenOverBy: "manager",
    turns: [
      { minutesAgo: 80, from: "campaign", body: "first" },
      {
        minutesAgo: 60,
        from: "lead",
        body: "do you guys do termite inspections too? we just bought the house",
      },
      {
        minutesAgo: 55,
        from: "person",
        body: "Hi Tom, Dana from the office here. We do! Is the house older than 10 years, and any mud tubes along the foundation?",
      },
      { minutesAgo: 10, from: "lead", body: "built in 1987. I think I saw some near the garage" },
    ],
  },
  {
    phone: "+16025550187",
    assignedTo: "rep",
    turns: [
      { minutesAgo: 75, from: "campaign", body: "first" },
      { minutesAgo: 40, from: "lead", body: "what do you treat for exactly?" },
    ],
  },
  {
    phone: "+14045550121",
    turns: [{ minutesAgo: 30, from: "campaign", body: "first" }],
  },
];

/** Seeds the live demo campaign once (by name) and queues the agent's and the Overseer's work on it. */
export async function seedLiveConversations(appPool: pg.Pool, boss: PgBoss): Promise<boolean> {
  return withOrg(appPool, DEMO_ORG_ID, async (tx) => {
    const { rows: existing } = await tx.client.query("select 1 from campaigns where name = $1", [
      CAMPAIGN_NAME,
    ]);
    if (existing.length > 0) return false;
    const people = await demoPeople(tx);
    if (!people) return false;
    const campaignId = await insertLiveCampaign(tx, people.managerId);
    const { businessName } = await getSmsIdentity(tx);
    for (const demo of DEMO_CONVERSATIONS) {
      const lead = await findLead(tx, demo.phone);
      if (!lead) continue;
      const conversationId = await ensureConversation(tx, {
        orgId: DEMO_ORG_ID,
        campaignId,
        leadId: lead.id,
        leadPhone: demo.phone,
        ourNumber: people.number,
      });
      const messageIds: string[] = [];
      let lastLeadMessage: string | null = null;
      for (const turn of demo.turns) {
        const body = turn.body === "first" ? firstTouch(lead, businessName) : turn.body;
        const segments = countSegments(body);
        const inbound = turn.from === "lead";
        const message = await insertMessage(tx, {
          orgId: DEMO_ORG_ID,
          conversationId,
          campaignId,
          leadId: lead.id,
          direction: inbound ? "inbound" : "outbound",
          kind: turn.from === "campaign" ? "first_touch" : turn.from === "person" ? "manual" : "reply",
          author: inbound ? "lead" : turn.from === "person" ? "human" : "system",
          authorUserId: turn.from === "person" ? people.managerId : null,
          touchIndex: turn.from === "campaign" ? 0 : null,
          body,
          status: inbound ? "received" : "delivered",
          fromNumber: inbound ? demo.phone : people.number,
          toNumber: inbound ? people.number : demo.phone,
          provider: "sandbox",
          segments: segments.segments,
          encoding: segments.encoding,
        });
        await tx.client.query(
          `update messages set created_at = now() - make_interval(mins => $2),
                  sent_at = case when direction = 'outbound' then now() - make_interval(mins => $2) end,
                  delivered_at = case when direction = 'outbound' then now() - make_interval(mins => $2) end
            where id = $1`,
          [message.id, turn.minutesAgo],
        );
        messageIds.push(message.id);
        lastLeadMessage = inbound ? message.id : null;
      }
      const last = demo.turns.at(-1) as TDemoTurn;
      await tx.client.query(
        `update conversations set last_message_at = now() - make_interval(mins => $2), last_message_preview = left($3, 160),
                status = $4, control = $5, controlled_by = $6, assigned_to = $7
          where id = $1`,
        [
          conversationId,
          last.minutesAgo,
          last.body === "first" ? firstTouch(lead, businessName) : last.body,
          lastLeadMessage ? "awaiting_reply" : "open",
          demo.takenOverBy ? "human" : "ai",
          demo.takenOverBy ? people.managerId : null,
          demo.assignedTo ? people.repId : null,
        ],
      );
      await tx.client.query(
        `insert into campaign_leads (org_id, campaign_id, lead_id, stage, touches_planned, last_touch_at, replied_at)
         values ($1, $2, $3, $4, 1, now() - make_interval(mins => $5), $6)`,
        [
          DEMO_ORG_ID,
          campaignId,
          lead.id,
          demo.turns.some((t) => t.from === "lead") ? "replied" : "contacted",
          demo.turns[0]?.minutesAgo ?? 0,
          demo.turns.some((t) => t.from === "lead") ? new Date() : null,
        ],
      );
      await enqueueOverseer(
        boss,
        tx,
        messageIds.map((messageId) => ({ orgId: DEMO_ORG_ID, messageId })),
      );
      if (lastLeadMessage && !demo.takenOverBy)
        await enqueueAgentReply(boss, tx, { orgId: DEMO_ORG_ID, messageId: lastLeadMessage });
    }
    return true;
  });
}

async function demoPeople(tx: TTx) {
  const { rows } = await tx.client.query<{
    manager: string | null;
    rep: string | null;
    number: string | null;
  }>(
    `select (select id from users where role = 'manager' order by created_at limit 1) as manager,
            (select id from users where role = 'rep' order by created_at limit 1) as rep,
            (select e164 from phone_numbers order by e164 limit 1) as number`,
  );
  const row = rows[0];
  if (!row?.manager || !row.rep || !row.number) return null;
  return { managerId: row.manager, repId: row.rep, number: row.number };
}

async function insertLiveCampaign(tx: TTx, ownerId: string): Promise<string> {
  const { rows } = await tx.client.query<{ playbook_id: string; version_id: string }>(
    `select p.id as playbook_id, v.id as version_id
       from playbooks p join playbook_versions v on v.playbook_id = p.id and v.version = p.current_version
      where p.name = $1`,
    [DEMO_PLAYBOOKS[0]?.name],
  );
  const pinned = rows[0];
  if (!pinned) throw new Error("the demo playbook is missing");
  const { rows: numbers } = await tx.client.query<{ e164: string }>(
    "select e164 from phone_numbers order by e164 limit 1",
  );
  const campaignId = await insertCampaign(tx, {
    orgId: DEMO_ORG_ID,
    name: CAMPAIGN_NAME,
    playbookId: pinned.playbook_id,
    playbookVersionId: pinned.version_id,
    createdBy: ownerId,
    businessHours: { days: [1, 2, 3, 4, 5, 6, 7], start: "00:00", end: "23:59", timeZone: "America/Chicago" },
    sendingNumbers: numbers.map((n) => n.e164),
    perNumberPerMinute: 30,
    perCampaignPerMinute: 60,
    followUpDays: [],
    stopOnReply: true,
    approvalMode: false,
    firstMessageFooter: "Reply STOP to opt out.",
  });
  await tx.client.query(
    "update campaigns set status = 'active', launched_at = now() - interval '2 hours' where id = $1",
    [campaignId],
  );
  return campaignId;
}

/** The campaign's first touch as the planner writes it: the playbook's template, named and with the footer. */
function firstTouch(
  lead: { first_name: string; last_name: string; company: string | null; city: string | null },
  businessName: string,
) {
  const content = DEMO_PLAYBOOKS[0]?.content;
  if (!content) throw new Error("the demo playbook is missing");
  const body = renderTemplate(content.templates.firstTouch, {
    firstName: lead.first_name,
    lastName: lead.last_name,
    company: lead.company,
    city: lead.city,
    agentName: content.persona.agentName,
    businessName,
  });
  return firstMessage(body, businessName, "Reply STOP to opt out.");
}

async function findLead(tx: TTx, phone: string) {
  const { rows } = await tx.client.query<{
    id: string;
    first_name: string;
    last_name: string;
    company: string | null;
    city: string | null;
  }>("select id, first_name, last_name, company, city from leads where phone = $1", [phone]);
  return rows[0] ?? null;
}
