import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCampaign, waitUntil } from "./campaign-helpers.js";
import { runCli, type TCliRun } from "./cli.js";
import { buildOrg, ownerQuery, startTestApp, TEST_SECRETS, type TTestApp } from "./harness.js";

const LEADS = 5000;

describe("exactly-once first touches when a worker is killed mid-launch", () => {
  let app: TTestApp;
  const workers: TCliRun[] = [];
  const startWorker = () => {
    const worker = runCli(["serve", "--role", "worker", "--no-migrate"], {
      DATABASE_URL: app.dbUrl,
      ...TEST_SECRETS,
      LOG_LEVEL: "warn",
      NODE_ENV: "test",
      QUEUE_SUPERVISE_SECONDS: "2",
      SANDBOX_DELIVERY_DELAY_MS: "50",
    });
    workers.push(worker);
    return worker;
  };
  beforeAll(async () => {
    app = await startTestApp({ roles: { api: true, worker: false } });
  });
  afterAll(async () => {
    for (const w of workers) w.child.kill("SIGKILL");
    await app.close();
  });

  it(`SIGKILL during a ${LEADS}-lead launch, restart: every lead gets exactly one first message`, async () => {
    const { session, orgId } = await buildOrg(app);
    const { api, campaign } = await buildCampaign(app, session, { leads: LEADS });
    const outboxCount = async () =>
      (
        await ownerQuery<{ n: number }>(
          app,
          "select count(*)::int as n from sandbox_outbox where org_id = $1",
          [orgId],
        )
      )[0]?.n ?? 0;

    const first = startWorker();
    await api.campaigns.transition({ campaignId: campaign.id, to: "active" });
    await waitUntil(async () => (await outboxCount()) >= 300, 60_000, "the launch to be under way");
    first.child.kill("SIGKILL");
    await first.exited;
    const atKill = await outboxCount();
    expect(atKill).toBeLessThan(LEADS);

    startWorker();
    await waitUntil(
      async () =>
        (
          await ownerQuery<{ n: number }>(
            app,
            "select count(*)::int as n from messages where campaign_id = $1 and kind = 'first_touch' and status in ('sent', 'delivered')",
            [campaign.id],
          )
        )[0]?.n === LEADS,
      150_000,
      `all ${LEADS} first touches sent (${atKill} were out at the kill)`,
    );
    const [perLead] = await ownerQuery<{ leads: number; min: number; max: number; total: number }>(
      app,
      `select count(*)::int as leads, min(n)::int as min, max(n)::int as max, sum(n)::int as total from (
         select cl.lead_id, count(s.sid) as n
           from campaign_leads cl
           left join messages m on m.campaign_id = cl.campaign_id and m.lead_id = cl.lead_id and m.kind = 'first_touch'
           left join sandbox_outbox s on s.client_ref = m.id::text
          where cl.campaign_id = $1 group by cl.lead_id) x`,
      [campaign.id],
    );
    expect(perLead).toEqual({ leads: LEADS, min: 1, max: 1, total: LEADS });
    expect(await outboxCount()).toBe(LEADS);
  }, 240_000);
});
