import { clsx } from "clsx";
import { Plus, X } from "lucide-react";
import { useEffect, useRef } from "react";
import { Button } from "../../components/button";
import { controlClass, controlRing } from "../../components/input";
import { IconButton } from "./fields";
import type { TFieldErrors } from "./playbook-draft";

export type TStringListEditorProps = {
  /** Group label, e.g. "Questions". */
  label: string;
  /** Accessible name of one row, e.g. "Question" → "Question 2". */
  itemLabel: string;
  addLabel: string;
  values: ReadonlyArray<string>;
  onChange: (values: string[]) => void;
  /** Errors keyed `${path}.${index}` (and `${path}` for the list itself). */
  errors: TFieldErrors;
  path: string;
  max: number;
  placeholder?: string;
  hint?: string;
  readOnly?: boolean;
  emptyText?: string;
};

/** An editable list of short texts: one input per item, add at the end, remove any. */
export function StringListEditor({
  label,
  itemLabel,
  addLabel,
  values,
  onChange,
  errors,
  path,
  max,
  placeholder,
  hint,
  readOnly = false,
  emptyText = "None yet.",
}: TStringListEditorProps) {
  const listRef = useRef<HTMLUListElement>(null);
  const focusIndex = useRef<number | null>(null);

  // After adding or removing a row, put focus where the keyboard user expects it.
  useEffect(() => {
    if (focusIndex.current === null) return;
    const inputs = listRef.current?.querySelectorAll<HTMLInputElement>("input");
    const target = inputs?.[Math.min(focusIndex.current, (inputs?.length ?? 1) - 1)];
    focusIndex.current = null;
    target?.focus();
  });

  const listError = errors[path];
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-700">{label}</legend>
      {hint ? <p className="mt-0.5 text-xs text-slate-500">{hint}</p> : null}
      {values.length === 0 ? <p className="mt-1.5 text-sm text-slate-400">{emptyText}</p> : null}
      <ul ref={listRef} className="mt-1.5 space-y-2">
        {values.map((value, index) => {
          const error = errors[`${path}.${index}`];
          const name = `${itemLabel} ${index + 1}`;
          const errorId = `${path}.${index}-error`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are plain controlled strings; the index is their identity
            <li key={index}>
              <div className="flex items-center gap-1.5">
                <input
                  aria-label={name}
                  value={value}
                  placeholder={placeholder}
                  readOnly={readOnly}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? errorId : undefined}
                  onChange={(e) => onChange(values.map((v, i) => (i === index ? e.target.value : v)))}
                  className={clsx(controlClass, controlRing(Boolean(error)), "h-9 min-w-0 flex-1")}
                />
                {readOnly ? null : (
                  <IconButton
                    label={`Remove ${name.toLowerCase()}`}
                    tone="danger"
                    onClick={() => {
                      focusIndex.current = index;
                      onChange(values.filter((_, i) => i !== index));
                    }}
                  >
                    <X aria-hidden="true" className="size-4" />
                  </IconButton>
                )}
              </div>
              {error ? (
                <p id={errorId} className="mt-1 text-xs font-medium text-rose-600">
                  {error}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      {listError ? <p className="mt-1.5 text-xs font-medium text-rose-600">{listError}</p> : null}
      {readOnly || values.length >= max ? null : (
        <Button
          variant="ghost"
          size="sm"
          className="mt-2 -ml-2.5"
          icon={<Plus aria-hidden="true" className="size-4" />}
          onClick={() => {
            focusIndex.current = values.length;
            onChange([...values, ""]);
          }}
        >
          {addLabel}
        </Button>
      )}
    </fieldset>
  );
}
