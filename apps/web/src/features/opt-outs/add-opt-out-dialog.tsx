import type { TOptOut } from "@plaibook/shared";
import { useState } from "react";
import { z } from "zod";
import { Button } from "../../components/button";
import { Dialog } from "../../components/dialog";
import { FormError } from "../../components/form-error";
import { TextField } from "../../components/input";
import { getErrorMessage, getServerFieldErrors } from "../../lib/errors";
import { useZodForm } from "../../lib/use-zod-form";

const ZAddForm = z.object({ phone: z.string().trim().min(3, { error: "Enter a phone number" }).max(40) });

export type TAddOptOutDialogProps = {
  open: boolean;
  onClose: () => void;
  onAdd: (phone: string) => Promise<TOptOut>;
  onAdded?: (optOut: TOptOut) => void;
};

export function AddOptOutDialog(props: TAddOptOutDialogProps) {
  if (!props.open) return null;
  return <AddOptOutForm {...props} />;
}

function AddOptOutForm({ open, onClose, onAdd, onAdded }: TAddOptOutDialogProps) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const form = useZodForm(ZAddForm, { phone: "" }, ({ phone }) => {
    setPending(true);
    setError(null);
    setFieldError(undefined);
    onAdd(phone).then(
      (optOut) => {
        setPending(false);
        onAdded?.(optOut);
        onClose();
      },
      (err: unknown) => {
        setPending(false);
        const fields = getServerFieldErrors(err);
        if (fields.phone) setFieldError(fields.phone);
        else setError(getErrorMessage(err));
      },
    );
  });
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Add a number"
      description="No campaign will text this number again until it is removed here or the person replies START."
      size="sm"
      dismissible={!pending}
    >
      <form noValidate onSubmit={form.handleSubmit} className="space-y-4">
        <TextField
          label="Phone"
          name="phone"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          placeholder="+1 555 010 0001"
          value={form.values.phone}
          onChange={(e) => form.setValue("phone", e.target.value)}
          error={form.errors.phone ?? fieldError}
        />
        <FormError message={error} />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" loading={pending}>
            Add number
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
