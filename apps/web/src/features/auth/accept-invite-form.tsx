import type { TAcceptInviteInput } from "@plaibook/shared";
import { PASSWORD_MIN_LENGTH, ZAcceptInviteInput } from "@plaibook/shared";
import { Button } from "../../components/button";
import { FormError } from "../../components/form-error";
import { TextField } from "../../components/input";
import { useZodForm } from "../../lib/use-zod-form";

export type TAcceptInviteFormProps = {
  token: string;
  onSubmit: (input: TAcceptInviteInput) => void;
  pending?: boolean;
  error?: string | null;
  fieldErrors?: Record<string, string>;
};

export function AcceptInviteForm({
  token,
  onSubmit,
  pending = false,
  error,
  fieldErrors = {},
}: TAcceptInviteFormProps) {
  const form = useZodForm(ZAcceptInviteInput, { token, name: "", password: "" }, onSubmit);
  return (
    <form noValidate onSubmit={form.handleSubmit} className="space-y-5">
      <TextField
        label="Your name"
        name="name"
        autoComplete="name"
        value={form.values.name}
        onChange={(e) => form.setValue("name", e.target.value)}
        error={form.errors.name ?? fieldErrors.name}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        value={form.values.password}
        onChange={(e) => form.setValue("password", e.target.value)}
        error={form.errors.password ?? fieldErrors.password}
      />
      <FormError message={form.errors.token ? "This invite link is not valid." : error} />
      <Button type="submit" className="w-full" loading={pending}>
        Join team
      </Button>
    </form>
  );
}
