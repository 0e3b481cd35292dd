import type { TCampaign } from "@plaibook/shared";
import { clsx } from "clsx";
import { Search, X } from "lucide-react";
import { useId } from "react";
import { focusRing } from "../../components/button";
import { controlClass, controlRing } from "../../components/input";
import { SelectField } from "../../components/select";
import { COMMON_TIME_ZONES, shortZone } from "./lead-format";
import type { TLeadsSearch } from "./leads-search";
import { useDebouncedText } from "./use-debounced-callback";

export type TLeadsToolbarProps = {
  search: TLeadsSearch;
  campaigns: ReadonlyArray<Pick<TCampaign, "id" | "name">>;
  /** Patch the URL state; any filter change goes back to page 1. */
  onChange: (patch: Partial<TLeadsSearch>) => void;
};

/** A search box with a clear button; reports the text after a short pause. */
export function SearchBox({
  value,
  onSearch,
  label,
  placeholder,
  className,
}: {
  value: string;
  onSearch: (text: string) => void;
  label: string;
  placeholder?: string;
  className?: string;
}) {
  const [text, setText] = useDebouncedText(value, onSearch);
  const id = useId();
  return (
    <div className={clsx("relative", className)}>
      <label className="sr-only" htmlFor={id}>
        {label}
      </label>
      <Search
        aria-hidden="true"
        className="pointer-events-none absolute top-2.5 left-3 size-4 text-slate-400"
      />
      <input
        id={id}
        type="search"
        value={text}
        placeholder={placeholder}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") onSearch(text.trim());
        }}
        className={clsx(
          controlClass,
          controlRing(false),
          "h-9 pr-9 pl-9 [&::-webkit-search-cancel-button]:hidden",
        )}
      />
      {text ? (
        <button
          type="button"
          aria-label="Clear search"
          onClick={() => {
            setText("");
            onSearch("");
          }}
          className={clsx(
            "absolute top-1.5 right-1.5 rounded p-1 text-slate-400 hover:text-slate-600",
            focusRing,
          )}
        >
          <X aria-hidden="true" className="size-4" />
        </button>
      ) : null}
    </div>
  );
}

export function LeadsToolbar({ search, campaigns, onChange }: TLeadsToolbarProps) {
  const zones: string[] = [...COMMON_TIME_ZONES];
  if (search.timeZone && !zones.includes(search.timeZone)) zones.push(search.timeZone);
  const campaignKnown = !search.campaignId || campaigns.some((c) => c.id === search.campaignId);
  return (
    <div className="flex flex-col gap-3 border-b border-slate-200 px-4 py-3 lg:flex-row lg:items-end">
      <SearchBox
        label="Search leads"
        placeholder="Search name, phone, email, company…"
        value={search.search ?? ""}
        onSearch={(text) => onChange({ search: text || undefined })}
        className="lg:w-80"
      />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3 lg:flex lg:flex-1 lg:justify-end">
        <SelectField
          label="Campaign"
          hideLabel
          controlSize="sm"
          className="lg:w-52"
          value={search.campaignId ?? ""}
          onChange={(e) => onChange({ campaignId: e.target.value || undefined })}
          options={[
            { value: "", label: "All campaigns" },
            ...(campaignKnown ? [] : [{ value: search.campaignId ?? "", label: "Selected campaign" }]),
            ...campaigns.map((c) => ({ value: c.id, label: c.name })),
          ]}
        />
        <SelectField
          label="Opted out"
          hideLabel
          controlSize="sm"
          className="lg:w-40"
          value={search.optedOut ?? ""}
          onChange={(e) => onChange({ optedOut: (e.target.value || undefined) as TLeadsSearch["optedOut"] })}
          options={[
            { value: "", label: "All statuses" },
            { value: "no", label: "Reachable" },
            { value: "yes", label: "Opted out" },
          ]}
        />
        <SelectField
          label="Time zone"
          hideLabel
          controlSize="sm"
          className="lg:w-44"
          value={search.timeZone ?? ""}
          onChange={(e) => onChange({ timeZone: e.target.value || undefined })}
          options={[
            { value: "", label: "All time zones" },
            ...zones.map((z) => ({ value: z, label: `${shortZone(z)} (${z})` })),
          ]}
        />
      </div>
    </div>
  );
}
