import { type TOrgSmsSettings, ZOrgSmsSettings } from "@plaibook/shared";
import { Button } from "../../components/button";
import { FormError } from "../../components/form-error";
import { TextField } from "../../components/input";
import { useZodForm } from "../../lib/use-zod-form";
import { TextAreaField } from "../playbooks/fields";

type TProps = {
  initial: TOrgSmsSettings;
  readOnly: boolean;
  saving: boolean;
  serverError: string | null;
  onSave: (settings: TOrgSmsSettings) => void;
};

/** Business name on texts and the compliance replies (HELP, opt-out confirmation). */
export function SmsIdentityForm({ initial, readOnly, saving, serverError, onSave }: TProps) {
  const form = useZodForm(ZOrgSmsSettings, initial, onSave);
  return (
    <form onSubmit={form.handleSubmit} noValidate className="space-y-5 p-5">
      <TextField
        label="Business name"
        name="businessName"
        value={form.values.businessName}
        onChange={(e) => form.setValue("businessName", e.target.value)}
        error={form.errors.businessName}
        hint="Carriers expect the first message of a campaign to name you; Plaibook adds this name when a template does not."
        disabled={readOnly}
      />
      <TextAreaField
        label="HELP reply"
        name="helpText"
        value={form.values.helpText}
        onChange={(e) => form.setValue("helpText", e.target.value)}
        error={form.errors.helpText}
        hint="Sent when a lead texts HELP. It must say how to opt out (mention STOP)."
        disabled={readOnly}
      />
      <TextAreaField
        label="Opt-out confirmation"
        name="optOutConfirmation"
        value={form.values.optOutConfirmation}
        onChange={(e) => form.setValue("optOutConfirmation", e.target.value)}
        error={form.errors.optOutConfirmation}
        hint="Sent once when a lead texts STOP. Nothing else is ever sent to that number until it texts START."
        disabled={readOnly}
      />
      <FormError message={serverError} />
      {readOnly ? (
        <p className="text-sm text-slate-500">Only owners and admins can change these texts.</p>
      ) : (
        <div className="flex justify-end">
          <Button type="submit" disabled={saving}>
            {saving ? "Saving…" : "Save"}
          </Button>
        </div>
      )}
    </form>
  );
}
