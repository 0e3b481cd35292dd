import { createRoute, Link, useNavigate } from "@tanstack/react-router";
import { focusRing } from "../components/button";
import { LeadsPanel } from "../features/leads/leads-panel";
import type { TLeadsSearch } from "../features/leads/leads-search";
import { parseLeadsSearch } from "../features/leads/leads-search";
import { PageHeader } from "../features/shell/app-shell";
import { appLayoutRoute } from "./app-layout";

export const leadsRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/leads",
  validateSearch: (search: Record<string, unknown>): TLeadsSearch => parseLeadsSearch(search),
  component: LeadsPage,
});

function withoutEmpty(search: TLeadsSearch): TLeadsSearch {
  return Object.fromEntries(
    Object.entries(search).filter(([, v]) => v !== undefined && v !== ""),
  ) as TLeadsSearch;
}

function LeadsPage() {
  const search = leadsRoute.useSearch();
  const navigate = useNavigate({ from: "/leads" });
  return (
    <>
      <PageHeader title="Leads" description="Everyone your campaigns can reach, with where they came from." />
      <LeadsPanel
        search={search}
        onSearchChange={(patch) =>
          void navigate({ search: (prev) => withoutEmpty({ ...prev, ...patch }), replace: true })
        }
        onOpenLead={(leadId) => void navigate({ to: "/leads/$leadId", params: { leadId } })}
        renderLeadLink={(lead, label) => (
          <Link
            to="/leads/$leadId"
            params={{ leadId: lead.id }}
            className={`rounded hover:text-indigo-700 hover:underline ${focusRing}`}
          >
            {label}
          </Link>
        )}
      />
    </>
  );
}
