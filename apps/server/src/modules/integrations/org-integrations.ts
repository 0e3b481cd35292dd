import {
  type TIntegrationView,
  type TSaveIntegrationInput,
  ZFieldRoutesSecrets,
  ZFieldRoutesSettings,
  ZSaveIntegrationInput,
  ZSlackSecrets,
  ZSlackSettings,
} from "@plaibook/shared";
import type { TAppContext } from "../../app-context.js";
import { createFieldRoutesCrm } from "../../integrations/fieldroutes/fieldroutes-crm.js";
import type { CrmProvider, Notifier } from "../../integrations/ports.js";
import {
  createSlackBotNotifier,
  createSlackWebhookNotifier,
} from "../../integrations/slack/slack-notifier.js";
import { openSecret, sealSecret } from "../../platform/crypto/sealed-secrets.js";
import type { TTx } from "../../platform/db/with-org.js";
import { AppError } from "../../platform/errors.js";

type TIntegrationRow = {
  kind: "fieldroutes" | "slack";
  enabled: boolean;
  settings: Record<string, unknown>;
  secret_ciphertext: string | null;
  last_error: string | null;
  last_error_at: Date | null;
  updated_at: Date;
};

async function findIntegration(tx: TTx, kind: TIntegrationRow["kind"]): Promise<TIntegrationRow | null> {
  const { rows } = await tx.client.query<TIntegrationRow>(
    "select kind, enabled, settings, secret_ciphertext, last_error, last_error_at, updated_at from integrations where kind = $1",
    [kind],
  );
  return rows[0] ?? null;
}

export async function listIntegrations(tx: TTx): Promise<TIntegrationView[]> {
  const { rows } = await tx.client.query<TIntegrationRow>(
    "select kind, enabled, settings, secret_ciphertext, last_error, last_error_at, updated_at from integrations order by kind",
  );
  return rows.map((r) => ({
    kind: r.kind,
    enabled: r.enabled,
    settings: r.settings,
    hasCredentials: r.secret_ciphertext !== null,
    lastError: r.last_error,
    lastErrorAt: r.last_error_at?.toISOString() ?? null,
    updatedAt: r.updated_at.toISOString(),
  }));
}

/** Saves settings; credentials are sealed, and kept as they were when none are given. */
export async function saveIntegration(
  tx: TTx,
  secretsKey: string,
  raw: TSaveIntegrationInput,
): Promise<void> {
  const input = ZSaveIntegrationInput.parse(raw);
  const existing = await findIntegration(tx, input.kind);
  if (!input.secrets && !existing?.secret_ciphertext)
    throw new AppError("BAD_REQUEST", "Enter the credentials to connect this integration");
  const sealed = input.secrets ? sealSecret(secretsKey, JSON.stringify(input.secrets)) : null;
  await tx.client.query(
    `insert into integrations (org_id, kind, enabled, settings, secret_ciphertext)
     values ($1, $2, $3, $4, $5)
     on conflict (org_id, kind) do update set enabled = excluded.enabled, settings = excluded.settings,
       secret_ciphertext = coalesce(excluded.secret_ciphertext, integrations.secret_ciphertext),
       last_error = null, last_error_at = null, updated_at = now()`,
    [tx.orgId, input.kind, input.enabled, input.settings, sealed],
  );
}

export async function removeIntegration(tx: TTx, kind: TIntegrationRow["kind"]): Promise<void> {
  await tx.client.query("delete from integrations where kind = $1", [kind]);
}

export async function recordIntegrationError(tx: TTx, kind: TIntegrationRow["kind"], message: string) {
  await tx.client.query("update integrations set last_error = $2, last_error_at = now() where kind = $1", [
    kind,
    message.slice(0, 500),
  ]);
}

/** The org's CRM, when FieldRoutes is connected and enabled. */
export async function loadCrm(tx: TTx, app: Pick<TAppContext, "secretsKey">): Promise<CrmProvider | null> {
  const row = await findIntegration(tx, "fieldroutes");
  if (!row?.enabled || !row.secret_ciphertext) return null;
  const settings = ZFieldRoutesSettings.parse(row.settings);
  const secrets = ZFieldRoutesSecrets.parse(JSON.parse(openSecret(app.secretsKey, row.secret_ciphertext)));
  return createFieldRoutesCrm({ ...settings, ...secrets, timeoutMs: 5000 });
}

/** Where escalation alerts go, when Slack is connected and enabled. */
export async function loadNotifier(
  tx: TTx,
  app: Pick<TAppContext, "secretsKey" | "config">,
): Promise<Notifier | null> {
  const row = await findIntegration(tx, "slack");
  if (!row?.enabled || !row.secret_ciphertext) return null;
  const settings = ZSlackSettings.parse(row.settings);
  const secrets = ZSlackSecrets.parse(JSON.parse(openSecret(app.secretsKey, row.secret_ciphertext)));
  if ("webhookUrl" in secrets) return createSlackWebhookNotifier({ webhookUrl: secrets.webhookUrl });
  if (settings.mode !== "bot") throw new AppError("BAD_REQUEST", "Slack bot mode needs a channel");
  return createSlackBotNotifier({
    token: secrets.token,
    channel: settings.channel,
    baseUrl: app.config.SLACK_API_URL,
  });
}
