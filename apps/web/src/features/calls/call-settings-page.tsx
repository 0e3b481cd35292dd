import type { TCallSettings } from "@plaibook/shared";
import { can, TRANSCRIPTION_ENGINES } from "@plaibook/shared";
import { clsx } from "clsx";
import { Plus, Trash2 } from "lucide-react";
import type { FormEvent } from "react";
import { useState } from "react";
import { Button } from "../../components/button";
import { Card, CardHeader } from "../../components/card";
import { ErrorState } from "../../components/error-state";
import { FormError } from "../../components/form-error";
import { TextField } from "../../components/input";
import { SelectField } from "../../components/select";
import { Skeleton } from "../../components/skeleton";
import { toast } from "../../components/toast";
import { getErrorMessage } from "../../lib/errors";
import { useSession } from "../auth/use-auth";
import { TextAreaField } from "../playbooks/fields";
import { PageHeader } from "../shell/app-shell";
import type { TCallSettingsErrors, TCallSettingsValues, TObjectionRow } from "./call-settings-values";
import { newObjectionRow, parseCallSettings, slugify, toFormValues } from "./call-settings-values";
import { OBJECTION_CATEGORY_OPTIONS, TRANSCRIPTION_ENGINE_LABELS } from "./labels";
import { useCallSettings, useSaveCallSettings } from "./use-calls";

const CATEGORY_OPTIONS = OBJECTION_CATEGORY_OPTIONS.filter((o) => o.value !== "other");

type TFormProps = {
  initial: TCallSettings;
  readOnly: boolean;
  saving: boolean;
  serverError: string | null;
  onSave: (settings: TCallSettings) => void;
};

function ObjectionEditor({
  row,
  index,
  errors,
  readOnly,
  onChange,
  onRemove,
}: {
  row: TObjectionRow;
  index: number;
  errors: TCallSettingsErrors;
  readOnly: boolean;
  onChange: (patch: Partial<TObjectionRow>) => void;
  onRemove: () => void;
}) {
  const err = (field: string) => errors[`objections.${index}.${field}`];
  const name = row.label.trim() || `Objection ${index + 1}`;
  return (
    <li className="space-y-4 rounded-lg p-4 ring-1 ring-slate-200" aria-label={name}>
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          label="Category"
          name={`objections.${index}.category`}
          value={row.category}
          options={CATEGORY_OPTIONS}
          onChange={(e) => onChange({ category: e.target.value })}
          error={err("category")}
          disabled={readOnly}
        />
        <TextField
          label="Label"
          name={`objections.${index}.label`}
          value={row.label}
          maxLength={80}
          placeholder="e.g. Membership fee"
          onChange={(e) =>
            onChange(
              row.slugEdited
                ? { label: e.target.value }
                : { label: e.target.value, slug: slugify(e.target.value) },
            )
          }
          error={err("label")}
          disabled={readOnly}
        />
        <TextField
          label="Slug"
          name={`objections.${index}.slug`}
          value={row.slug}
          maxLength={40}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => onChange({ slug: e.target.value, slugEdited: true })}
          error={err("slug")}
          hint={`Stored as ${row.category}/${row.slug || "…"}`}
          disabled={readOnly}
        />
      </div>
      <TextAreaField
        label="Example phrases"
        name={`objections.${index}.examples`}
        rows={3}
        value={row.examples}
        placeholder={"The monthly fee is too much\nWhy do I pay a membership on top?"}
        onChange={(e) => onChange({ examples: e.target.value })}
        error={err("examples")}
        hint="What customers say, one phrase per line. The analysis matches calls against them."
        disabled={readOnly}
      />
      {!readOnly ? (
        <div className="flex justify-end">
          <Button
            variant="danger-ghost"
            size="sm"
            onClick={onRemove}
            icon={<Trash2 aria-hidden="true" className="size-4" />}
            aria-label={`Remove ${name}`}
          >
            Remove
          </Button>
        </div>
      ) : null}
    </li>
  );
}

