import { createRoute, Link, useNavigate } from "@tanstack/react-router";
import { buttonClasses, focusRing } from "../components/button";
import { CockpitPage } from "../features/cockpit/cockpit-page";
import type { TCockpitSearch } from "../features/cockpit/cockpit-search";
import { parseCockpitSearch, withoutEmpty } from "../features/cockpit/cockpit-search";
import { appLayoutRoute } from "./app-layout";

export const cockpitRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/cockpit",
  validateSearch: (search: Record<string, unknown>): TCockpitSearch => parseCockpitSearch(search),
  component: CockpitRoutePage,
});

function CockpitRoutePage() {
  const search = cockpitRoute.useSearch();
  const navigate = useNavigate({ from: "/cockpit" });
  return (
    <CockpitPage
      search={search}
      onSearchChange={(patch) =>
        void navigate({
          search: (prev) => withoutEmpty({ ...prev, ...patch }),
          // Picking a conversation is a step the back button should undo; a filter change is not.
          replace: !("conversationId" in patch),
        })
      }
      campaignsLink={
        <Link to="/campaigns" className={buttonClasses("secondary")}>
          Go to campaigns
        </Link>
      }
      leadLink={(leadId, name) => (
        <Link
          to="/leads/$leadId"
          params={{ leadId }}
          className={`rounded hover:text-indigo-700 hover:underline ${focusRing}`}
        >
          {name}
        </Link>
      )}
    />
  );
}
