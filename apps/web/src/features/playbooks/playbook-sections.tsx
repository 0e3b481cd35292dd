import { OBJECTION_CATEGORIES } from "@plaibook/shared";
import { Plus, Trash2 } from "lucide-react";
import { Button } from "../../components/button";
import { TextField } from "../../components/input";
import { SelectField } from "../../components/select";
import { CheckboxField, FormSection, IconButton, NumberField, TextAreaField } from "./fields";
import type { TContentDraft, TFieldErrors } from "./playbook-draft";
import { newUid, nextObjectionCategory, OBJECTION_LABELS } from "./playbook-draft";
import { StringListEditor } from "./string-list-editor";

export type TSectionProps = {
  content: TContentDraft;
  update: (patch: Partial<TContentDraft>) => void;
  errors: TFieldErrors;
  readOnly: boolean;
};

const P = "content";

export function PersonaSection({ content, update, errors, readOnly }: TSectionProps) {
  const persona = content.persona;
  const set = (patch: Partial<TContentDraft["persona"]>) => update({ persona: { ...persona, ...patch } });
  return (
    <FormSection
      id="persona"
      title="Persona and goal"
      description="Who the agent is, how it sounds, and what it is trying to achieve."
    >
      <div className="grid gap-5 sm:grid-cols-[14rem_1fr]">
        <TextField
          label="Agent name"
          value={persona.agentName}
          readOnly={readOnly}
          onChange={(e) => set({ agentName: e.target.value })}
          error={errors[`${P}.persona.agentName`]}
          hint="Fills {{agentName}} in messages."
        />
        <TextAreaField
          label="Tone"
          rows={2}
          value={persona.tone}
          readOnly={readOnly}
          onChange={(e) => set({ tone: e.target.value })}
          error={errors[`${P}.persona.tone`]}
        />
      </div>
      <TextAreaField
        label="Description"
        value={persona.description}
        readOnly={readOnly}
        onChange={(e) => set({ description: e.target.value })}
        error={errors[`${P}.persona.description`]}
      />
      <TextAreaField
        label="Goal of the conversation"
        value={content.goal}
        readOnly={readOnly}
        rows={2}
        onChange={(e) => update({ goal: e.target.value })}
        error={errors[`${P}.goal`]}
      />
    </FormSection>
  );
}

export function ObjectionSection({ content, update, errors, readOnly }: TSectionProps) {
  const handlers = content.objectionHandlers;
  const set = (index: number, patch: Partial<(typeof handlers)[number]>) =>
    update({ objectionHandlers: handlers.map((h, i) => (i === index ? { ...h, ...patch } : h)) });
  return (
    <FormSection
      id="objections"
      title="Objection handling"
      description="How to answer common pushback, by category."
      error={errors[`${P}.objectionHandlers`]}
    >
      {handlers.length === 0 ? <p className="text-sm text-slate-400">No objection handlers yet.</p> : null}
      <ul className="space-y-4">
        {handlers.map((handler, index) => (
          <li key={handler.uid} className="grid gap-3 sm:grid-cols-[14rem_1fr_auto] sm:items-start">
            <SelectField
              label={`Objection ${index + 1} category`}
              value={handler.category}
              disabled={readOnly}
              options={OBJECTION_CATEGORIES.map((c) => ({ value: c, label: OBJECTION_LABELS[c] }))}
              onChange={(e) => {
                const category = OBJECTION_CATEGORIES.find((c) => c === e.target.value);
                if (category) set(index, { category });
              }}
            />
            <TextAreaField
              label={`Objection ${index + 1} response`}
              rows={2}
              value={handler.response}
              readOnly={readOnly}
              onChange={(e) => set(index, { response: e.target.value })}
              error={errors[`${P}.objectionHandlers.${index}.response`]}
            />
            {readOnly ? null : (
              <IconButton
                label={`Remove objection ${index + 1}`}
                tone="danger"
                className="sm:mt-7"
                onClick={() => update({ objectionHandlers: handlers.filter((_, i) => i !== index) })}
              >
                <Trash2 aria-hidden="true" className="size-4" />
              </IconButton>
            )}
          </li>
        ))}
      </ul>
      {readOnly || handlers.length >= 20 ? null : (
        <Button
          variant="secondary"
          size="sm"
          icon={<Plus aria-hidden="true" className="size-4" />}
          onClick={() =>
            update({
              objectionHandlers: [
                ...handlers,
                {
                  uid: newUid(),
                  category: nextObjectionCategory(handlers.map((h) => h.category)),
                  response: "",
                },
              ],
            })
          }
        >
          Add objection handler
        </Button>
      )}
    </FormSection>
  );
}

