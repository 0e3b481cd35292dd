import type { TCampaign, TLead, TLeadInput } from "@plaibook/shared";
import { ZLeadInput } from "@plaibook/shared";
import { useId, useState } from "react";
import { z } from "zod";
import { Button } from "../../components/button";
import { Dialog } from "../../components/dialog";
import { FormError } from "../../components/form-error";
import { TextField } from "../../components/input";
import { SelectField } from "../../components/select";
import { getErrorMessage, getServerFieldErrors } from "../../lib/errors";
import { useZodForm } from "../../lib/use-zod-form";
import { COMMON_TIME_ZONES } from "./lead-format";

export type TLeadFormSubmit = TLeadInput & { campaignId?: string };

const ZLeadForm = ZLeadInput.extend({ campaignId: z.string() });

type TFormValues = {
  phone: string;
  firstName: string;
  lastName: string;
  email: string;
  company: string;
  city: string;
  timeZone: string;
  campaignId: string;
};

function valuesOf(lead: TLead | null, campaignId: string): TFormValues {
  return {
    phone: lead?.phone ?? "",
    firstName: lead?.firstName ?? "",
    lastName: lead?.lastName ?? "",
    email: lead?.email ?? "",
    company: lead?.company ?? "",
    city: lead?.city ?? "",
    // A zone derived from the area code stays derived unless someone sets one on purpose.
    timeZone: lead && lead.timeZoneSource === "column" ? lead.timeZone : "",
    campaignId,
  };
}

export type TLeadFormDialogProps = {
  open: boolean;
  onClose: () => void;
  /** Editing this lead; null adds a new one. */
  lead?: TLead | null;
  /** Offered when adding (the lead joins the campaign); ignored when editing. */
  campaigns?: ReadonlyArray<Pick<TCampaign, "id" | "name" | "status">>;
  defaultCampaignId?: string;
  onSubmit: (input: TLeadFormSubmit) => Promise<TLead>;
  onSaved?: (lead: TLead) => void;
};

export function LeadFormDialog(props: TLeadFormDialogProps) {
  // Remount per open so the form starts from the lead's current values.
  if (!props.open) return null;
  return <LeadForm {...props} />;
}

function LeadForm({
  open,
  onClose,
  lead = null,
  campaigns = [],
  defaultCampaignId = "",
  onSubmit,
  onSaved,
}: TLeadFormDialogProps) {
  const editing = lead !== null;
  const zoneListId = useId();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [serverFieldErrors, setServerFieldErrors] = useState<Record<string, string>>({});
  const usableCampaigns = campaigns.filter((c) => c.status !== "completed");

  const form = useZodForm(ZLeadForm, valuesOf(lead, defaultCampaignId), ({ campaignId, ...input }) => {
    setPending(true);
    setError(null);
    setServerFieldErrors({});
    const payload: TLeadFormSubmit = !editing && campaignId ? { ...input, campaignId } : input;
    onSubmit(payload).then(
      (saved) => {
        setPending(false);
        onSaved?.(saved);
        onClose();
      },
      (err: unknown) => {
        setPending(false);
        setError(getErrorMessage(err));
        setServerFieldErrors(getServerFieldErrors(err));
      },
    );
  });

  const field = (name: keyof TFormValues) => ({
    name,
    value: form.values[name],
    onChange: (e: { target: { value: string } }) => form.setValue(name, e.target.value),
    error: form.errors[name] ?? serverFieldErrors[name],
  });

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={editing ? "Edit lead" : "Add lead"}
      description={
        editing
          ? undefined
          : "Phone numbers are stored in international format (+1…). US numbers can be typed as you like."
      }
      dismissible={!pending}
    >
      <form noValidate onSubmit={form.handleSubmit} className="space-y-4">
        <TextField
          label="Phone"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          placeholder="(555) 010-0001"
          {...field("phone")}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="First name" autoComplete="off" {...field("firstName")} />
          <TextField label="Last name" autoComplete="off" {...field("lastName")} />
        </div>
        <TextField label="Email" type="email" inputMode="email" autoComplete="off" {...field("email")} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Company" autoComplete="off" {...field("company")} />
          <TextField label="City" autoComplete="off" {...field("city")} />
        </div>
        <TextField
          label="Time zone"
          list={zoneListId}
          autoComplete="off"
          placeholder="America/Chicago"
          hint="Leave blank to work it out from the phone's area code."
          {...field("timeZone")}
        />
        <datalist id={zoneListId}>
          {COMMON_TIME_ZONES.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        {!editing && usableCampaigns.length > 0 ? (
          <SelectField
            label="Add to campaign (optional)"
            {...field("campaignId")}
            options={[
              { value: "", label: "No campaign" },
              ...usableCampaigns.map((c) => ({ value: c.id, label: c.name })),
            ]}
          />
        ) : null}
        <FormError message={error} />
        <div className="flex flex-col-reverse gap-2 pt-1 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" loading={pending}>
            {editing ? "Save changes" : "Add lead"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
