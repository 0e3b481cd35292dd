import type { TCampaignSettings } from "@plaibook/shared";
import { clsx } from "clsx";
import { Check } from "lucide-react";
import type { FormEvent, ReactNode } from "react";
import { useEffect, useRef, useState } from "react";
import { Button } from "../../components/button";
import { Card } from "../../components/card";
import { FormError } from "../../components/form-error";
import { getErrorMessage } from "../../lib/errors";
import { browserTimeZone } from "./campaign-format";
import type { TSendingNumber } from "./campaign-settings-summary";
import { CampaignSettingsSummary } from "./campaign-settings-summary";
import type { TPlaybookOption } from "./wizard-step-fields";
import { BasicsStep, ScheduleStep, SendingStep } from "./wizard-step-fields";
import type { TWizardStepId, TWizardValues } from "./wizard-steps";
import { parseSettings, stepOfErrors, validateStep, WIZARD_STEPS } from "./wizard-steps";

export type TCampaignWizardProps = {
  mode: "create" | "edit";
  initial: TWizardValues;
  playbooks: ReadonlyArray<TPlaybookOption>;
  sendingNumbers: ReadonlyArray<TSendingNumber>;
  /** Creates or updates; rejects with the server's error, which the review step shows. */
  onSubmit: (settings: TCampaignSettings) => Promise<unknown>;
  onCancel: () => void;
  /** For edits: the version the campaign runs now (saving re-pins to the playbook's current one). */
  pinnedVersion?: number | undefined;
  browserZone?: string;
};

/** Four steps, each validated with its part of the shared settings schema before moving on. */
export function CampaignWizard({
  mode,
  initial,
  playbooks,
  sendingNumbers,
  onSubmit,
  onCancel,
  pinnedVersion,
  browserZone = browserTimeZone(),
}: TCampaignWizardProps) {
  const [values, setValues] = useState<TWizardValues>(initial);
  const [stepIndex, setStepIndex] = useState(0);
  const [visited, setVisited] = useState(mode === "edit" ? WIZARD_STEPS.length - 1 : 0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const focusTarget = useRef<"heading" | "error" | null>(null);

  const step = WIZARD_STEPS[stepIndex] ?? WIZARD_STEPS[0];

  useEffect(() => {
    const target = focusTarget.current;
    if (!target) return;
    focusTarget.current = null;
    const el =
      target === "error"
        ? bodyRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')
        : bodyRef.current?.querySelector<HTMLElement>("h2");
    el?.focus();
  });

  const set = (patch: Partial<TWizardValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    // Clear the errors of the fields being edited (and their children, e.g. businessHours.end).
    const touched = Object.keys(patch);
    setErrors((prev) => {
      const next = Object.fromEntries(
        Object.entries(prev).filter(([key]) => !touched.some((t) => key === t || key.startsWith(`${t}.`))),
      );
      return Object.keys(next).length === Object.keys(prev).length ? prev : next;
    });
  };

  const goTo = (index: number) => {
    setErrors({});
    setServerError(null);
    setStepIndex(index);
    setVisited((v) => Math.max(v, index));
    focusTarget.current = "heading";
  };

  const next = () => {
    const stepErrors = validateStep(step.id, values);
    if (Object.keys(stepErrors).length > 0) {
      setErrors(stepErrors);
      focusTarget.current = "error";
      return;
    }
    goTo(stepIndex + 1);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (step.id !== "review") {
      next();
      return;
    }
    const parsed = parseSettings(values);
    if (!parsed.ok) {
      const target = stepOfErrors(parsed.errors);
      setStepIndex(WIZARD_STEPS.findIndex((s) => s.id === target));
      setErrors(parsed.errors);
      focusTarget.current = "error";
      return;
    }
    setPending(true);
    setServerError(null);
    onSubmit(parsed.settings).then(
      () => setPending(false),
      (error: unknown) => {
        setPending(false);
        setServerError(getErrorMessage(error));
      },
    );
  };

  const playbook = playbooks.find((p) => p.id === values.playbookId);
  const repin =
    mode === "edit" && playbook && pinnedVersion !== undefined && playbook.currentVersion !== pinnedVersion;

  const bodies: Record<TWizardStepId, ReactNode> = {
    basics: <BasicsStep values={values} set={set} errors={errors} playbooks={playbooks} />,
    schedule: <ScheduleStep values={values} set={set} errors={errors} browserZone={browserZone} />,
    sending: <SendingStep values={values} set={set} errors={errors} numbers={sendingNumbers} />,
    review: (
      <div className="space-y-4">
        <div className="rounded-lg ring-1 ring-slate-200">
          <CampaignSettingsSummary
            settings={values}
            numbers={sendingNumbers}
            playbook={playbook ? `${playbook.name} (version ${playbook.currentVersion})` : "—"}
          />
        </div>
        {repin ? (
          <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-amber-200">
            Saving moves this campaign from playbook version {pinnedVersion} to version{" "}
            {playbook.currentVersion}.
          </p>
        ) : null}
      </div>
    ),
  };

  return (
    <Card>
      <nav aria-label="Campaign steps" className="border-b border-slate-200 px-5 py-4">
        <ol className="flex flex-wrap gap-x-6 gap-y-2">
          {WIZARD_STEPS.map((s, index) => {
            const current = index === stepIndex;
            const done = index < stepIndex;
            const reachable = index <= visited && index !== stepIndex;
            const content = (
              <>
                <span
                  aria-hidden="true"
                  className={clsx(
                    "flex size-6 items-center justify-center rounded-full text-xs font-semibold",
                    current && "bg-indigo-600 text-white",
                    done && "bg-indigo-100 text-indigo-700",
                    !current && !done && "bg-slate-100 text-slate-500",
                  )}
                >
                  {done ? <Check className="size-3.5" /> : index + 1}
                </span>
                <span className={clsx("text-sm font-medium", current ? "text-slate-900" : "text-slate-500")}>
                  {s.title}
                </span>
              </>
            );
            return (
              <li key={s.id}>
                {reachable ? (
                  <button
                    type="button"
                    onClick={() => goTo(index)}
                    className="flex items-center gap-2 rounded-md hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
                  >
                    {content}
                    <span className="sr-only">{done ? " (done)" : ""}</span>
                  </button>
                ) : (
                  <span className="flex items-center gap-2" aria-current={current ? "step" : undefined}>
                    {content}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      </nav>
      <form noValidate onSubmit={submit} aria-labelledby="wizard-step-title">
        <div ref={bodyRef} className="px-5 py-5">
          <h2
            id="wizard-step-title"
            tabIndex={-1}
            className="mb-5 text-base font-semibold text-slate-900 focus:outline-none"
          >
            Step {stepIndex + 1} of {WIZARD_STEPS.length}: {step.title}
          </h2>
          {bodies[step.id]}
        </div>
        <div className="space-y-3 border-t border-slate-200 px-5 py-4">
          <FormError message={serverError} />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:items-center sm:justify-between">
            <Button variant="ghost" onClick={onCancel} disabled={pending}>
              Cancel
            </Button>
            <div className="flex flex-col-reverse gap-2 sm:flex-row">
              {stepIndex > 0 ? (
                <Button variant="secondary" onClick={() => goTo(stepIndex - 1)} disabled={pending}>
                  Back
                </Button>
              ) : null}
              <Button type="submit" loading={pending}>
                {step.id !== "review" ? "Next" : mode === "create" ? "Create draft" : "Save changes"}
              </Button>
            </div>
          </div>
        </div>
      </form>
    </Card>
  );
}
