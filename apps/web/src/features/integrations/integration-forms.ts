import type { TIntegrationView, TSaveIntegrationInput } from "@plaibook/shared";
import { ZFieldRoutesSecrets, ZFieldRoutesSettings, ZSlackSecrets, ZSlackSettings } from "@plaibook/shared";
import { issuesToFieldErrors } from "../../lib/form-errors";

export type TFieldErrors = Record<string, string>;
export type TParsed = { ok: true; input: TSaveIntegrationInput } | { ok: false; errors: TFieldErrors };

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

// ---------------------------------------------------------------- FieldRoutes

export type TFieldRoutesValues = {
  enabled: boolean;
  baseUrl: string;
  officeId: string;
  timeZone: string;
  serviceTypeId: string;
  authenticationKey: string;
  authenticationToken: string;
};

export function fieldRoutesValues(view: TIntegrationView | undefined): TFieldRoutesValues {
  const s = view?.settings ?? {};
  return {
    enabled: view?.enabled ?? true,
    baseUrl: text(s.baseUrl),
    officeId: text(s.officeId),
    timeZone: text(s.timeZone),
    serviceTypeId: text(s.serviceTypeId),
    // Secrets are never sent back: the boxes start empty.
    authenticationKey: "",
    authenticationToken: "",
  };
}

/**
 * Builds the save payload. With stored credentials and both secret boxes empty, `secrets` is left out so
 * the server keeps the stored ones; typing either box means replacing both.
 */
export function parseFieldRoutes(values: TFieldRoutesValues, hasCredentials: boolean): TParsed {
  const settings = ZFieldRoutesSettings.safeParse({
    baseUrl: values.baseUrl.trim(),
    officeId: values.officeId.trim() || null,
    timeZone: values.timeZone,
    serviceTypeId: values.serviceTypeId,
  });
  const keepSecrets =
    hasCredentials && !values.authenticationKey.trim() && !values.authenticationToken.trim();
  const secrets = keepSecrets
    ? null
    : ZFieldRoutesSecrets.safeParse({
        authenticationKey: values.authenticationKey,
        authenticationToken: values.authenticationToken,
      });
  const errors: TFieldErrors = {
    ...(settings.success ? {} : issuesToFieldErrors(settings.error.issues)),
    ...(secrets && !secrets.success ? issuesToFieldErrors(secrets.error.issues) : {}),
  };
  if (!settings.success || (secrets && !secrets.success)) return { ok: false, errors };
  return {
    ok: true,
    input: {
      kind: "fieldroutes",
      enabled: values.enabled,
      settings: settings.data,
      ...(secrets?.success ? { secrets: secrets.data } : {}),
    },
  };
}

// ---------------------------------------------------------------- Slack

export type TSlackMode = "webhook" | "bot";

export type TSlackValues = {
  enabled: boolean;
  mode: TSlackMode;
  channel: string;
  webhookUrl: string;
  token: string;
};

export function storedSlackMode(view: TIntegrationView | undefined): TSlackMode | null {
  const mode = view?.settings.mode;
  return mode === "webhook" || mode === "bot" ? mode : null;
}

export function slackValues(view: TIntegrationView | undefined): TSlackValues {
  return {
    enabled: view?.enabled ?? true,
    mode: storedSlackMode(view) ?? "webhook",
    channel: text(view?.settings.channel),
    webhookUrl: "",
    token: "",
  };
}

const [ZWebhookSecret, ZBotSecret] = ZSlackSecrets.options;

/**
 * The stored credential is a webhook URL or a bot token; it can only be kept while the mode stays the
 * one it was saved for.
 */
export function parseSlack(
  values: TSlackValues,
  storedMode: TSlackMode | null,
  hasCredentials: boolean,
): TParsed {
  const settings = ZSlackSettings.safeParse(
    values.mode === "bot" ? { mode: "bot", channel: values.channel } : { mode: "webhook" },
  );
  const typed = values.mode === "bot" ? values.token.trim() : values.webhookUrl.trim();
  const keepSecrets = hasCredentials && storedMode === values.mode && !typed;
  const secrets = keepSecrets
    ? null
    : values.mode === "bot"
      ? ZBotSecret.safeParse({ token: values.token })
      : ZWebhookSecret.safeParse({ webhookUrl: values.webhookUrl.trim() });
  const errors: TFieldErrors = {
    ...(settings.success ? {} : issuesToFieldErrors(settings.error.issues)),
    ...(secrets && !secrets.success ? issuesToFieldErrors(secrets.error.issues) : {}),
  };
  if (!settings.success || (secrets && !secrets.success)) return { ok: false, errors };
  return {
    ok: true,
    input: {
      kind: "slack",
      enabled: values.enabled,
      settings: settings.data,
      ...(secrets?.success ? { secrets: secrets.data } : {}),
    },
  };
}
