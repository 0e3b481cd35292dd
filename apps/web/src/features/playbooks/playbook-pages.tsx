import { useParams } from "@tanstack/react-router";
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

/** `/playbooks/new` creates a playbook; any other id opens that playbook. */
export function PlaybookEditPage() {
  const { playbookId = "new" } = useParams({ strict: false });
  return <PlaybookEditor key={playbookId} playbookId={playbookId} />;
}
