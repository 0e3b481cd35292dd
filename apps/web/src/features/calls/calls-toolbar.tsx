import { CALL_SORTS } from "@plaibook/shared";
import { clsx } from "clsx";
import { X } from "lucide-react";
import type { InputHTMLAttributes } from "react";
import { useId } from "react";
import { Button } from "../../components/button";
import { controlClass, controlRing } from "../../components/input";
import { SelectField } from "../../components/select";
import { useDebouncedText } from "../leads/use-debounced-callback";
import type { TCallSort, TCallsSearch } from "./calls-search";
import { clearedFilters, hasFilters } from "./calls-search";
import { CALL_STATUS_OPTIONS, OBJECTION_CATEGORY_OPTIONS, OUTCOME_OPTIONS, objectionLabel } from "./labels";

export type TCallsToolbarProps = {
  search: TCallsSearch;
  reps: ReadonlyArray<{ id: string; name: string }>;
  /** False for people who see only their own calls. */
  showRep?: boolean;
  /** Patch the URL state; every filter change goes back to page 1. */
  onChange: (patch: Partial<TCallsSearch>) => void;
};

const SORT_LABELS: Record<TCallSort, string> = {
  newest: "Newest first",
  oldest: "Oldest first",
  longest: "Longest first",
  shortest: "Shortest first",
};

function SmallField({
  label,
  className,
  ...rest
}: { label: string } & Omit<InputHTMLAttributes<HTMLInputElement>, "id">) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-600">
        {label}
      </label>
      <input id={id} className={clsx(controlClass, controlRing(false), "h-8 px-2.5")} {...rest} />
    </div>
  );
}

/** Minutes typed into a box, reported after a pause (a bad or empty value clears the filter). */
function MinutesField({
  label,
  value,
  onCommit,
}: {
  label: string;
  value: number | undefined;
  onCommit: (minutes: number | undefined) => void;
}) {
  const [text, setText] = useDebouncedText(value === undefined ? "" : String(value), (next) => {
    const n = Number(next);
    onCommit(next && Number.isFinite(n) && n > 0 ? n : undefined);
  });
  return (
    <SmallField
      label={label}
      type="number"
      inputMode="decimal"
      min={0}
      step="any"
      placeholder="Any"
      value={text}
      onChange={(e) => setText(e.target.value)}
    />
  );
}

/** The Calls list's filters; each one lives in the URL. */
export function CallsToolbar({ search, reps, showRep = true, onChange }: TCallsToolbarProps) {
  const repKnown = !search.rep || reps.some((r) => r.id === search.rep);
  const objectionKnown =
    !search.objection || OBJECTION_CATEGORY_OPTIONS.some((o) => o.value === search.objection);
  const datesReversed = Boolean(search.from && search.to && search.from > search.to);
  const minutesReversed =
    search.minMinutes !== undefined &&
    search.maxMinutes !== undefined &&
    search.minMinutes > search.maxMinutes;
  return (
    <search aria-label="Filter calls" className="block border-b border-slate-200 px-4 py-3">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {showRep ? (
          <SelectField
            label="Rep"
            controlSize="sm"
            className="[&_label]:mb-1 [&_label]:text-xs [&_label]:text-slate-600"
            value={search.rep ?? ""}
            onChange={(e) => onChange({ rep: e.target.value || undefined })}
            options={[
              { value: "", label: "Everyone" },
              ...(repKnown ? [] : [{ value: search.rep ?? "", label: "Selected rep" }]),
              ...reps.map((r) => ({ value: r.id, label: r.name })),
            ]}
          />
        ) : null}
        <SmallField
          label="From"
          type="date"
          value={search.from ?? ""}
          max={search.to}
          onChange={(e) => onChange({ from: e.target.value || undefined })}
        />
        <SmallField
          label="To"
          type="date"
          value={search.to ?? ""}
          min={search.from}
          onChange={(e) => onChange({ to: e.target.value || undefined })}
        />
        <SelectField
          label="Outcome"
          controlSize="sm"
          className="[&_label]:mb-1 [&_label]:text-xs [&_label]:text-slate-600"
          value={search.outcome ?? ""}
          onChange={(e) => onChange({ outcome: (e.target.value || undefined) as TCallsSearch["outcome"] })}
          options={[{ value: "", label: "Any outcome" }, ...OUTCOME_OPTIONS]}
        />
        <SelectField
          label="Objection"
          controlSize="sm"
          className="[&_label]:mb-1 [&_label]:text-xs [&_label]:text-slate-600"
          value={search.objection ?? ""}
          onChange={(e) => onChange({ objection: e.target.value || undefined })}
          options={[
            { value: "", label: "Any or none" },
            ...(objectionKnown
              ? []
              : [{ value: search.objection ?? "", label: objectionLabel(search.objection ?? "") }]),
            ...OBJECTION_CATEGORY_OPTIONS,
          ]}
        />
        <MinutesField
          label="Min length (min)"
          value={search.minMinutes}
          onCommit={(minMinutes) => onChange({ minMinutes })}
        />
        <MinutesField
          label="Max length (min)"
          value={search.maxMinutes}
          onCommit={(maxMinutes) => onChange({ maxMinutes })}
        />
        <SelectField
          label="Status"
          controlSize="sm"
          className="[&_label]:mb-1 [&_label]:text-xs [&_label]:text-slate-600"
          value={search.status ?? ""}
          onChange={(e) => onChange({ status: (e.target.value || undefined) as TCallsSearch["status"] })}
          options={[{ value: "", label: "Any status" }, ...CALL_STATUS_OPTIONS]}
        />
      </div>
      <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-3">
          <SelectField
            label="Sort"
            hideLabel
            controlSize="sm"
            className="w-40"
            value={search.sort ?? "newest"}
            onChange={(e) => {
              const sort = e.target.value as TCallSort;
              onChange({ sort: sort === "newest" ? undefined : sort });
            }}
            options={CALL_SORTS.map((sort) => ({ value: sort, label: SORT_LABELS[sort] }))}
          />
          {datesReversed || minutesReversed ? (
            <p role="alert" className="text-xs font-medium text-amber-800">
              {datesReversed
                ? "The “From” day is after the “To” day."
                : "The minimum length is above the maximum."}
            </p>
          ) : null}
        </div>
        {hasFilters(search) ? (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => onChange(clearedFilters())}
            icon={<X aria-hidden="true" className="size-4" />}
          >
            Clear filters
          </Button>
        ) : null}
      </div>
    </search>
  );
}
