import { clsx } from "clsx";
import type {
  ButtonHTMLAttributes,
  InputHTMLAttributes,
  ReactNode,
  Ref,
  TextareaHTMLAttributes,
} from "react";
import { useId } from "react";
import { focusRing } from "../../components/button";
import { controlClass, controlRing } from "../../components/input";

/**
 * Form pieces the kit does not have yet (multi-line text, checkbox, number, small icon button). They
 * follow the kit's TextField: label, hint and error bound to the control for assistive tech.
 */

type TFieldMeta = { label: string; error?: string | undefined; hint?: ReactNode; hideLabel?: boolean };

function FieldMessages({ id, error, hint }: { id: string; error?: string | undefined; hint?: ReactNode }) {
  return (
    <>
      {hint && !error ? (
        <p id={`${id}-hint`} className="mt-1.5 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1.5 text-xs font-medium text-rose-600">
          {error}
        </p>
      ) : null}
    </>
  );
}

function describedBy(id: string, error?: string, hint?: ReactNode): string | undefined {
  return clsx(error && `${id}-error`, hint && !error && `${id}-hint`) || undefined;
}

export type TTextAreaFieldProps = TFieldMeta &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id"> & { textareaRef?: Ref<HTMLTextAreaElement> };

export function TextAreaField({
  label,
  error,
  hint,
  hideLabel,
  className,
  textareaRef,
  rows = 3,
  ...rest
}: TTextAreaFieldProps) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className={hideLabel ? "sr-only" : "block text-sm font-medium text-slate-700"}>
        {label}
      </label>
      <textarea
        id={id}
        ref={textareaRef}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        className={clsx(controlClass, controlRing(Boolean(error)), "py-2", !hideLabel && "mt-1.5")}
        {...rest}
      />
      <FieldMessages id={id} error={error} hint={hint} />
    </div>
  );
}

export type TNumberFieldProps = TFieldMeta &
  Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "value" | "onChange" | "type"> & {
    value: number;
    onValueChange: (value: number) => void;
    suffix?: string;
  };

/** A whole-number input; an empty box is NaN, which the schema reports as "Enter a whole number". */
export function NumberField({
  label,
  error,
  hint,
  hideLabel,
  className,
  value,
  onValueChange,
  suffix,
  ...rest
}: TNumberFieldProps) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className={hideLabel ? "sr-only" : "block text-sm font-medium text-slate-700"}>
        {label}
      </label>
      <div className={clsx("flex items-center gap-2", !hideLabel && "mt-1.5")}>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          step={1}
          value={Number.isNaN(value) ? "" : value}
          onChange={(e) => onValueChange(e.target.value === "" ? Number.NaN : e.target.valueAsNumber)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, error, hint)}
          className={clsx(controlClass, controlRing(Boolean(error)), "h-10 w-28")}
          {...rest}
        />
        {suffix ? <span className="text-sm text-slate-500">{suffix}</span> : null}
      </div>
      <FieldMessages id={id} error={error} hint={hint} />
    </div>
  );
}

export type TCheckboxFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type"> & {
  label: string;
  description?: ReactNode;
};

export function CheckboxField({ label, description, className, ...rest }: TCheckboxFieldProps) {
  const id = useId();
  return (
    <div className={clsx("flex items-start gap-3", className)}>
      <input
        id={id}
        type="checkbox"
        aria-describedby={description ? `${id}-description` : undefined}
        className="mt-0.5 size-4 shrink-0 rounded border-slate-300 accent-indigo-600 disabled:cursor-not-allowed"
        {...rest}
      />
      <div className="text-sm">
        <label htmlFor={id} className="font-medium text-slate-700">
          {label}
        </label>
        {description ? (
          <p id={`${id}-description`} className="text-slate-500">
            {description}
          </p>
        ) : null}
      </div>
    </div>
  );
}

export type TIconButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "aria-label"> & {
  label: string;
  tone?: "neutral" | "danger";
  /**
   * Greys the button out but keeps it focusable (aria-disabled), so focus is not lost when, say, a
   * stage moved to the top can no longer move up.
   */
  inactive?: boolean;
};

export function IconButton({
  label,
  tone = "neutral",
  inactive = false,
  className,
  onClick,
  children,
  ...rest
}: TIconButtonProps) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-disabled={inactive || undefined}
      onClick={(e) => {
        if (!inactive) onClick?.(e);
      }}
      className={clsx(
        "inline-flex size-8 items-center justify-center rounded-md transition-colors",
        focusRing,
        inactive
          ? "cursor-not-allowed text-slate-300"
          : tone === "danger"
            ? "text-slate-500 hover:bg-rose-50 hover:text-rose-600"
            : "text-slate-500 hover:bg-slate-100 hover:text-slate-900",
        className,
      )}
      {...rest}
    >
      {children}
    </button>
  );
}

/** A titled form section (fieldset + legend) with an optional section-level error. */
export function FormSection({
  id,
  title,
  description,
  error,
  actions,
  children,
}: {
  id?: string;
  title: string;
  description?: ReactNode;
  error?: string | undefined;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section
      id={id}
      aria-labelledby={id ? `${id}-title` : undefined}
      className="scroll-mt-6 rounded-xl bg-white shadow-sm ring-1 ring-slate-200"
    >
      <div className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 px-5 py-4">
        <div className="min-w-0">
          <h2 id={id ? `${id}-title` : undefined} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          {description ? <p className="mt-1 text-sm text-slate-500">{description}</p> : null}
          {error ? <p className="mt-1.5 text-sm font-medium text-rose-600">{error}</p> : null}
        </div>
        {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
      </div>
      <div className="space-y-5 px-5 py-5">{children}</div>
    </section>
  );
}
