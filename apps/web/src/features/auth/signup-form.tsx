import type { TSignupInput } from "@plaibook/shared";
import { PASSWORD_MIN_LENGTH, ZSignupInput } from "@plaibook/shared";
import { Button } from "../../components/button";
import { FormError } from "../../components/form-error";
import { TextField } from "../../components/input";
import { useZodForm } from "../../lib/use-zod-form";

export type TSignupFormProps = {
  onSubmit: (input: TSignupInput) => void;
  pending?: boolean;
  error?: string | null;
  fieldErrors?: Record<string, string>;
};

export function SignupForm({ onSubmit, pending = false, error, fieldErrors = {} }: TSignupFormProps) {
  const form = useZodForm(ZSignupInput, { orgName: "", name: "", email: "", password: "" }, onSubmit);
  return (
    <form noValidate onSubmit={form.handleSubmit} className="space-y-5">
      <TextField
        label="Organisation name"
        name="orgName"
        autoComplete="organization"
        value={form.values.orgName}
        onChange={(e) => form.setValue("orgName", e.target.value)}
        error={form.errors.orgName ?? fieldErrors.orgName}
      />
      <TextField
        label="Your name"
        name="name"
        autoComplete="name"
        value={form.values.name}
        onChange={(e) => form.setValue("name", e.target.value)}
        error={form.errors.name ?? fieldErrors.name}
      />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        value={form.values.email}
        onChange={(e) => form.setValue("email", e.target.value)}
        error={form.errors.email ?? fieldErrors.email}
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
      <FormError message={error} />
      <Button type="submit" className="w-full" loading={pending}>
        Create account
      </Button>
    </form>
  );
}
