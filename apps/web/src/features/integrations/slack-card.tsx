import type { TIntegrationView } from "@plaibook/shared";
import { clsx } from "clsx";
import { BellRing } from "lucide-react";
import type { FormEvent } from "react";
import { useState } from "react";
import { TextField } from "../../components/input";
import { getErrorMessage } from "../../lib/errors";
import { EnabledSwitch, IntegrationCard } from "./integration-card";
import type { TFieldErrors, TSlackMode, TSlackValues } from "./integration-forms";
import { parseSlack, slackValues, storedSlackMode } from "./integration-forms";
import { useSaveIntegration } from "./use-integrations";

const MODES: ReadonlyArray<{ value: TSlackMode; label: string; description: string }> = [
  {
    value: "webhook",
    label: "Incoming webhook",
    description: "Simplest: alerts go to the channel the webhook was made for.",
  },
  {
    value: "bot",
    label: "Bot token",
    description: "A Slack app's bot posts to the channel you name.",
  },
];

/** Slack: where escalations (angry leads, requests for a person) are announced. */
export function SlackCard({ view }: { view: TIntegrationView | undefined }) {
  const [values, setValues] = useState<TSlackValues>(() => slackValues(view));
  const [errors, setErrors] = useState<TFieldErrors>({});
  const save = useSaveIntegration();
  const storedMode = storedSlackMode(view);
  const hasCredentials = view?.hasCredentials ?? false;
  // The stored secret belongs to the mode it was saved with; a new mode needs its own.
  const canKeep = hasCredentials && storedMode === values.mode;

  const set = <K extends keyof TSlackValues>(field: K, value: TSlackValues[K]) => {
    setValues((prev) => ({ ...prev, [field]: value }));
    setErrors((prev) => {
      if (!(field in prev)) return prev;
      const { [field]: _removed, ...rest } = prev;
      return rest;
    });
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseSlack(values, storedMode, hasCredentials);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      const first = Object.keys(parsed.errors)[0];
      if (first) event.currentTarget.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setErrors({});
    // On success the page remounts this card from the saved state, with the secret boxes empty again.
    save.mutate(parsed.input);
  };

  const secretHint = canKeep
    ? "Leave blank to keep the stored credentials."
    : hasCredentials
      ? `The stored credentials are for the ${storedMode === "bot" ? "bot token" : "webhook"}: enter new ones for this mode.`
      : undefined;

  return (
    <IntegrationCard
      kind="slack"
      icon={<BellRing aria-hidden="true" className="size-5" />}
      description="Escalations (upset leads, requests for a person) are posted to a Slack channel."
      view={view}
      saving={save.isPending}
      serverError={save.isError ? getErrorMessage(save.error) : null}
      removeWarning="Escalation alerts stop going to Slack; they still appear in Plaibook."
      onSubmit={submit}
    >
      <EnabledSwitch
        checked={values.enabled}
        onChange={(on) => set("enabled", on)}
        description="When off, no alerts are posted to Slack."
      />
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">How Plaibook posts</legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          {MODES.map((mode) => (
            <label
              key={mode.value}
              className={clsx(
                "flex cursor-pointer gap-3 rounded-lg p-3 ring-1 ring-inset has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-600",
                values.mode === mode.value ? "bg-indigo-50/60 ring-indigo-300" : "ring-slate-200",
              )}
            >
              <input
                type="radio"
                name="mode"
                value={mode.value}
                checked={values.mode === mode.value}
                onChange={() => set("mode", mode.value)}
                className="mt-0.5 size-4 shrink-0 accent-indigo-600"
              />
              <span className="text-sm">
                <span className="block font-medium text-slate-900">{mode.label}</span>
                <span className="block text-slate-500">{mode.description}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {values.mode === "webhook" ? (
        <TextField
          label="Webhook URL"
          name="webhookUrl"
          type="password"
          autoComplete="new-password"
          placeholder={canKeep ? "••••••••" : "https://hooks.slack.com/services/…"}
          value={values.webhookUrl}
          onChange={(e) => set("webhookUrl", e.target.value)}
          error={errors.webhookUrl}
          hint={secretHint}
        />
      ) : (
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            label="Bot token"
            name="token"
            type="password"
            autoComplete="new-password"
            placeholder={canKeep ? "••••••••" : "xoxb-…"}
            value={values.token}
            onChange={(e) => set("token", e.target.value)}
            error={errors.token}
            hint={secretHint}
          />
          <TextField
            label="Channel id"
            name="channel"
            autoComplete="off"
            placeholder="C0123ALERTS"
            value={values.channel}
            maxLength={80}
            onChange={(e) => set("channel", e.target.value)}
            error={errors.channel}
            hint="In Slack: channel details → the id at the bottom. Invite the bot to the channel."
          />
        </div>
      )}
    </IntegrationCard>
  );
}
