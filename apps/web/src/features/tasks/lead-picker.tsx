import { X } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "../../components/button";
import { TextField } from "../../components/input";
import { Spinner } from "../../components/spinner";
import { formatPhone, leadName } from "../leads/lead-format";
import { useDebouncedText } from "../leads/use-debounced-callback";
import { useLeadsPage } from "../leads/use-leads";

type TPicked = { id: string; name: string } | null;

/** Finds a lead by name or phone for a new task; optional. */
export function LeadPicker({ value, onChange }: { value: TPicked; onChange: (lead: TPicked) => void }) {
  const [query, setQuery] = useState("");
  const [text, setText] = useDebouncedText(query, setQuery, 250);
  const listId = useId();
  const enabled = query.length > 0;
  const results = useLeadsPage({ search: query, pageSize: 10, sort: "name", direction: "asc" }, { enabled });

  if (value) {
    return (
      <div>
        <p className="block text-sm font-medium text-slate-700">Lead</p>
        <div className="mt-1.5 flex items-center justify-between gap-2 rounded-md bg-slate-50 px-3 py-2 ring-1 ring-slate-200">
          <span className="truncate text-sm text-slate-900">{value.name}</span>
          <Button
            variant="ghost"
            size="sm"
            aria-label={`Remove lead ${value.name}`}
            onClick={() => {
              onChange(null);
              setText("");
            }}
            icon={<X aria-hidden="true" className="size-4" />}
          />
        </div>
      </div>
    );
  }

  return (
    <div>
      <TextField
        label="Lead (optional)"
        type="search"
        autoComplete="off"
        placeholder="Search by name or phone"
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-controls={listId}
      />
      {enabled ? (
        <div id={listId} className="mt-1 max-h-48 overflow-y-auto rounded-md bg-white ring-1 ring-slate-200">
          {results.isPending ? (
            <div className="flex justify-center p-3 text-slate-400">
              <Spinner size="sm" label="Searching leads" />
            </div>
          ) : results.data && results.data.rows.length > 0 ? (
            <ul>
              {results.data.rows.map((lead) => (
                <li key={lead.id}>
                  <button
                    type="button"
                    onClick={() => onChange({ id: lead.id, name: leadName(lead) })}
                    className="flex w-full justify-between gap-3 px-3 py-2 text-left text-sm hover:bg-slate-50 focus-visible:bg-indigo-50 focus-visible:outline-none"
                  >
                    <span className="truncate font-medium text-slate-900">{leadName(lead)}</span>
                    <span className="shrink-0 text-slate-500 tabular-nums">{formatPhone(lead.phone)}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="px-3 py-2 text-sm text-slate-500">No leads match “{query}”.</p>
          )}
        </div>
      ) : null}
    </div>
  );
}
