import { clsx } from "clsx";
import type { SelectHTMLAttributes } from "react";
import { useId } from "react";
import { controlClass, controlRing } from "./input";

export type TSelectOption = { value: string; label: string };

export type TSelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "children"> & {
  label: string;
  options: ReadonlyArray<TSelectOption>;
  error?: string | undefined;
  /** Keep the label for screen readers only (e.g. a select inside a table row). */
  hideLabel?: boolean;
  controlSize?: "sm" | "md";
};

export function SelectField({
  label,
  options,
  error,
  hideLabel = false,
  controlSize = "md",
  className,
  ...rest
}: TSelectFieldProps) {
  const id = useId();
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={className}>
      <label
        htmlFor={id}
        className={clsx(hideLabel ? "sr-only" : "mb-1.5 block text-sm font-medium text-slate-700")}
      >
        {label}
      </label>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
        className={clsx(
          controlClass,
          controlRing(Boolean(error)),
          controlSize === "sm" ? "h-8 pr-7 pl-2.5" : "h-10 pr-9",
        )}
        {...rest}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={errorId} className="mt-1.5 text-xs font-medium text-rose-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
