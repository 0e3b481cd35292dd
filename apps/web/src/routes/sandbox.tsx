import { createRoute, Link, useNavigate } from "@tanstack/react-router";
import { buttonClasses, focusRing } from "../components/button";
import { SandboxPanel } from "../features/sandbox/sandbox-panel";
import { PageHeader } from "../features/shell/app-shell";
import { appLayoutRoute } from "./app-layout";

type TSandboxSearch = { conversationId?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const sandboxRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/sandbox",
  validateSearch: (search: Record<string, unknown>): TSandboxSearch =>
    typeof search.conversationId === "string" && UUID.test(search.conversationId)
      ? { conversationId: search.conversationId }
      : {},
  component: SandboxPage,
});

function SandboxPage() {
  const { conversationId } = sandboxRoute.useSearch();
  const navigate = useNavigate({ from: "/sandbox" });
  return (
    <>
      <PageHeader
        title="Phone simulator"
        description="Play the lead: see what a Sandbox campaign texts them and answer as they would. No real SMS is sent."
      />
      <SandboxPanel
        selectedId={conversationId ?? null}
        onSelect={(id) => void navigate({ search: id ? { conversationId: id } : {}, replace: true })}
        campaignsLink={
          <Link to="/campaigns" className={buttonClasses("secondary")}>
            Go to campaigns
          </Link>
        }
        renderLeadLink={(leadId, label) => (
          <Link to="/leads/$leadId" params={{ leadId }} className={`rounded hover:underline ${focusRing}`}>
            {label}
          </Link>
        )}
      />
    </>
  );
}
