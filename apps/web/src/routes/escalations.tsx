import { createRoute, Link } from "@tanstack/react-router";
import { buttonClasses } from "../components/button";
import { EscalationsPanel } from "../features/escalations/escalations-page";
import { SoundToggle } from "../features/escalations/sound-toggle";
import { PageHeader } from "../features/shell/app-shell";
import { appLayoutRoute } from "./app-layout";

export const escalationsRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/escalations",
  component: EscalationsRoutePage,
});

function EscalationsRoutePage() {
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageHeader
          title="Escalations"
          description="Conversations the AI handed to a person, longest waiting first."
        />
        <SoundToggle />
      </div>
      <EscalationsPanel
        renderOpenLink={(conversationId, leadName) => (
          <Link
            to="/cockpit"
            search={{ conversationId }}
            className={buttonClasses("primary", "sm")}
            aria-label={`Open conversation with ${leadName}`}
          >
            Open conversation
          </Link>
        )}
      />
    </>
  );
}
