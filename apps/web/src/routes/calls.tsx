import { createRoute, Link, useNavigate } from "@tanstack/react-router";
import { focusRing } from "../components/button";
import { CallsPanel } from "../features/calls/calls-panel";
import type { TCallsSearch } from "../features/calls/calls-search";
import { parseCallsSearch, withoutEmpty } from "../features/calls/calls-search";
import { PageHeader } from "../features/shell/app-shell";
import { appLayoutRoute } from "./app-layout";

export const callsRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/calls",
  validateSearch: (search: Record<string, unknown>): TCallsSearch => parseCallsSearch(search),
  component: CallsPage,
});

function CallsPage() {
  const search = callsRoute.useSearch();
  const navigate = useNavigate({ from: "/calls" });
  return (
    <>
      <PageHeader
        title="Calls"
        description="Recorded calls with their transcript, stages, objections, outcome and coaching."
      />
      <CallsPanel
        search={search}
        onSearchChange={(patch) =>
          void navigate({ search: (prev) => withoutEmpty({ ...prev, ...patch }), replace: true })
        }
        renderCallLink={(callId, label) => (
          <Link
            to="/calls/$callId"
            params={{ callId }}
            className={`rounded text-indigo-700 hover:text-indigo-900 hover:underline ${focusRing}`}
          >
            {label}
          </Link>
        )}
      />
    </>
  );
}
