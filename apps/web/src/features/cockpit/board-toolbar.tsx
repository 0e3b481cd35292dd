import type { TBoardCounts, TBoardStatus } from "@plaibook/shared";
import { BOARD_SORT_LABELS, BOARD_SORTS, BOARD_STATUS_LABELS, BOARD_STATUSES } from "@plaibook/shared";
import { clsx } from "clsx";
import { focusRing } from "../../components/button";
import { SelectField } from "../../components/select";
import { stageLabel } from "../leads/conversation-controls";
import type { TCockpitSearch } from "./cockpit-search";

const STATUS_TONES: Record<TBoardStatus | "all", string> = {
  all: "text-slate-900",
  escalated: "text-rose-700",
  needs_approval: "text-amber-700",
  human: "text-emerald-700",
  ai: "text-indigo-700",
};

/** The counters per status, which are also the status filter (one pressed at a time; All clears it). */
export function StatusTabs({
  counts,
  status,
  onChange,
}: {
  counts: TBoardCounts | undefined;
  status: TBoardStatus | undefined;
  onChange: (status: TBoardStatus | undefined) => void;
}) {
  const items: Array<{ value: TBoardStatus | "all"; label: string }> = [
    { value: "all", label: "All" },
    ...BOARD_STATUSES.map((s) => ({ value: s, label: BOARD_STATUS_LABELS[s] })),
  ];
  return (
    <fieldset>
      <legend className="sr-only">Filter by status</legend>
      <div className="-mx-1 flex gap-2 overflow-x-auto px-1 pb-1 sm:mx-0 sm:grid sm:grid-cols-5 sm:overflow-visible sm:px-0 sm:pb-0">
        {items.map((item) => {
          const pressed = (status ?? "all") === item.value;
          const count = counts?.[item.value];
          return (
            <button
              key={item.value}
              type="button"
              aria-pressed={pressed}
              onClick={() => onChange(item.value === "all" ? undefined : item.value)}
              className={clsx(
                "flex min-w-[6.5rem] shrink-0 flex-col items-start rounded-lg px-3 py-2 text-left ring-1 transition-colors sm:min-w-0",
                focusRing,
                pressed ? "bg-indigo-50 ring-indigo-300" : "bg-white ring-slate-200 hover:bg-slate-50",
              )}
            >
              <span className="text-xs font-medium text-slate-500">{item.label}</span>
              <span className={clsx("text-xl font-semibold tabular-nums", STATUS_TONES[item.value])}>
                {count === undefined ? "–" : count.toLocaleString()}
              </span>
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}

function Toggle({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <label className="inline-flex h-8 cursor-pointer items-center gap-2 text-sm text-slate-700">
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        className="size-4 rounded border-slate-300 text-indigo-600 accent-indigo-600"
      />
      {label}
    </label>
  );
}

/** Campaign, stage, sentiment, mine, closed and sort: all kept in the URL. */
export function BoardFilters({
  search,
  campaigns,
  stages,
  onChange,
}: {
  search: TCockpitSearch;
  campaigns: ReadonlyArray<{ id: string; name: string }>;
  stages: ReadonlyArray<string>;
  onChange: (patch: Partial<TCockpitSearch>) => void;
}) {
  return (
    <div className="grid grid-cols-2 items-end gap-2 sm:flex sm:flex-wrap sm:gap-x-3">
      <SelectField
        label="Campaign"
        hideLabel
        controlSize="sm"
        className="sm:w-44"
        value={search.campaignId ?? ""}
        options={[
          { value: "", label: "All campaigns" },
          ...campaigns.map((c) => ({ value: c.id, label: c.name })),
        ]}
        onChange={(e) => onChange({ campaignId: e.target.value || undefined })}
      />
      <SelectField
        label="Stage"
        hideLabel
        controlSize="sm"
        className="sm:w-40"
        value={search.stage ?? ""}
        options={[
          { value: "", label: "All stages" },
          ...stages.map((s) => ({ value: s, label: stageLabel(s) })),
        ]}
        onChange={(e) => onChange({ stage: e.target.value || undefined })}
      />
      <SelectField
        label="Sentiment"
        hideLabel
        controlSize="sm"
        className="sm:w-40"
        value={search.sentiment ?? ""}
        options={[
          { value: "", label: "Any sentiment" },
          { value: "negative", label: "Negative" },
          { value: "neutral", label: "Neutral" },
          { value: "positive", label: "Positive" },
        ]}
        onChange={(e) =>
          onChange({ sentiment: (e.target.value || undefined) as TCockpitSearch["sentiment"] })
        }
      />
      <SelectField
        label="Sort"
        hideLabel
        controlSize="sm"
        className="sm:w-40"
        value={search.sort ?? "recent"}
        options={BOARD_SORTS.map((s) => ({ value: s, label: BOARD_SORT_LABELS[s] }))}
        onChange={(e) =>
          onChange({
            sort: e.target.value === "recent" ? undefined : (e.target.value as TCockpitSearch["sort"]),
          })
        }
      />
      <Toggle
        label="Assigned to me"
        checked={Boolean(search.mine)}
        onChange={(v) => onChange({ mine: v || undefined })}
      />
      <Toggle
        label="Show closed"
        checked={Boolean(search.closed)}
        onChange={(v) => onChange({ closed: v || undefined })}
      />
    </div>
  );
}
