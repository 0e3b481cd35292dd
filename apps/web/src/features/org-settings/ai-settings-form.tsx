import { clsx } from "clsx";
import { Info } from "lucide-react";
import type { FormEvent, ReactNode } from "react";
import { useId, useState } from "react";
import { Button, focusRing } from "../../components/button";
import { Card, CardHeader } from "../../components/card";
import { FormError } from "../../components/form-error";
import { TextField } from "../../components/input";
import { SelectField } from "../../components/select";
import { WEEKDAYS } from "../campaigns/campaign-format";
import { NumberField, TextAreaField } from "../playbooks/fields";
import type {
  TAiSettingsErrors,
  TAiSettingsField,
  TAiSettingsInput,
  TAiSettingsValues,
} from "./ai-settings-values";
import {
  allTimeZones,
  PERSONA_MAX,
  parseAiSettings,
  SUGGESTED_MODELS,
  toFormValues,
} from "./ai-settings-values";

type TProps = {
  initial: TAiSettingsInput;
  /** False: no OpenRouter key on the server, so whatever is chosen the offline engine answers. */
  llmAvailable: boolean;
  readOnly: boolean;
  saving: boolean;
  serverError: string | null;
  onSave: (input: TAiSettingsInput) => void;
};

const ENGINES: ReadonlyArray<{ value: TAiSettingsValues["engine"]; label: string; description: string }> = [
  {
    value: "auto",
    label: "Models with offline fallback",
    description:
      "The model below writes replies; if it fails or times out, the fallback and then the offline engine answer.",
  },
  {
    value: "offline",
    label: "Offline engine only",
    description: "Replies come from the built-in engine: no model calls, no AI cost, plainer wording.",
  },
];

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1.5 text-xs font-medium text-rose-600">
      {message}
    </p>
  );
}

