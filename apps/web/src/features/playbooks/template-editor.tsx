import type { TMergeField } from "@plaibook/shared";
import { countSegments, MERGE_FIELDS, renderTemplate } from "@plaibook/shared";
import { clsx } from "clsx";
import { useRef } from "react";
import { focusRing } from "../../components/button";
import { TextAreaField } from "./fields";
import { unknownMergeFields } from "./playbook-draft";

export type TSampleValues = Record<TMergeField, string>;

export const MERGE_FIELD_LABELS: Record<TMergeField, string> = {
  firstName: "First name",
  lastName: "Last name",
  company: "Company",
  agentName: "Agent name",
  businessName: "Business name",
  city: "City",
};

export function sampleValues(overrides: Partial<TSampleValues> = {}): TSampleValues {
  return {
    firstName: "Jordan",
    lastName: "Rivera",
    company: "Rivera Roofing",
    agentName: "Alex",
    businessName: "Acme",
    city: "Austin",
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v?.trim())),
  };
}

/** Characters that force UCS-2 (emoji, curly quotes, dashes…), each once, in order of appearance. */
export function nonGsmCharacters(text: string): string[] {
  return [...new Set([...text].filter((ch) => countSegments(ch).encoding === "UCS-2"))];
}

export type TTemplateEditorProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  samples: TSampleValues;
  readOnly?: boolean;
  hint?: string;
};

/** A message template with merge-field buttons, a live preview with sample values and its SMS segment count. */
export function TemplateEditor({
  label,
  value,
  onChange,
  error,
  samples,
  readOnly = false,
  hint,
}: TTemplateEditorProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const unknown = unknownMergeFields(value);
  const preview = renderTemplate(value, samples);
  const segments = countSegments(preview);
  const limit = segments.encoding === "GSM-7" ? 160 : 70;

  const insert = (field: TMergeField) => {
    const token = `{{${field}}}`;
    const el = ref.current;
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    onChange(value.slice(0, start) + token + value.slice(end));
    // Put the caret after the inserted field once React has rendered the new value.
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  // Name the offending field(s) rather than only listing the allowed ones; shown while typing, too.
  const unknownMessage =
    unknown.length > 0
      ? `Unknown merge field${unknown.length > 1 ? "s" : ""} ${unknown.map((f) => `{{${f}}}`).join(", ")}: use only the fields below.`
      : undefined;
  const nonGsm = segments.encoding === "UCS-2" ? nonGsmCharacters(preview) : [];

  return (
    <div className="space-y-2">
      <TextAreaField
        label={label}
        textareaRef={ref}
        value={value}
        readOnly={readOnly}
        rows={3}
        onChange={(e) => onChange(e.target.value)}
        error={unknownMessage ?? error}
        hint={hint}
      />
      {readOnly ? null : (
        <div className="flex flex-wrap items-center gap-1.5">
          <span className="text-xs text-slate-500">Insert:</span>
          {MERGE_FIELDS.map((field) => (
            <button
              key={field}
              type="button"
              onClick={() => insert(field)}
              aria-label={`Insert ${MERGE_FIELD_LABELS[field]} into ${label}`}
              className={clsx(
                "rounded-md bg-slate-100 px-2 py-0.5 font-mono text-xs text-slate-700 hover:bg-indigo-50 hover:text-indigo-700",
                focusRing,
              )}
            >
              {`{{${field}}}`}
            </button>
          ))}
        </div>
      )}
      <figure aria-label={`Preview of ${label}`} className="rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <figcaption className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
            Preview
          </figcaption>
          <p
            className={clsx("text-xs", segments.segments > 1 ? "text-amber-700" : "text-slate-500")}
            data-testid="segment-count"
          >
            {segments.segments} {segments.segments === 1 ? "segment" : "segments"} · {segments.units}
            {segments.segments === 1 ? `/${limit}` : ""}{" "}
            {segments.encoding === "GSM-7" ? "chars" : "UCS-2 chars"}
          </p>
        </div>
        <p
          data-testid="template-preview"
          className="mt-1.5 max-w-md rounded-2xl rounded-tl-sm bg-white px-3 py-2 text-sm whitespace-pre-wrap text-slate-800 shadow-sm ring-1 ring-slate-200"
        >
          {preview || <span className="text-slate-400">Nothing to send yet.</span>}
        </p>
        {segments.encoding === "UCS-2" ? (
          <p className="mt-1.5 text-xs text-amber-700">
            {nonGsm.map((c) => `“${c}”`).join(" ")} {nonGsm.length === 1 ? "is" : "are"} not in the GSM-7
            alphabet, so the whole message is sent as UCS-2: 70 characters per segment instead of 160.
          </p>
        ) : null}
      </figure>
    </div>
  );
}
