import { createRoute, Link } from "@tanstack/react-router";
import { ArrowLeft, Smartphone } from "lucide-react";
import { buttonClasses, focusRing } from "../components/button";
import { LeadDetailPanel } from "../features/leads/lead-detail-panel";
import { appLayoutRoute } from "./app-layout";

export const leadDetailRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/leads/$leadId",
  component: LeadDetailPage,
});

function LeadDetailPage() {
  const { leadId } = leadDetailRoute.useParams();
  return (
    <>
      <Link
        to="/leads"
        className={`mb-4 inline-flex items-center gap-1 rounded text-sm font-medium text-slate-500 hover:text-slate-900 ${focusRing}`}
      >
        <ArrowLeft aria-hidden="true" className="size-4" />
        Leads
      </Link>
      <LeadDetailPanel
        key={leadId}
        leadId={leadId}
        backLink={
          <Link to="/leads" className={buttonClasses("secondary")}>
            Back to leads
          </Link>
        }
        renderCampaignLink={(campaignId, name) => (
          <Link
            to="/campaigns/$campaignId"
            params={{ campaignId }}
            className={`rounded text-indigo-700 hover:underline ${focusRing}`}
          >
            {name}
          </Link>
        )}
        renderSimulatorLink={(conversationId) => (
          <Link
            to="/sandbox"
            search={{ conversationId }}
            className={buttonClasses("ghost", "sm")}
            aria-label="Open in phone simulator"
            title="Open in phone simulator"
          >
            <Smartphone aria-hidden="true" className="size-4" />
          </Link>
        )}
      />
    </>
  );
}
