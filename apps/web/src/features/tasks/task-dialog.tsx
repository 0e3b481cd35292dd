import type { TTask, TTaskInput, TTeamMember } from "@plaibook/shared";
import { clsx } from "clsx";
import type { ReactNode } from "react";
import { useId, useState } from "react";
import { z } from "zod";
import { Button } from "../../components/button";
import { Dialog } from "../../components/dialog";
import { FormError } from "../../components/form-error";
import { controlClass, controlRing, TextField } from "../../components/input";
import { SelectField } from "../../components/select";
import { getErrorMessage, getServerFieldErrors } from "../../lib/errors";
import { useZodForm } from "../../lib/use-zod-form";

/** "2025-03-04T15:30" in the browser's zone → ISO instant; blank → null. */
export function localInputToIso(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** An ISO instant → the value a datetime-local input shows in the browser's zone. */
export function isoToLocalInput(iso: string | null): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const ZTaskForm = z
  .object({
    note: z.string().trim().min(1, { error: "Write what needs doing" }).max(2000),
    leadId: z.string(),
    assigneeId: z.string(),
    dueAt: z
      .string()
      .refine((v) => v === "" || localInputToIso(v) !== null, { error: "Pick a valid date and time" }),
  })
  .transform(
    (v): TTaskInput => ({
      note: v.note,
      leadId: v.leadId || null,
      assigneeId: v.assigneeId || null,
      dueAt: localInputToIso(v.dueAt),
    }),
  );

type TFormValues = { note: string; leadId: string; assigneeId: string; dueAt: string };

export type TTaskDialogProps = {
  open: boolean;
  onClose: () => void;
  assignees: ReadonlyArray<Pick<TTeamMember, "id" | "name" | "status">>;
  defaultAssigneeId?: string;
  /** The task is about this lead (fixed, e.g. on the lead page). */
  lead?: { id: string; name: string } | null;
  /** Lets the user pick a lead when none is fixed. */
  renderLeadPicker?: (
    value: { id: string; name: string } | null,
    onChange: (lead: { id: string; name: string } | null) => void,
  ) => ReactNode;
  onCreate: (input: TTaskInput) => Promise<TTask>;
  onCreated?: (task: TTask) => void;
};

export function TaskDialog(props: TTaskDialogProps) {
  if (!props.open) return null;
  return <TaskForm {...props} />;
}

function TaskForm({
  open,
  onClose,
  assignees,
  defaultAssigneeId = "",
  lead = null,
  renderLeadPicker,
  onCreate,
  onCreated,
}: TTaskDialogProps) {
  const noteId = useId();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [serverFieldErrors, setServerFieldErrors] = useState<Record<string, string>>({});
  const [pickedLead, setPickedLead] = useState<{ id: string; name: string } | null>(null);

  const initial: TFormValues = { note: "", leadId: lead?.id ?? "", assigneeId: defaultAssigneeId, dueAt: "" };
  const form = useZodForm(ZTaskForm, initial, (input) => {
    setPending(true);
    setError(null);
    setServerFieldErrors({});
    onCreate(input).then(
      (task) => {
        setPending(false);
        onCreated?.(task);
        onClose();
      },
      (err: unknown) => {
        setPending(false);
        setError(getErrorMessage(err));
        setServerFieldErrors(getServerFieldErrors(err));
      },
    );
  });

  const noteError = form.errors.note ?? serverFieldErrors.note;
  const activeAssignees = assignees.filter((a) => a.status !== "deactivated");

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="New task"
      description={lead ? `About ${lead.name}.` : undefined}
      dismissible={!pending}
    >
      <form noValidate onSubmit={form.handleSubmit} className="space-y-4">
        <div>
          <label htmlFor={noteId} className="block text-sm font-medium text-slate-700">
            What needs doing?
          </label>
          <textarea
            id={noteId}
            name="note"
            rows={3}
            value={form.values.note}
            onChange={(e) => form.setValue("note", e.target.value)}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={noteError ? `${noteId}-error` : undefined}
            placeholder="Call back about pricing after 3pm"
            className={clsx(controlClass, controlRing(Boolean(noteError)), "mt-1.5 resize-y py-2")}
          />
          {noteError ? (
            <p id={`${noteId}-error`} className="mt-1.5 text-xs font-medium text-rose-600">
              {noteError}
            </p>
          ) : null}
        </div>
        {!lead && renderLeadPicker
          ? renderLeadPicker(pickedLead, (next) => {
              setPickedLead(next);
              form.setValue("leadId", next?.id ?? "");
            })
          : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label="Assignee"
            name="assigneeId"
            value={form.values.assigneeId}
            onChange={(e) => form.setValue("assigneeId", e.target.value)}
            error={form.errors.assigneeId ?? serverFieldErrors.assigneeId}
            options={[
              { value: "", label: "Unassigned" },
              ...activeAssignees.map((a) => ({ value: a.id, label: a.name })),
            ]}
          />
          <TextField
            label="Due"
            name="dueAt"
            type="datetime-local"
            value={form.values.dueAt}
            onChange={(e) => form.setValue("dueAt", e.target.value)}
            error={form.errors.dueAt ?? serverFieldErrors.dueAt}
          />
        </div>
        <FormError message={error} />
        <div className="flex flex-col-reverse gap-2 pt-1 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" loading={pending}>
            Create task
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
