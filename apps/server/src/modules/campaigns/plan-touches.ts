import { countSegments, renderTemplate, type TBusinessHours, type TPlaybookContent } from "@plaibook/shared";
import type { TAppContext } from "../../app-context.js";
import { withOrg } from "../../platform/db/with-org.js";
import { isBusinessOpen, QUIET_END, QUIET_START } from "../compliance/send-window.js";
import { getSmsIdentity } from "../compliance/sms-identity.js";
import { announceCampaign } from "../messaging/events.js";
import { enqueueSends } from "../messaging/send-queue.js";

const BATCH = 2500;

type TCampaignRow = {
  status: string;
  business_hours: TBusinessHours;
  sending_numbers: string[];
  per_number_per_minute: number;
  per_campaign_per_minute: number;
  follow_up_days: number[];
  first_message_footer: string;
  rate_window_start: Date | null;
  rate_window_count: number;
  content: TPlaybookContent;
};

type TDueLead = {
  lead_id: string;
  touches_planned: number;
  phone: string;
  first_name: string;
  last_name: string;
  company: string | null;
  city: string | null;
  our_number: string | null;
};

export type TPlanResult = { planned: number; reason?: string };

/**
 * Plans the touches that are due now for one campaign: the first message or the next follow-up of
 * each due lead, within this minute's rate budget, only for leads inside their 8:00–21:00 and only
 * while the campaign's business hours are open. Each batch is one transaction that writes the
 * messages (unique per lead and touch, so a touch is planned once) and enqueues their sends.
 */
