import { clsx } from "clsx";
import type { InputHTMLAttributes, ReactNode } from "react";
import { useId } from "react";

export const controlClass =
  "block w-full rounded-md border-0 bg-white px-3 text-sm text-slate-900 shadow-sm ring-1 ring-inset placeholder:text-slate-400 focus:outline-none focus:ring-2 focus:ring-inset disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500";

export function controlRing(invalid: boolean): string {
  return invalid ? "ring-rose-400 focus:ring-rose-500" : "ring-slate-300 focus:ring-indigo-600";
}

type TFieldProps = {
  label: string;
  /** Validation message shown under the field and announced with it. */
  error?: string | undefined;
  hint?: ReactNode;
};

export type TTextFieldProps = TFieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "id">;

/** A labelled text input; the label, hint and error are all bound to the input for assistive tech. */
export function TextField({ label, error, hint, className, ...rest }: TTextFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={clsx(errorId, hintId) || undefined}
        className={clsx(controlClass, controlRing(Boolean(error)), "mt-1.5 h-10")}
        {...rest}
      />
      {hint && !error ? (
        <p id={hintId} className="mt-1.5 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="mt-1.5 text-xs font-medium text-rose-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
