import type { TAppContext } from "../../app-context.js";
import { NotifyError } from "../../integrations/ports.js";
import { formatEscalationAlert } from "../../integrations/slack/slack-notifier.js";
import { withOrg } from "../../platform/db/with-org.js";
import { loadNotifier, recordIntegrationError } from "../integrations/org-integrations.js";

/**
 * Posts an escalation to the org's Slack. Rate limits and server errors are thrown so the queue
 * retries (after Slack's Retry-After when it gave one); a refusal that retrying cannot fix is
 * recorded on the integration for the admin to see, and the job ends.
 */
export async function notifyEscalation(
  app: Pick<TAppContext, "db" | "config" | "secretsKey" | "log">,
  job: { orgId: string; escalationId: string },
  retryLater: (afterSeconds: number) => Promise<void>,
): Promise<"posted" | "no_notifier" | "gone" | "refused" | "retry_scheduled"> {
  const loaded = await withOrg(app.db.appPool, job.orgId, async (tx) => {
    const { rows } = await tx.client.query<{
      reason: string;
      conversation_id: string;
      lead_id: string;
      lead_name: string;
      lead_phone: string;
      campaign_name: string | null;
      last_message: string | null;
      org_name: string;
    }>(
      `select e.reason, e.conversation_id, v.lead_id, v.lead_phone,
              coalesce(nullif(trim(concat_ws(' ', l.first_name, l.last_name)), ''), v.lead_phone) as lead_name,
              c.name as campaign_name, o.name as org_name,
              (select m.body from messages m where m.conversation_id = v.id and m.direction = 'inbound'
                order by m.created_at desc limit 1) as last_message
         from escalations e
         join conversations v on v.id = e.conversation_id
         join leads l on l.id = v.lead_id
         join organizations o on o.id = e.org_id
         left join campaigns c on c.id = v.campaign_id
        where e.id = $1`,
      [job.escalationId],
    );
    return { row: rows[0] ?? null, notifier: rows[0] ? await loadNotifier(tx, app) : null };
  });
  if (!loaded.row) return "gone";
  if (!loaded.notifier) return "no_notifier";
  const r = loaded.row;
  const base = app.config.PUBLIC_URL ?? `http://localhost:${app.config.PORT}`;
  const alert = formatEscalationAlert({
    orgName: r.org_name,
    leadName: r.lead_name,
    leadPhone: r.lead_phone,
    campaignName: r.campaign_name,
    reason: r.reason,
    lastMessage: r.last_message ?? "",
    conversationUrl: `${base.replace(/\/$/, "")}/leads/${r.lead_id}`,
  });
  try {
    await loaded.notifier.post(alert);
    return "posted";
  } catch (error) {
    if (!(error instanceof NotifyError)) throw error;
    if (error.kind === "rate_limited" && error.retryAfterSeconds !== null) {
      await retryLater(error.retryAfterSeconds);
      return "retry_scheduled";
    }
    if (error.kind === "retryable") throw error;
    await withOrg(app.db.appPool, job.orgId, (tx) => recordIntegrationError(tx, "slack", error.message));
    app.log.warn({ err: error, escalationId: job.escalationId }, "Slack refused the escalation alert");
    return "refused";
  }
}
