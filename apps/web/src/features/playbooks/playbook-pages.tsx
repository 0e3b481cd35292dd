import { can } from "@plaibook/shared";
import { Link, useParams } from "@tanstack/react-router";
import { MessagesSquare } from "lucide-react";
import { buttonClasses } from "../../components/button";
import { useSession } from "../auth/use-auth";
import { PageHeader } from "../shell/app-shell";
import { PlaybookEditor } from "./playbook-editor";
import { PlaybooksPanel } from "./playbooks-panel";

/**
 * The playbook pages, loaded on demand by their routes (routes/playbooks.tsx, routes/playbook-edit.tsx)
 * so the editor and the diff library stay out of the first download.
 */
export function PlaybooksPage() {
  return (
    <>
      <PageHeader
        title="Playbooks"
        description="How your AI agent talks to leads: persona, stages, answers and messages."
      />
      <PlaybooksPanel />
    </>
  );
}

/** Opens the test console for a saved playbook; sits in the editor header's top-right corner. */
function TestInConsoleLink({ playbookId }: { playbookId: string }) {
  return (
    <Link
      to="/playbooks/$playbookId/console"
      params={{ playbookId }}
      className={buttonClasses("secondary", "sm", "absolute -top-1.5 right-0 z-10")}
    >
      <MessagesSquare aria-hidden="true" className="size-4" />
      Test in console
    </Link>
  );
}

/** `/playbooks/new` creates a playbook; any other id opens that playbook. */
export function PlaybookEditPage() {
  const { playbookId = "new" } = useParams({ strict: false });
  const { user } = useSession();
  const showConsole = playbookId !== "new" && can(user.role, "agent.console");
  return (
    <div className="relative">
      {showConsole ? <TestInConsoleLink playbookId={playbookId} /> : null}
      <PlaybookEditor key={playbookId} playbookId={playbookId} />
    </div>
  );
}
