import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { Button } from "../../components/button";
import { TextField } from "../../components/input";
import { IconButton, TextAreaField } from "./fields";
import type { TFieldErrors, TStageDraft } from "./playbook-draft";
import { emptyStage, moveItem } from "./playbook-draft";
import { StringListEditor } from "./string-list-editor";

const MAX_STAGES = 12;

export type TStageListEditorProps = {
  stages: ReadonlyArray<TStageDraft>;
  onChange: (stages: TStageDraft[]) => void;
  /** Errors keyed from `content.stages`. */
  errors: TFieldErrors;
  readOnly?: boolean;
};

/** The conversation's ordered stages: edit each, add, remove, move up and down. */
export function StageListEditor({ stages, onChange, errors, readOnly = false }: TStageListEditorProps) {
  const set = (index: number, patch: Partial<TStageDraft>) =>
    onChange(stages.map((s, i) => (i === index ? { ...s, ...patch } : s)));

  return (
    <div className="space-y-4">
      <ol className="space-y-4">
        {stages.map((stage, index) => {
          const path = `content.stages.${index}`;
          const title = stage.name.trim() || "Untitled stage";
          return (
            <li
              key={stage.uid}
              aria-label={`Stage ${index + 1}: ${title}`}
              className="rounded-lg ring-1 ring-slate-200"
            >
              <div className="flex items-center justify-between gap-2 rounded-t-lg bg-slate-50 px-4 py-2">
                <p className="min-w-0 truncate text-sm font-semibold text-slate-800">
                  <span className="mr-2 inline-flex size-6 items-center justify-center rounded-full bg-indigo-100 text-xs text-indigo-700">
                    {index + 1}
                  </span>
                  {title}
                </p>
                {readOnly ? null : (
                  <div className="flex shrink-0 items-center">
                    <IconButton
                      label={`Move stage ${index + 1} up`}
                      inactive={index === 0}
                      onClick={() => onChange(moveItem(stages, index, index - 1))}
                    >
                      <ArrowUp aria-hidden="true" className="size-4" />
                    </IconButton>
                    <IconButton
                      label={`Move stage ${index + 1} down`}
                      inactive={index === stages.length - 1}
                      onClick={() => onChange(moveItem(stages, index, index + 1))}
                    >
                      <ArrowDown aria-hidden="true" className="size-4" />
                    </IconButton>
                    <IconButton
                      label={`Remove stage ${index + 1}`}
                      tone="danger"
                      onClick={() => onChange(stages.filter((_, i) => i !== index))}
                    >
                      <Trash2 aria-hidden="true" className="size-4" />
                    </IconButton>
                  </div>
                )}
              </div>
              <div className="grid gap-4 p-4 sm:grid-cols-[12rem_1fr]">
                <TextField
                  label="Key"
                  value={stage.key}
                  readOnly={readOnly}
                  hint="lower_case, unique"
                  spellCheck={false}
                  autoCapitalize="off"
                  onChange={(e) => set(index, { key: e.target.value })}
                  error={errors[`${path}.key`]}
                />
                <TextField
                  label="Name"
                  value={stage.name}
                  readOnly={readOnly}
                  onChange={(e) => set(index, { name: e.target.value })}
                  error={errors[`${path}.name`]}
                />
                <TextAreaField
                  className="sm:col-span-2"
                  label="Goal of this stage"
                  rows={2}
                  value={stage.goal}
                  readOnly={readOnly}
                  onChange={(e) => set(index, { goal: e.target.value })}
                  error={errors[`${path}.goal`]}
                />
                <div className="sm:col-span-2">
                  <StringListEditor
                    label="Questions to ask"
                    itemLabel={`Stage ${index + 1} question`}
                    addLabel="Add question"
                    values={stage.questions}
                    onChange={(questions) => set(index, { questions })}
                    errors={errors}
                    path={`${path}.questions`}
                    max={10}
                    readOnly={readOnly}
                    emptyText="No set questions: the agent works towards the goal in its own words."
                  />
                </div>
                <TextAreaField
                  className="sm:col-span-2"
                  label="Move on when"
                  rows={2}
                  value={stage.advanceWhen}
                  readOnly={readOnly}
                  onChange={(e) => set(index, { advanceWhen: e.target.value })}
                  error={errors[`${path}.advanceWhen`]}
                />
              </div>
            </li>
          );
        })}
      </ol>
      {readOnly || stages.length >= MAX_STAGES ? null : (
        <Button
          variant="secondary"
          size="sm"
          icon={<Plus aria-hidden="true" className="size-4" />}
          onClick={() => onChange([...stages, emptyStage()])}
        >
          Add stage
        </Button>
      )}
    </div>
  );
}
