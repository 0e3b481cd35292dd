import type { TIntegrationView } from "@plaibook/shared";
import { CalendarCheck } from "lucide-react";
import type { FormEvent } from "react";
import { useState } from "react";
import { TextField } from "../../components/input";
import { SelectField } from "../../components/select";
import { getErrorMessage } from "../../lib/errors";
import { allTimeZones } from "../org-settings/ai-settings-values";
import { EnabledSwitch, IntegrationCard } from "./integration-card";
import type { TFieldErrors, TFieldRoutesValues } from "./integration-forms";
import { fieldRoutesValues, parseFieldRoutes } from "./integration-forms";
import { useSaveIntegration } from "./use-integrations";

const KEEP_HINT = "Leave blank to keep the stored credentials.";

/** FieldRoutes: where the agent looks up open spots and books appointments. */
export function FieldRoutesCard({ view }: { view: TIntegrationView | undefined }) {
  const [values, setValues] = useState<TFieldRoutesValues>(() => fieldRoutesValues(view));
  const [errors, setErrors] = useState<TFieldErrors>({});
  const save = useSaveIntegration();
  const hasCredentials = view?.hasCredentials ?? false;

  const set = <K extends keyof TFieldRoutesValues>(field: K, value: TFieldRoutesValues[K]) => {
    setValues((prev) => ({ ...prev, [field]: value }));
    setErrors((prev) => {
      if (!(field in prev)) return prev;
      const { [field]: _removed, ...rest } = prev;
      return rest;
    });
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseFieldRoutes(values, hasCredentials);
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

  const zones = allTimeZones(values.timeZone);

  return (
    <IntegrationCard
      kind="fieldroutes"
      icon={<CalendarCheck aria-hidden="true" className="size-5" />}
      description="The agent offers open spots from your FieldRoutes office and books appointments there."
      view={view}
      saving={save.isPending}
      serverError={save.isError ? getErrorMessage(save.error) : null}
      removeWarning="The agent books on the internal calendar instead."
      onSubmit={submit}
    >
      <EnabledSwitch
        checked={values.enabled}
        onChange={(on) => set("enabled", on)}
        description="When off, the agent books on the internal calendar."
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          label="FieldRoutes address"
          name="baseUrl"
          type="url"
          inputMode="url"
          autoComplete="off"
          placeholder="https://acme.fieldroutes.com"
          value={values.baseUrl}
          onChange={(e) => set("baseUrl", e.target.value)}
          error={errors.baseUrl}
          className="sm:col-span-2"
        />
        <TextField
          label="Office id"
          name="officeId"
          autoComplete="off"
          value={values.officeId}
          maxLength={20}
          onChange={(e) => set("officeId", e.target.value)}
          error={errors.officeId}
          hint="Optional: only for accounts with several offices."
        />
        <TextField
          label="Service type id"
          name="serviceTypeId"
          autoComplete="off"
          value={values.serviceTypeId}
          maxLength={20}
          onChange={(e) => set("serviceTypeId", e.target.value)}
          error={errors.serviceTypeId}
          hint="Used for appointments the agent books."
        />
        <SelectField
          label="Office time zone"
          name="timeZone"
          value={values.timeZone}
          onChange={(e) => set("timeZone", e.target.value)}
          error={errors.timeZone}
          options={[
            { value: "", label: "Choose the office's time zone…" },
            ...zones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") })),
          ]}
          className="sm:col-span-2"
        />
      </div>
      <fieldset className="space-y-4 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">
        <legend className="sr-only">API credentials</legend>
        <p aria-hidden="true" className="text-sm font-medium text-slate-700">
          API credentials{" "}
          <span className="font-normal text-slate-500">
            {hasCredentials ? "· stored, never shown again" : "· required to connect"}
          </span>
        </p>
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            label="Authentication key"
            name="authenticationKey"
            type="password"
            autoComplete="new-password"
            value={values.authenticationKey}
            onChange={(e) => set("authenticationKey", e.target.value)}
            error={errors.authenticationKey}
            placeholder={hasCredentials ? "••••••••" : undefined}
            hint={hasCredentials ? KEEP_HINT : undefined}
          />
          <TextField
            label="Authentication token"
            name="authenticationToken"
            type="password"
            autoComplete="new-password"
            value={values.authenticationToken}
            onChange={(e) => set("authenticationToken", e.target.value)}
            error={errors.authenticationToken}
            placeholder={hasCredentials ? "••••••••" : undefined}
            hint={hasCredentials ? KEEP_HINT : undefined}
          />
        </div>
      </fieldset>
    </IntegrationCard>
  );
}
