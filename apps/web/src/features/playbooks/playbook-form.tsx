import type { TPlaybookVersion, TSavePlaybookInput } from "@plaibook/shared";
import { clsx } from "clsx";
import { CheckCircle2, Plus, Trash2 } from "lucide-react";
import type { FormEvent } from "react";
import { useEffect, useMemo, useRef, useState } from "react";
import { Button } from "../../components/button";
import { FormError } from "../../components/form-error";
import { TextField } from "../../components/input";
import { getErrorMessage } from "../../lib/errors";
import { FormSection, IconButton, TextAreaField } from "./fields";
import type { TContentDraft, TPlaybookDraft } from "./playbook-draft";
import { draftFingerprint, validateDraft } from "./playbook-draft";
import {
  BookingSection,
  EscalationSection,
  FaqSection,
  ObjectionSection,
  PersonaSection,
} from "./playbook-sections";
import { StageListEditor } from "./stage-list-editor";
import { sampleValues, TemplateEditor } from "./template-editor";

export type TPlaybookFormProps = {
  initial: TPlaybookDraft;
  /** Viewers see everything but cannot change or save. */
  readOnly?: boolean;
  isNew?: boolean;
  /** Fills {{businessName}} in previews. */
  businessName?: string;
  /** Saves a new version; resolves with it, rejects with the server's error. */
  onSave: (input: Omit<TSavePlaybookInput, "playbookId">) => Promise<TPlaybookVersion>;
  onDirtyChange?: (dirty: boolean) => void;
  /** What "unsaved changes" are measured against when it is not `initial` (e.g. an older version loaded in). */
  compareTo?: TPlaybookDraft | undefined;
};

const MAX_FOLLOW_UPS = 5;

/**
 * The structured playbook editor. Validation uses the shared save schema: nothing is shown while the
 * user types; after the first attempt to save, errors track every edit (so they follow reordered stages).
 */
