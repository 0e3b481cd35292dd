import { clsx } from "clsx";
import { Plus, X } from "lucide-react";
import { Badge } from "../../components/badge";
import { Button, focusRing } from "../../components/button";
import { TextField } from "../../components/input";
import { SelectField } from "../../components/select";
import { CheckboxField, IconButton, NumberField } from "../playbooks/fields";
import { formatFollowUps, timeZoneOptions, WEEKDAYS } from "./campaign-format";
import type { TSendingNumber } from "./campaign-settings-summary";
import type { TWizardValues } from "./wizard-steps";

export type TPlaybookOption = { id: string; name: string; currentVersion: number };

type TStepProps = {
  values: TWizardValues;
  set: (patch: Partial<TWizardValues>) => void;
  errors: Record<string, string>;
};

export function BasicsStep({
  values,
  set,
  errors,
  playbooks,
}: TStepProps & { playbooks: ReadonlyArray<TPlaybookOption> }) {
  return (
    <div className="space-y-5">
      <TextField
        label="Campaign name"
        name="name"
        value={values.name}
        maxLength={120}
        placeholder="e.g. Spring roof inspections"
        onChange={(e) => set({ name: e.target.value })}
        error={errors.name}
      />
      <SelectField
        label="Playbook"
        name="playbookId"
        value={values.playbookId}
        onChange={(e) => set({ playbookId: e.target.value })}
        error={errors.playbookId}
        options={[
          { value: "", label: playbooks.length ? "Choose a playbook…" : "No playbooks yet" },
          ...playbooks.map((p) => ({ value: p.id, label: `${p.name} (v${p.currentVersion})` })),
        ]}
      />
      <p className="text-xs text-slate-500">
        The campaign keeps the playbook's current version; later edits to the playbook don't change it until
        you edit the campaign.
      </p>
    </div>
  );
}

