import {
  type TCampaignSettingsInput,
  type TPlaybookContent,
  ZCalendarSettings,
  ZOrgAiSettings,
} from "@plaibook/shared";
import { DEMO_PLAYBOOKS } from "../src/modules/playbooks/demo-playbooks.js";
import type { TRunning } from "../src/process.js";
import { buildOrg, caller, ownerQuery } from "./harness.js";

const ZONES = [
  "Pacific/Honolulu",
  "America/Los_Angeles",
  "America/Denver",
  "America/Chicago",
  "America/New_York",
  "Europe/London",
  "Europe/Berlin",
  "Asia/Dubai",
  "Asia/Kolkata",
  "Asia/Tokyo",
  "Australia/Sydney",
  "Pacific/Auckland",
];

/** A zone where it is now between 10:00 and 19:00, so quiet hours never get in a test's way. */
export function daytimeZone(now = new Date()): string {
  for (const zone of ZONES) {
    const hour = Number(
      new Intl.DateTimeFormat("en-US", { timeZone: zone, hour: "2-digit", hourCycle: "h23" }).format(now),
    );
    if (hour >= 10 && hour < 19) return zone;
  }
  throw new Error("no daytime zone found");
}

/** A playbook, a campaign open around the clock, and `count` leads in a daytime zone. */
export async function buildCampaign(
  app: TRunning,
  session: { accessToken: string },
  options: {
    leads: number;
    perMinute?: number;
    settings?: Partial<TCampaignSettingsInput>;
    /** Playbook content to use instead of the first demo playbook's. */
    playbook?: TPlaybookContent;
  } = { leads: 3 },
) {
  const api = caller(app, { accessToken: session.accessToken });
  const demo = DEMO_PLAYBOOKS[0];
  if (!demo) throw new Error("no demo playbook");
  const version = await api.playbooks.save({
    name: demo.name,
    description: demo.description,
    content: options.playbook ?? demo.content,
  });
  const numbers = await api.campaigns.sendingNumbers();
  const zone = daytimeZone();
  const campaign = await api.campaigns.create({
    name: `Test campaign ${Math.random().toString(36).slice(2, 7)}`,
    playbookId: version.playbookId,
    businessHours: { days: [1, 2, 3, 4, 5, 6, 7], start: "00:00", end: "23:59", timeZone: zone },
    sendingNumbers: numbers.map((n) => n.e164),
    perNumberPerMinute: options.perMinute ?? 6000,
    perCampaignPerMinute: options.perMinute ?? 60000,
    followUpDays: [1, 3],
    stopOnReply: true,
    firstMessageFooter: "Reply STOP to opt out.",
    ...options.settings,
  });
  const orgId = campaign.id ? (await api.auth.me()).org.id : "";
  // Fast bulk insert of leads with unique fictional numbers.
  await ownerQuery(
    app,
    `with l as (
       insert into leads (org_id, phone, first_name, last_name, time_zone, time_zone_source)
       select $1, '+1202' || lpad((5000000 + g)::text, 7, '0'), 'Lead' || g, 'Test', $3, 'column' from generate_series(1, $2) g
       on conflict (org_id, phone) do update set time_zone = excluded.time_zone
       returning id)
     insert into campaign_leads (org_id, campaign_id, lead_id) select $1, $4, id from l on conflict do nothing`,
    [orgId, options.leads, zone, campaign.id],
  );
  return { api, campaign, orgId, zone, numbers };
}

export async function waitUntil(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The demo pest playbook, bookable from now on (a day's notice would make "Thursday" depend on today). */
export function bookableDemoPlaybook(): TPlaybookContent {
  const pest = DEMO_PLAYBOOKS[0]?.content;
  if (!pest) throw new Error("no demo playbook");
  return { ...pest, booking: { ...pest.booking, leadTimeHours: 0 } };
}

/**
 * A new org with one lead in a draft campaign for the AI agent: the bookable demo playbook, and an
 * internal calendar open 7:00–20:00 every day in the lead's zone.
 */
export async function buildAgentCampaign(app: TRunning, options: { approvalMode?: boolean } = {}) {
  const { session, orgId } = await buildOrg(app, "Greenline Pest");
  const built = await buildCampaign(app, session, {
    leads: 1,
    playbook: bookableDemoPlaybook(),
    settings: { approvalMode: options.approvalMode ?? false },
  });
  await built.api.agent.saveSettings({
    ai: ZOrgAiSettings.parse({}),
    calendar: ZCalendarSettings.parse({
      timeZone: built.zone,
      days: [1, 2, 3, 4, 5, 6, 7],
      start: "07:00",
      end: "20:00",
    }),
  });
  return { ...built, orgId, session };
}

/** Launches the campaign and waits for its first touch; returns the conversation's id. */
export async function launchAndAwaitFirstTouch(
  api: Awaited<ReturnType<typeof buildCampaign>>["api"],
  campaignId: string,
): Promise<string> {
  await api.campaigns.transition({ campaignId, to: "active" });
  let conversationId = "";
  await waitUntil(
    async () => {
      const [c] = await api.conversations.list({ campaignId });
      conversationId = c?.id ?? "";
      return !!c?.lastMessagePreview;
    },
    15_000,
    "the first touch",
  );
  return conversationId;
}
