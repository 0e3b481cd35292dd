import { createRoute, Link } from "@tanstack/react-router";
import { ArrowLeft } from "lucide-react";
import { buttonClasses, focusRing } from "../components/button";
import { CallDetailPanel } from "../features/calls/call-detail-page";
import { appLayoutRoute } from "./app-layout";

export const callDetailRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/calls/$callId",
  component: CallDetailPage,
});

function CallDetailPage() {
  const { callId } = callDetailRoute.useParams();
  return (
    <>
      <Link
        to="/calls"
        className={`mb-4 inline-flex items-center gap-1 rounded text-sm font-medium text-slate-500 hover:text-slate-900 ${focusRing}`}
      >
        <ArrowLeft aria-hidden="true" className="size-4" />
        Calls
      </Link>
      <CallDetailPanel
        key={callId}
        callId={callId}
        backLink={
          <Link to="/calls" className={buttonClasses("secondary")}>
            Back to calls
          </Link>
        }
        settingsLink={
          <Link
            to="/settings/calls"
            className={`rounded font-medium text-indigo-700 hover:underline ${focusRing}`}
          >
            Settings → Calls
          </Link>
        }
      />
    </>
  );
}