export async function planDueTouches(
  app: Pick<TAppContext, "db" | "boss" | "publish">,
  input: { orgId: string; campaignId: string; now?: Date },
): Promise<TPlanResult> {
  let planned = 0;
  for (;;) {
    const step = await withOrg(app.db.appPool, input.orgId, async (tx) => {
      // One planner per campaign at a time; a second tick waits and then finds nothing left.
      await tx.client.query("select pg_advisory_xact_lock(hashtextextended($1, 0))", [
        `plan:${input.campaignId}`,
      ]);
      const now = input.now ?? new Date();
      const { rows: campaignRows } = await tx.client.query<TCampaignRow>(
        `select c.status, c.business_hours, c.sending_numbers, c.per_number_per_minute, c.per_campaign_per_minute,
                c.follow_up_days, c.first_message_footer, c.rate_window_start, c.rate_window_count, v.content
           from campaigns c join playbook_versions v on v.id = c.playbook_version_id where c.id = $1`,
        [input.campaignId],
      );
      const campaign = campaignRows[0];
      if (campaign?.status !== "active") return { count: 0, reason: "campaign is not active", done: true };
      const hours = campaign.business_hours;
      // The campaign's own window here; each lead's 8:00–21:00 is checked in SQL below.
      if (!isBusinessOpen(now, hours)) return { count: 0, reason: "outside business hours", done: true };
      const perMinute = Math.min(
        campaign.per_campaign_per_minute,
        campaign.per_number_per_minute * campaign.sending_numbers.length,
      );
      // The rate window lives on the campaign row (locked above by the advisory lock), so a restart
      // or a second tick never spends this minute's budget twice.
      const windowOpen =
        campaign.rate_window_start && now.getTime() - campaign.rate_window_start.getTime() < 60_000;
      const spent = windowOpen ? campaign.rate_window_count : 0;
      // Each number's own minute budget, shared by every campaign that sends from it; locking the
      // rows makes campaigns that share a number plan one after the other.
      const { rows: numberRows } = await tx.client.query<{
        e164: string;
        rate_window_start: Date | null;
        rate_window_count: number;
      }>(
        "select e164, rate_window_start, rate_window_count from phone_numbers where e164 = any($1) order by e164 for update",
        [campaign.sending_numbers],
      );
      const numbers = new Map(
        numberRows.map((n) => {
          const open = n.rate_window_start !== null && now.getTime() - n.rate_window_start.getTime() < 60_000;
          const spentOnNumber = open ? n.rate_window_count : 0;
          return [
            n.e164,
            { open, spent: spentOnNumber, left: campaign.per_number_per_minute - spentOnNumber, used: 0 },
          ];
        }),
      );
      const numberCapacity = [...numbers.values()].reduce((sum, n) => sum + Math.max(0, n.left), 0);
      const budget = Math.min(BATCH, perMinute - spent, numberCapacity);
      if (budget <= 0) return { count: 0, reason: "rate limit reached for this minute", done: true };

      const { rows: due } = await tx.client.query<TDueLead>(
        `select cl.lead_id, cl.touches_planned, l.phone, l.first_name, l.last_name, l.company, l.city,
                (select cv.our_number from conversations cv where cv.campaign_id = cl.campaign_id and cv.lead_id = cl.lead_id) as our_number
           from campaign_leads cl
           join leads l on l.id = cl.lead_id
          where cl.campaign_id = $1 and cl.next_touch_at <= $2
            and cl.stage not in ('opted_out', 'undeliverable', 'finished', 'booked')
            and not exists (select 1 from opt_outs o where o.phone = l.phone)
            and to_char($2::timestamptz at time zone l.time_zone, 'HH24:MI') >= $3
            and to_char($2::timestamptz at time zone l.time_zone, 'HH24:MI') < $4
          -- next_touch_at alone: the due index then serves the limit without sorting every due lead.
          order by cl.next_touch_at
          limit $5
          for update of cl skip locked`,
        [input.campaignId, now, QUIET_START, QUIET_END, budget],
      );
      if (due.length === 0) return { count: 0, done: true };

      const identity = await getSmsIdentity(tx);
      const { content } = campaign;
      const campaignSpacingMs = 60_000 / campaign.per_campaign_per_minute;
      const numberSpacingMs = 60_000 / campaign.per_number_per_minute;
      let plannedHere = 0;
      const finishedIds: string[] = [];
      let waiting = 0;
      const rows = due.flatMap((lead) => {
        // A follow-up keeps the lead's number; a first touch takes the number with the most room.
        const ourNumber =
          lead.our_number ?? [...numbers.entries()].sort((a, b) => b[1].left - a[1].left)[0]?.[0];
        const number = ourNumber ? numbers.get(ourNumber) : undefined;
        if (!ourNumber || !number || number.left <= 0) {
          waiting += 1; // its number is out of budget: it stays due for the next minute
          return [];
        }
        const touchIndex = lead.touches_planned;
        const template =
          touchIndex === 0 ? content.templates.firstTouch : content.templates.followUps[touchIndex - 1];
        if (!template) {
          finishedIds.push(lead.lead_id);
          return [];
        }
        number.left -= 1;
        let body = renderTemplate(template, {
          firstName: lead.first_name,
          lastName: lead.last_name,
          company: lead.company,
          city: lead.city,
          agentName: content.persona.agentName,
          businessName: identity.businessName,
        });
        if (touchIndex === 0) body = firstMessage(body, identity.businessName, campaign.first_message_footer);
        const segments = countSegments(body);
        const nextDays = campaign.follow_up_days[touchIndex];
        const hasNext = nextDays !== undefined && content.templates.followUps[touchIndex] !== undefined;
        return [
          {
            leadId: lead.lead_id,
            phone: lead.phone,
            ourNumber,
            touchIndex,
            kind: touchIndex === 0 ? "first_touch" : "follow_up",
            body,
            segments: segments.segments,
            encoding: segments.encoding,
            startAfter: new Date(
              now.getTime() +
                Math.round(
                  Math.max(
                    (spent + plannedHere++) * campaignSpacingMs,
                    (number.spent + number.used++) * numberSpacingMs,
                  ),
                ),
            ),
            nextTouchAt: hasNext ? new Date(now.getTime() + nextDays * 86_400_000) : null,
          },
        ];
      });
      const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
      await tx.client.query(
        `insert into conversations (org_id, campaign_id, lead_id, lead_phone, our_number)
         select $1, $2, * from unnest($3::uuid[], $4::text[], $5::text[])
         on conflict (campaign_id, lead_id) do nothing`,
        [input.orgId, input.campaignId, col("leadId"), col("phone"), col("ourNumber")],
      );
      const { rows: inserted } = await tx.client.query<{ id: string; lead_id: string }>(
        `insert into messages (org_id, conversation_id, campaign_id, lead_id, direction, kind, touch_index, body, status,
                               from_number, to_number, provider, segments, encoding, scheduled_for)
         select $1, cv.id, $2, x.lead_id, 'outbound', x.kind, x.touch_index, x.body, 'queued', cv.our_number, x.phone,
                coalesce((select p.provider from phone_numbers p where p.e164 = cv.our_number), 'sandbox'), x.segments, x.encoding, x.start_after
           from unnest($3::uuid[], $4::text[], $5::int[], $6::text[], $7::text[], $8::int[], $9::text[], $10::timestamptz[])
                  as x(lead_id, phone, touch_index, kind, body, segments, encoding, start_after)
           join conversations cv on cv.campaign_id = $2 and cv.lead_id = x.lead_id
         on conflict (campaign_id, lead_id, touch_index) where touch_index is not null do nothing
         returning id, lead_id`,
        [
          input.orgId,
          input.campaignId,
          col("leadId"),
          col("phone"),
          col("touchIndex"),
          col("kind"),
          col("body"),
          col("segments"),
          col("encoding"),
          col("startAfter"),
        ],
      );
      await tx.client.query(
        `update campaign_leads cl set touches_planned = cl.touches_planned + 1, last_touch_at = $3,
                stage = case when cl.stage = 'queued' then 'contacted' else cl.stage end,
                next_touch_at = x.next_touch_at
           from unnest($2::uuid[], $4::timestamptz[]) as x(lead_id, next_touch_at)
          where cl.campaign_id = $1 and cl.lead_id = x.lead_id`,
        [input.campaignId, col("leadId"), now, col("nextTouchAt")],
      );
      // Leads with no template for their next touch are done.
      const finished = finishedIds;
      if (finished.length > 0) {
        await tx.client.query(
          "update campaign_leads set stage = 'finished', next_touch_at = null where campaign_id = $1 and lead_id = any($2::uuid[])",
          [input.campaignId, finished],
        );
      }
      for (const [e164, n] of numbers) {
        if (n.used === 0) continue;
        await tx.client.query(
          `update phone_numbers set rate_window_start = case when $2 then rate_window_start else $3::timestamptz end,
                                    rate_window_count = case when $2 then rate_window_count else 0 end + $4
            where e164 = $1`,
          [e164, n.open, now, n.used],
        );
      }
      await tx.client.query(
        `update campaigns set rate_window_start = case when $2 then rate_window_start else $3::timestamptz end,
                              rate_window_count = case when $2 then rate_window_count else 0 end + $4
          where id = $1`,
        [input.campaignId, Boolean(windowOpen), now, inserted.length],
      );
      const startAfterByLead = new Map(rows.map((r) => [r.leadId, r.startAfter]));
      await enqueueSends(
        app.boss,
        tx,
        inserted.map((m) => ({
          payload: { orgId: input.orgId, messageId: m.id },
          startAfter: startAfterByLead.get(m.lead_id) as Date,
        })),
      );
      return { count: inserted.length, done: due.length < budget || waiting > 0 || rows.length === 0 };
    });
    planned += step.count;
    if (step.done) {
      if (planned > 0) announceCampaign(app.publish, input.orgId, input.campaignId);
      return { planned, ...(step.reason && planned === 0 ? { reason: step.reason } : {}) };
    }
  }
}

/** The first message names the business and says how to opt out. */
export function firstMessage(body: string, businessName: string, footer: string): string {
  const named = body.toLowerCase().includes(businessName.toLowerCase()) ? body : `${businessName}: ${body}`;
  return named.toLowerCase().includes(footer.toLowerCase()) ? named : `${named} ${footer}`;
}