export function FaqSection({ content, update, errors, readOnly }: TSectionProps) {
  const faq = content.faq;
  const set = (index: number, patch: Partial<(typeof faq)[number]>) =>
    update({ faq: faq.map((f, i) => (i === index ? { ...f, ...patch } : f)) });
  return (
    <FormSection
      id="faq"
      title="FAQ"
      description="Facts the agent may share when asked."
      error={errors[`${P}.faq`]}
    >
      {faq.length === 0 ? <p className="text-sm text-slate-400">No questions yet.</p> : null}
      <ul className="space-y-4">
        {faq.map((item, index) => (
          <li key={item.uid} className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-start">
            <div className="space-y-3">
              <TextField
                label={`Question ${index + 1}`}
                value={item.question}
                readOnly={readOnly}
                onChange={(e) => set(index, { question: e.target.value })}
                error={errors[`${P}.faq.${index}.question`]}
              />
              <TextAreaField
                label={`Answer ${index + 1}`}
                rows={2}
                value={item.answer}
                readOnly={readOnly}
                onChange={(e) => set(index, { answer: e.target.value })}
                error={errors[`${P}.faq.${index}.answer`]}
              />
            </div>
            {readOnly ? null : (
              <IconButton
                label={`Remove question ${index + 1}`}
                tone="danger"
                className="sm:mt-7"
                onClick={() => update({ faq: faq.filter((_, i) => i !== index) })}
              >
                <Trash2 aria-hidden="true" className="size-4" />
              </IconButton>
            )}
          </li>
        ))}
      </ul>
      {readOnly || faq.length >= 50 ? null : (
        <Button
          variant="secondary"
          size="sm"
          icon={<Plus aria-hidden="true" className="size-4" />}
          onClick={() => update({ faq: [...faq, { uid: newUid(), question: "", answer: "" }] })}
        >
          Add question
        </Button>
      )}
    </FormSection>
  );
}

export function BookingSection({ content, update, errors, readOnly }: TSectionProps) {
  const booking = content.booking;
  const set = (patch: Partial<TContentDraft["booking"]>) => update({ booking: { ...booking, ...patch } });
  return (
    <FormSection id="booking" title="Booking" description="Whether and how the agent books appointments.">
      <CheckboxField
        label="The agent books appointments"
        description="Off: the agent hands interested leads to your team instead."
        checked={booking.enabled}
        disabled={readOnly}
        onChange={(e) => set({ enabled: e.target.checked })}
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <NumberField
          label="Appointment length"
          suffix="minutes"
          min={5}
          max={480}
          value={booking.appointmentMinutes}
          readOnly={readOnly}
          disabled={!booking.enabled}
          onValueChange={(appointmentMinutes) => set({ appointmentMinutes })}
          error={errors[`${P}.booking.appointmentMinutes`]}
        />
        <NumberField
          label="Earliest booking"
          suffix="hours from now"
          min={0}
          max={336}
          value={booking.leadTimeHours}
          readOnly={readOnly}
          disabled={!booking.enabled}
          onValueChange={(leadTimeHours) => set({ leadTimeHours })}
          error={errors[`${P}.booking.leadTimeHours`]}
        />
      </div>
      <TextAreaField
        label="Booking instructions"
        rows={2}
        value={booking.instructions}
        readOnly={readOnly}
        disabled={!booking.enabled}
        placeholder="e.g. Offer two slots at a time; calls are by phone."
        onChange={(e) => set({ instructions: e.target.value })}
        error={errors[`${P}.booking.instructions`]}
      />
    </FormSection>
  );
}

export function EscalationSection({ content, update, errors, readOnly }: TSectionProps) {
  const escalation = content.escalation;
  const set = (patch: Partial<TContentDraft["escalation"]>) =>
    update({ escalation: { ...escalation, ...patch } });
  return (
    <FormSection
      id="escalation"
      title="Escalation and guardrails"
      description="When the agent stops and hands the conversation to a person, and what it must never say."
    >
      <StringListEditor
        label="Escalate when a reply mentions"
        itemLabel="Escalation keyword"
        addLabel="Add keyword"
        values={escalation.keywords}
        onChange={(keywords) => set({ keywords })}
        errors={errors}
        path={`${P}.escalation.keywords`}
        max={30}
        placeholder="e.g. lawyer"
        readOnly={readOnly}
        emptyText="No keywords."
      />
      <NumberField
        label="Escalate after negative replies in a row"
        suffix="replies"
        min={1}
        max={10}
        value={escalation.onNegativeSentimentTurns}
        readOnly={readOnly}
        onValueChange={(onNegativeSentimentTurns) => set({ onNegativeSentimentTurns })}
        error={errors[`${P}.escalation.onNegativeSentimentTurns`]}
      />
      <CheckboxField
        label="Escalate when the lead asks for a person"
        checked={escalation.onHumanRequest}
        disabled={readOnly}
        onChange={(e) => set({ onHumanRequest: e.target.checked })}
      />
      <StringListEditor
        label="Forbidden phrases"
        itemLabel="Forbidden phrase"
        addLabel="Add phrase"
        hint="The agent never uses these, e.g. promises you cannot keep."
        values={content.forbiddenPhrases}
        onChange={(forbiddenPhrases) => update({ forbiddenPhrases })}
        errors={errors}
        path={`${P}.forbiddenPhrases`}
        max={50}
        placeholder="e.g. guaranteed"
        readOnly={readOnly}
        emptyText="No forbidden phrases."
      />
    </FormSection>
  );
}