/** The org's model routing and the internal calendar the agent books into. */
export function AiSettingsForm({ initial, llmAvailable, readOnly, saving, serverError, onSave }: TProps) {
  const [values, setValues] = useState<TAiSettingsValues>(() => toFormValues(initial));
  const [errors, setErrors] = useState<TAiSettingsErrors>({});
  const id = useId();
  const modelListId = `${id}-models`;

  const set = <K extends TAiSettingsField>(field: K, value: TAiSettingsValues[K]) => {
    setValues((prev) => ({ ...prev, [field]: value }));
    // Start/end are checked together, so editing either clears both.
    const cleared: TAiSettingsField[] = field === "start" || field === "end" ? ["start", "end"] : [field];
    setErrors((prev) => {
      if (!cleared.some((f) => f in prev)) return prev;
      const next = { ...prev };
      for (const f of cleared) delete next[f];
      return next;
    });
  };

  const toggleDay = (day: number) =>
    set(
      "days",
      values.days.includes(day)
        ? values.days.filter((d) => d !== day)
        : [...values.days, day].sort((a, b) => a - b),
    );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseAiSettings(values);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      const first = Object.keys(parsed.errors)[0];
      if (first) event.currentTarget.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setErrors({});
    onSave(parsed.input);
  };

  const zones = allTimeZones(values.timeZone);

  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <Card>
        <CardHeader
          title="AI models"
          description="Which models write the agent's replies, and how. Models are called through OpenRouter."
        />
        <div className="space-y-6 p-5">
          {!llmAvailable ? (
            <Notice>
              No OPENROUTER_API_KEY is configured: the offline engine answers every message. Add the key to
              the server's environment to use the models below.
            </Notice>
          ) : null}

          <fieldset>
            <legend className="text-sm font-medium text-slate-700">Engine</legend>
            <div className="mt-2 grid gap-3 sm:grid-cols-2">
              {ENGINES.map((engine) => (
                <label
                  key={engine.value}
                  className={clsx(
                    "flex cursor-pointer gap-3 rounded-lg p-3 ring-1 ring-inset has-[:disabled]:cursor-not-allowed has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-600",
                    values.engine === engine.value ? "bg-indigo-50/60 ring-indigo-300" : "ring-slate-200",
                  )}
                >
                  <input
                    type="radio"
                    name="engine"
                    value={engine.value}
                    checked={values.engine === engine.value}
                    onChange={() => set("engine", engine.value)}
                    disabled={readOnly}
                    className="mt-0.5 size-4 shrink-0 accent-indigo-600"
                  />
                  <span className="text-sm">
                    <span className="block font-medium text-slate-900">{engine.label}</span>
                    <span className="block text-slate-500">{engine.description}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>

          <div className="grid gap-5 sm:grid-cols-2">
            <TextField
              label="Model"
              name="model"
              list={modelListId}
              value={values.model}
              maxLength={120}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => set("model", e.target.value)}
              error={errors.model}
              hint="An OpenRouter model id, e.g. openai/gpt-4o-mini."
              disabled={readOnly}
            />
            <TextField
              label="Fallback model"
              name="fallbackModel"
              list={modelListId}
              value={values.fallbackModel}
              maxLength={120}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => set("fallbackModel", e.target.value)}
              error={errors.fallbackModel}
              hint="Tried when the first model fails. Leave blank to go straight to the offline engine."
              disabled={readOnly}
            />
            <datalist id={modelListId}>
              {SUGGESTED_MODELS.map((model) => (
                <option key={model} value={model} />
              ))}
            </datalist>
          </div>

          <div className="grid gap-5 sm:grid-cols-2">
            <TemperatureField
              value={values.temperature}
              onChange={(t) => set("temperature", t)}
              error={errors.temperature}
              disabled={readOnly}
            />
            <NumberField
              label="Model timeout"
              name="timeoutSeconds"
              suffix="seconds"
              min={1}
              max={60}
              value={values.timeoutSeconds}
              onValueChange={(s) => set("timeoutSeconds", s)}
              error={errors.timeoutSeconds}
              hint="After this long the next model (or the offline engine) answers instead."
              disabled={readOnly}
            />
          </div>

          <TextAreaField
            label="Persona"
            name="persona"
            rows={4}
            value={values.persona}
            onChange={(e) => set("persona", e.target.value)}
            error={errors.persona}
            placeholder="e.g. Friendly and brief. Never use exclamation marks. Sign off as Sam from Acme Pest."
            hint={
              <span className="flex justify-between gap-4">
                <span>Extra voice instructions, added to every playbook's own persona.</span>
                <span
                  className={clsx("tabular-nums", values.persona.length > PERSONA_MAX && "text-rose-600")}
                >
                  {values.persona.length}/{PERSONA_MAX}
                </span>
              </span>
            }
            disabled={readOnly}
          />
        </div>
      </Card>

      <Card>
        <CardHeader
          title="Booking calendar"
          description="When the agent may offer appointments on the internal calendar (used when no CRM is connected)."
        />
        <div className="space-y-6 p-5">
          <SelectField
            label="Time zone"
            name="timeZone"
            value={values.timeZone}
            onChange={(e) => set("timeZone", e.target.value)}
            error={errors.timeZone}
            options={zones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }))}
            disabled={readOnly}
            className="sm:max-w-sm"
          />

          <fieldset>
            <legend className="text-sm font-medium text-slate-700">Booking days</legend>
            <div className="mt-2 flex flex-wrap gap-2">
              {WEEKDAYS.map((w) => {
                const on = values.days.includes(w.day);
                return (
                  <button
                    key={w.day}
                    type="button"
                    name={w.day === 1 ? "days" : undefined}
                    aria-pressed={on}
                    aria-label={w.long}
                    aria-describedby={errors.days ? `${id}-days-error` : undefined}
                    onClick={() => toggleDay(w.day)}
                    disabled={readOnly}
                    className={clsx(
                      "h-9 w-12 rounded-md text-sm font-medium ring-1 ring-inset transition-colors disabled:cursor-not-allowed disabled:opacity-60",
                      focusRing,
                      on
                        ? "bg-indigo-600 text-white ring-indigo-600 hover:bg-indigo-500"
                        : "bg-white text-slate-600 ring-slate-300 hover:bg-slate-50",
                    )}
                  >
                    {w.short}
                  </button>
                );
              })}
            </div>
            <FieldError id={`${id}-days-error`} message={errors.days} />
          </fieldset>

          <div className="grid gap-5 sm:grid-cols-3">
            <TextField
              label="Opens at"
              type="time"
              name="start"
              value={values.start}
              onChange={(e) => set("start", e.target.value)}
              error={errors.start}
              disabled={readOnly}
            />
            <TextField
              label="Closes at"
              type="time"
              name="end"
              value={values.end}
              onChange={(e) => set("end", e.target.value)}
              error={errors.end}
              disabled={readOnly}
            />
            <NumberField
              label="Slot step"
              name="slotStepMinutes"
              suffix="minutes"
              min={5}
              max={240}
              value={values.slotStepMinutes}
              onValueChange={(m) => set("slotStepMinutes", m)}
              error={errors.slotStepMinutes}
              hint="Appointments start on this grid."
              disabled={readOnly}
            />
          </div>
        </div>
      </Card>

      <FormError message={serverError} />
      {readOnly ? (
        <p className="text-sm text-slate-500">
          Only owners and admins can change the AI and calendar settings.
        </p>
      ) : (
        <div className="flex justify-end">
          <Button type="submit" loading={saving}>
            {saving ? "Saving…" : "Save settings"}
          </Button>
        </div>
      )}
    </form>
  );
}

function Notice({ children }: { children: ReactNode }) {
  return (
    <div
      role="note"
      className="flex gap-2.5 rounded-md bg-amber-50 px-3 py-2.5 text-sm text-amber-900 ring-1 ring-amber-200"
    >
      <Info aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-amber-600" />
      <p>{children}</p>
    </div>
  );
}

function TemperatureField({
  value,
  onChange,
  error,
  disabled,
}: {
  value: number;
  onChange: (value: number) => void;
  error: string | undefined;
  disabled: boolean;
}) {
  const id = useId();
  return (
    <div>
      <div className="flex items-baseline justify-between">
        <label htmlFor={id} className="block text-sm font-medium text-slate-700">
          Temperature
        </label>
        <output htmlFor={id} className="text-sm font-medium text-slate-900 tabular-nums">
          {value.toFixed(2)}
        </output>
      </div>
      <input
        id={id}
        name="temperature"
        type="range"
        min={0}
        max={1.5}
        step={0.05}
        value={value}
        onChange={(e) => onChange(e.target.valueAsNumber)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        disabled={disabled}
        className="mt-3 block w-full accent-indigo-600 disabled:cursor-not-allowed"
      />
      {error ? (
        <FieldError id={`${id}-error`} message={error} />
      ) : (
        <p id={`${id}-hint`} className="mt-1.5 text-xs text-slate-500">
          Lower keeps replies steady and on-script; higher varies the wording.
        </p>
      )}
    </div>
  );
}