export function PlaybookForm({
  initial,
  readOnly = false,
  isNew = false,
  businessName,
  onSave,
  onDirtyChange,
  compareTo,
}: TPlaybookFormProps) {
  const [draft, setDraft] = useState<TPlaybookDraft>(initial);
  const [baseline, setBaseline] = useState(() => draftFingerprint(compareTo ?? initial));
  const [attempted, setAttempted] = useState(false);
  const [pending, setPending] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = useRef(false);

  const validation = useMemo(() => (attempted ? validateDraft(draft) : null), [attempted, draft]);
  const errors = validation && !validation.ok ? validation.errors : {};
  const errorCount = Object.keys(errors).length;
  const dirty = draftFingerprint(draft) !== baseline;

  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);

  useEffect(() => {
    if (!focusFirstError.current) return;
    focusFirstError.current = false;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.focus();
    first?.scrollIntoView?.({ block: "center" });
  });

  const update = (patch: Partial<TContentDraft>) => {
    setDraft((d) => ({ ...d, content: { ...d.content, ...patch } }));
    setSavedVersion(null);
  };
  const setField = (field: "name" | "description" | "note", value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setSavedVersion(null);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (readOnly || pending) return;
    setAttempted(true);
    const result = validateDraft(draft);
    if (!result.ok) {
      focusFirstError.current = true;
      return;
    }
    setPending(true);
    setServerError(null);
    const saved = draft;
    onSave(result.input).then(
      (version) => {
        setPending(false);
        setSavedVersion(version.version);
        setBaseline(draftFingerprint(saved));
        setDraft((d) => ({ ...d, note: "" }));
        setAttempted(false);
      },
      (error: unknown) => {
        setPending(false);
        setServerError(getErrorMessage(error));
      },
    );
  };

  const samples = sampleValues({ agentName: draft.content.persona.agentName, businessName });
  const templates = draft.content.templates;
  const setTemplates = (patch: Partial<TContentDraft["templates"]>) =>
    update({ templates: { ...templates, ...patch } });

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="space-y-6" aria-label="Playbook">
      <FormSection id="basics" title="Basics">
        <TextField
          label="Playbook name"
          value={draft.name}
          readOnly={readOnly}
          onChange={(e) => setField("name", e.target.value)}
          error={errors.name}
        />
        <TextAreaField
          label="Description"
          hint="For your team: when to use this playbook."
          rows={2}
          value={draft.description}
          readOnly={readOnly}
          onChange={(e) => setField("description", e.target.value)}
          error={errors.description}
        />
      </FormSection>

      <PersonaSection content={draft.content} update={update} errors={errors} readOnly={readOnly} />

      <FormSection
        id="stages"
        title="Stages"
        description="The steps of the conversation, in order. The agent moves on when a stage's condition is met."
        error={errors["content.stages"]}
      >
        <StageListEditor
          stages={draft.content.stages}
          onChange={(stages) => update({ stages })}
          errors={errors}
          readOnly={readOnly}
        />
      </FormSection>

      <ObjectionSection content={draft.content} update={update} errors={errors} readOnly={readOnly} />
      <FaqSection content={draft.content} update={update} errors={errors} readOnly={readOnly} />
      <BookingSection content={draft.content} update={update} errors={errors} readOnly={readOnly} />
      <EscalationSection content={draft.content} update={update} errors={errors} readOnly={readOnly} />

      <FormSection
        id="templates"
        title="Messages"
        description="The first text and the follow-ups sent when a lead has not replied. Previews use sample values."
      >
        <TemplateEditor
          label="First message"
          value={templates.firstTouch}
          onChange={(firstTouch) => setTemplates({ firstTouch })}
          error={errors["content.templates.firstTouch"]}
          samples={samples}
          readOnly={readOnly}
          hint="Each campaign adds its opt-out footer to the first message."
        />
        {templates.followUps.map((followUp, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: follow-ups are plain strings in sending order
          <div key={index} className="flex items-start gap-2 border-t border-slate-100 pt-5">
            <div className="min-w-0 flex-1">
              <TemplateEditor
                label={`Follow-up ${index + 1}`}
                value={followUp}
                onChange={(value) =>
                  setTemplates({ followUps: templates.followUps.map((f, i) => (i === index ? value : f)) })
                }
                error={errors[`content.templates.followUps.${index}`]}
                samples={samples}
                readOnly={readOnly}
              />
            </div>
            {readOnly ? null : (
              <IconButton
                label={`Remove follow-up ${index + 1}`}
                tone="danger"
                className="mt-6"
                onClick={() => setTemplates({ followUps: templates.followUps.filter((_, i) => i !== index) })}
              >
                <Trash2 aria-hidden="true" className="size-4" />
              </IconButton>
            )}
          </div>
        ))}
        {readOnly || templates.followUps.length >= MAX_FOLLOW_UPS ? null : (
          <Button
            variant="secondary"
            size="sm"
            icon={<Plus aria-hidden="true" className="size-4" />}
            onClick={() => setTemplates({ followUps: [...templates.followUps, ""] })}
          >
            Add follow-up
          </Button>
        )}
      </FormSection>

      {readOnly ? null : (
        <div
          className={clsx(
            "z-10 -mx-4 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-xl sm:border-0 sm:shadow-lg sm:ring-1 sm:ring-slate-200",
            // Pinned to the bottom only while there is something to save or to read; otherwise it stays out of the way.
            (isNew || dirty || savedVersion !== null || errorCount > 0 || serverError) && "sticky bottom-0",
          )}
        >
          <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
            <TextField
              className="min-w-0 flex-1"
              label="Version note"
              placeholder={isNew ? "e.g. First version" : "What changed? e.g. Softer first message"}
              value={draft.note}
              maxLength={300}
              onChange={(e) => setField("note", e.target.value)}
              error={errors.note}
            />
            <Button type="submit" loading={pending} disabled={!isNew && !dirty}>
              {isNew ? "Create playbook" : "Save new version"}
            </Button>
          </div>
          <div aria-live="polite" className="mt-2 text-sm empty:hidden">
            {savedVersion !== null ? (
              <p className="flex items-center gap-1.5 font-medium text-emerald-700">
                <CheckCircle2 aria-hidden="true" className="size-4" />
                Saved as version {savedVersion}
              </p>
            ) : errorCount > 0 ? (
              <p className="font-medium text-rose-600">
                {errorCount === 1 ? "1 field needs" : `${errorCount} fields need`} attention before saving.
              </p>
            ) : !isNew && !dirty ? (
              <p className="text-slate-500">No unsaved changes.</p>
            ) : null}
          </div>
          <FormError message={serverError} />
        </div>
      )}
    </form>
  );
}