export function ScheduleStep({ values, set, errors, browserZone }: TStepProps & { browserZone: string }) {
  const hours = values.businessHours;
  const setHours = (patch: Partial<TWizardValues["businessHours"]>) =>
    set({ businessHours: { ...hours, ...patch } });
  const toggle = (day: number) =>
    setHours({
      days: hours.days.includes(day)
        ? hours.days.filter((d) => d !== day)
        : [...hours.days, day].sort((a, b) => a - b),
    });
  return (
    <div className="space-y-6">
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Sending days</legend>
        <p className="text-xs text-slate-500">
          Messages only go out on these days, in the campaign's time zone.
        </p>
        <div className="mt-2 flex flex-wrap gap-2">
          {WEEKDAYS.map((w) => {
            const on = hours.days.includes(w.day);
            return (
              <button
                key={w.day}
                type="button"
                aria-pressed={on}
                aria-label={w.long}
                onClick={() => toggle(w.day)}
                className={clsx(
                  "h-9 w-12 rounded-md text-sm font-medium ring-1 ring-inset transition-colors",
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
        {errors["businessHours.days"] ? (
          <p className="mt-1.5 text-xs font-medium text-rose-600">{errors["businessHours.days"]}</p>
        ) : null}
      </fieldset>
      <div className="grid gap-5 sm:grid-cols-3">
        <TextField
          label="From"
          type="time"
          name="businessHours.start"
          value={hours.start}
          onChange={(e) => setHours({ start: e.target.value })}
          error={errors["businessHours.start"]}
        />
        <TextField
          label="Until"
          type="time"
          name="businessHours.end"
          value={hours.end}
          onChange={(e) => setHours({ end: e.target.value })}
          error={errors["businessHours.end"]}
        />
        <SelectField
          label="Time zone"
          name="businessHours.timeZone"
          value={hours.timeZone}
          onChange={(e) => setHours({ timeZone: e.target.value })}
          error={errors["businessHours.timeZone"]}
          options={timeZoneOptions(hours.timeZone, browserZone)}
        />
      </div>
    </div>
  );
}

export function SendingStep({
  values,
  set,
  errors,
  numbers,
}: TStepProps & { numbers: ReadonlyArray<TSendingNumber> }) {
  const toggleNumber = (e164: string, on: boolean) =>
    set({
      sendingNumbers: on ? [...values.sendingNumbers, e164] : values.sendingNumbers.filter((n) => n !== e164),
    });
  const followUps = values.followUpDays;
  return (
    <div className="space-y-6">
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Sending numbers</legend>
        <p className="text-xs text-slate-500">Leads are spread across the numbers you pick.</p>
        {numbers.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">Your organisation has no sending numbers yet.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200">
            {numbers.map((n) => (
              <li key={n.e164} className="flex items-center justify-between gap-3 px-3 py-2.5">
                <CheckboxField
                  name="sendingNumbers"
                  label={n.label && n.label !== n.e164 ? `${n.label} · ${n.e164}` : n.e164}
                  checked={values.sendingNumbers.includes(n.e164)}
                  onChange={(e) => toggleNumber(n.e164, e.target.checked)}
                  aria-invalid={errors.sendingNumbers ? true : undefined}
                />
                <Badge tone={n.provider === "sandbox" ? "warning" : "neutral"}>
                  {n.provider === "sandbox" ? "Sandbox" : "Twilio"}
                </Badge>
              </li>
            ))}
          </ul>
        )}
        {errors.sendingNumbers ? (
          <p className="mt-1.5 text-xs font-medium text-rose-600">{errors.sendingNumbers}</p>
        ) : null}
      </fieldset>

      <div className="grid gap-5 sm:grid-cols-2">
        <NumberField
          label="Per number"
          name="perNumberPerMinute"
          suffix="messages / minute"
          min={1}
          max={6000}
          value={values.perNumberPerMinute}
          onValueChange={(perNumberPerMinute) => set({ perNumberPerMinute })}
          error={errors.perNumberPerMinute}
        />
        <NumberField
          label="Whole campaign"
          name="perCampaignPerMinute"
          suffix="messages / minute"
          min={1}
          max={60000}
          value={values.perCampaignPerMinute}
          onValueChange={(perCampaignPerMinute) => set({ perCampaignPerMinute })}
          error={errors.perCampaignPerMinute}
        />
      </div>

      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Follow-ups</legend>
        <p className="text-xs text-slate-500">
          {formatFollowUps(followUps.filter((d) => Number.isFinite(d)))}.
        </p>
        <ol className="mt-2 space-y-2">
          {followUps.map((days, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: follow-ups are plain numbers in order
            <li key={index} className="flex items-start gap-2">
              <NumberField
                label={`Follow-up ${index + 1}`}
                name={`followUpDays.${index}`}
                suffix={days === 1 ? "day after the previous message" : "days after the previous message"}
                min={1}
                max={60}
                value={days}
                onValueChange={(d) => set({ followUpDays: followUps.map((v, i) => (i === index ? d : v)) })}
                error={errors[`followUpDays.${index}`]}
                className="flex-1"
              />
              <IconButton
                label={`Remove follow-up ${index + 1}`}
                tone="danger"
                className="mt-8"
                onClick={() => set({ followUpDays: followUps.filter((_, i) => i !== index) })}
              >
                <X aria-hidden="true" className="size-4" />
              </IconButton>
            </li>
          ))}
        </ol>
        {followUps.length < 5 ? (
          <Button
            variant="ghost"
            size="sm"
            className="mt-2 -ml-2.5"
            icon={<Plus aria-hidden="true" className="size-4" />}
            onClick={() => set({ followUpDays: [...followUps, followUps.length === 0 ? 1 : 3] })}
          >
            Add follow-up
          </Button>
        ) : null}
        {errors.followUpDays ? (
          <p className="mt-1.5 text-xs font-medium text-rose-600">{errors.followUpDays}</p>
        ) : null}
      </fieldset>

      <CheckboxField
        label="Stop follow-ups when a lead replies"
        description="The agent carries on the conversation instead."
        checked={values.stopOnReply}
        onChange={(e) => set({ stopOnReply: e.target.checked })}
      />

      <CheckboxField
        label="Approval mode"
        name="approvalMode"
        description="AI replies wait as drafts until a person approves or edits them. Leads wait longer for an answer, so someone needs to watch the lead pages."
        checked={values.approvalMode}
        onChange={(e) => set({ approvalMode: e.target.checked })}
      />

      <TextField
        label="First-message footer"
        name="firstMessageFooter"
        value={values.firstMessageFooter}
        maxLength={160}
        onChange={(e) => set({ firstMessageFooter: e.target.value })}
        error={errors.firstMessageFooter}
        hint={`Added to the first message so leads know who is texting and how to opt out. ${values.firstMessageFooter.length}/160`}
      />
    </div>
  );
}
