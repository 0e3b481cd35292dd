import type { TLoginInput } from "@plaibook/shared";
import { ZLoginInput } from "@plaibook/shared";
import { Button } from "../../components/button";
import { FormError } from "../../components/form-error";
import { TextField } from "../../components/input";
import { useZodForm } from "../../lib/use-zod-form";

export type TLoginFormProps = {
  onSubmit: (input: TLoginInput) => void;
  pending?: boolean;
  /** The server's message for a failed attempt, shown above the button. */
  error?: string | null;
  fieldErrors?: Record<string, string>;
};

export function LoginForm({ onSubmit, pending = false, error, fieldErrors = {} }: TLoginFormProps) {
  const form = useZodForm(ZLoginInput, { email: "", password: "" }, onSubmit);
  return (
    <form noValidate onSubmit={form.handleSubmit} className="space-y-5">
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
        autoComplete="current-password"
        value={form.values.password}
        onChange={(e) => form.setValue("password", e.target.value)}
        error={form.errors.password ?? fieldErrors.password}
      />
      <FormError message={error} />
      <Button type="submit" className="w-full" loading={pending}>
        Sign in
      </Button>
    </form>
  );
}