export function CallSettingsForm({ initial, readOnly, saving, serverError, onSave }: TFormProps) {
  const [values, setValues] = useState<TCallSettingsValues>(() => toFormValues(initial));
  const [errors, setErrors] = useState<TCallSettingsErrors>({});

  const patchRow = (key: string, patch: Partial<TObjectionRow>) => {
    setValues((prev) => ({
      ...prev,
      objections: prev.objections.map((row) => (row.key === key ? { ...row, ...patch } : row)),
    }));
    // Edits can fix any message about this list; show fresh ones on the next save.
    setErrors((prev) =>
      Object.fromEntries(Object.entries(prev).filter(([k]) => !k.startsWith("objections"))),
    );
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseCallSettings(values);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      const first = Object.keys(parsed.errors).find((k) => k !== "objections" && k !== "form");
      if (first) event.currentTarget.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setErrors({});
    onSave(parsed.settings);
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <Card>
        <CardHeader
          title="Transcription"
          description="How recordings that arrive without a transcript are turned into text."
        />
        <div className="space-y-6 p-5">
          <fieldset>
            <legend className="text-sm font-medium text-slate-700">Speech-to-text engine</legend>
            <div className="mt-2 grid gap-3">
              {TRANSCRIPTION_ENGINES.map((engine) => (
                <label
                  key={engine}
                  className={clsx(
                    "flex cursor-pointer gap-3 rounded-lg p-3 ring-1 ring-inset has-[:disabled]:cursor-not-allowed has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-600",
                    values.engine === engine ? "bg-indigo-50/60 ring-indigo-300" : "ring-slate-200",
                  )}
                >
                  <input
                    type="radio"
                    name="engine"
                    value={engine}
                    checked={values.engine === engine}
                    onChange={() => setValues((prev) => ({ ...prev, engine }))}
                    disabled={readOnly}
                    className="mt-0.5 size-4 shrink-0 accent-indigo-600"
                  />
                  <span className="text-sm">
                    <span className="block font-medium text-slate-900">
                      {TRANSCRIPTION_ENGINE_LABELS[engine].label}
                    </span>
                    <span className="block text-slate-500">
                      {TRANSCRIPTION_ENGINE_LABELS[engine].description}
                    </span>
                  </span>
                </label>
              ))}
            </div>
            {errors.engine ? (
              <p className="mt-1.5 text-xs font-medium text-rose-600">{errors.engine}</p>
            ) : null}
          </fieldset>

          <SelectField
            label="Rep's channel in stereo recordings"
            name="repChannel"
            className="max-w-xs"
            value={values.repChannel}
            onChange={(e) =>
              setValues((prev) => ({
                ...prev,
                repChannel: e.target.value as TCallSettingsValues["repChannel"],
              }))
            }
            options={[
              { value: "left", label: "Left channel" },
              { value: "right", label: "Right channel" },
            ]}
            error={errors.repChannel}
            disabled={readOnly}
          />
        </div>
      </Card>

      <Card>
        <CardHeader
          title="Your own objections"
          description="Subcategories for objections your customers raise that the standard list misses. Calls are tagged with them as category/slug."
          actions={
            readOnly ? null : (
              <Button
                variant="secondary"
                onClick={() =>
                  setValues((prev) => ({ ...prev, objections: [...prev.objections, newObjectionRow()] }))
                }
                icon={<Plus aria-hidden="true" className="size-4" />}
              >
                Add objection
              </Button>
            )
          }
        />
        <div className="space-y-3 p-5">
          {values.objections.length === 0 ? (
            <p className="text-sm text-slate-500">
              None yet: calls use the standard objections (price, timing, authority, need, competitor, trust).
            </p>
          ) : (
            <ol className="space-y-3">
              {values.objections.map((row, index) => (
                <ObjectionEditor
                  key={row.key}
                  row={row}
                  index={index}
                  errors={errors}
                  readOnly={readOnly}
                  onChange={(patch) => patchRow(row.key, patch)}
                  onRemove={() => {
                    setValues((prev) => ({
                      ...prev,
                      objections: prev.objections.filter((r) => r.key !== row.key),
                    }));
                    setErrors({});
                  }}
                />
              ))}
            </ol>
          )}
          {errors.objections ? (
            <p role="alert" className="text-sm font-medium text-rose-600">
              {errors.objections}
            </p>
          ) : null}
        </div>
      </Card>

      <FormError message={serverError ?? errors.form} />
      {readOnly ? (
        <p className="text-sm text-slate-500">Only admins and managers can change these settings.</p>
      ) : (
        <div className="flex justify-end">
          <Button type="submit" loading={saving}>
            Save call settings
          </Button>
        </div>
      )}
    </form>
  );
}

/** Settings → Calls: the transcription engine, the rep's stereo channel, and the org's own objections. */
export function CallSettingsPage() {
  const { user } = useSession();
  const settings = useCallSettings();
  const save = useSaveCallSettings();
  const body = (() => {
    if (settings.isPending) {
      return (
        <div aria-busy="true" className="space-y-6">
          <span className="sr-only" role="status">
            Loading settings
          </span>
          <Skeleton className="h-72 w-full rounded-xl" />
          <Skeleton className="h-48 w-full rounded-xl" />
        </div>
      );
    }
    if (settings.isError) {
      return (
        <Card>
          <ErrorState
            title="Couldn't load the call settings"
            message={getErrorMessage(settings.error)}
            onRetry={() => void settings.refetch()}
            retrying={settings.isFetching}
          />
        </Card>
      );
    }
    return (
      <CallSettingsForm
        // A fresh form when the saved settings change (after a save or another admin's edit).
        key={JSON.stringify(settings.data)}
        initial={settings.data}
        readOnly={!can(user.role, "calls.settings")}
        saving={save.isPending}
        serverError={save.isError ? getErrorMessage(save.error) : null}
        onSave={(input) => save.mutate(input, { onSuccess: () => toast.success("Call settings saved") })}
      />
    );
  })();
  return (
    <>
      <PageHeader
        title="Calls"
        description="How call recordings are transcribed, and the objections your team hears most."
      />
      <div className="max-w-3xl">{body}</div>
    </>
  );
}
