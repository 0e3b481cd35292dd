import type { FormEvent } from "react";
import { useState } from "react";
import { issuesToFieldErrors } from "./form-errors";

type TSchema<TOut> = {
  safeParse: (value: unknown) =>
    | { success: true; data: TOut }
    | {
        success: false;
        error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> };
      };
};

/**
 * Form state validated with a shared Zod schema on submit. Only parsed (trimmed, normalised) values
 * reach `onValid`; errors clear field by field as the user edits.
 */
export function useZodForm<TValues extends Record<string, string>, TOut>(
  schema: TSchema<TOut>,
  initial: TValues,
  onValid: (data: TOut) => void,
) {
  const [values, setValues] = useState<TValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const setValue = (field: keyof TValues & string, value: string) => {
    setValues((prev) => ({ ...prev, [field]: value }));
    setErrors((prev) => {
      if (!(field in prev)) return prev;
      const { [field]: _removed, ...rest } = prev;
      return rest;
    });
  };

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = schema.safeParse(values);
    if (!result.success) {
      const fieldErrors = issuesToFieldErrors(result.error.issues);
      setErrors(fieldErrors);
      const firstInvalid = Object.keys(fieldErrors)[0];
      if (firstInvalid) event.currentTarget.querySelector<HTMLElement>(`[name="${firstInvalid}"]`)?.focus();
      return;
    }
    setErrors({});
    onValid(result.data);
  };

  const reset = (next: TValues = initial) => {
    setValues(next);
    setErrors({});
  };

  return { values, errors, setValue, handleSubmit, reset };
}
