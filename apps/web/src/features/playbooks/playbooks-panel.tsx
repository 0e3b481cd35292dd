import { can } from "@plaibook/shared";
import { Link } from "@tanstack/react-router";
import { BookOpen, Plus } from "lucide-react";
import { buttonClasses } from "../../components/button";
import { Card, CardHeader } from "../../components/card";
import { EmptyState } from "../../components/empty-state";
import { ErrorState } from "../../components/error-state";
import { getErrorMessage } from "../../lib/errors";
import { useSession } from "../auth/use-auth";
import { PlaybookList, PlaybookListSkeleton } from "./playbook-list";
import { usePlaybooks } from "./use-playbooks";

export function NewPlaybookLink() {
  return (
    <Link
      to="/playbooks/$playbookId"
      params={{ playbookId: "new" }}
      className={buttonClasses("primary", "md")}
    >
      <Plus aria-hidden="true" className="size-4" />
      New playbook
    </Link>
  );
}

/** The playbooks card: list for everyone, "New playbook" for managers and up. */
export function PlaybooksPanel() {
  const { user } = useSession();
  const canEdit = can(user.role, "playbooks.edit");
  const playbooks = usePlaybooks();

  const body = (() => {
    if (playbooks.isPending) return <PlaybookListSkeleton />;
    if (playbooks.isError) {
      return (
        <ErrorState
          title="Couldn't load playbooks"
          message={getErrorMessage(playbooks.error)}
          onRetry={() => void playbooks.refetch()}
          retrying={playbooks.isFetching}
        />
      );
    }
    if (playbooks.data.length === 0) {
      return (
        <EmptyState
          icon={<BookOpen aria-hidden="true" className="size-8" />}
          title="No playbooks yet"
          description={
            canEdit
              ? "A playbook tells the AI agent who it is, what to ask and how to answer. Create one to start a campaign."
              : "A manager needs to create one before campaigns can start."
          }
          action={canEdit ? <NewPlaybookLink /> : undefined}
        />
      );
    }
    return <PlaybookList playbooks={playbooks.data} />;
  })();

  return (
    <Card>
      <CardHeader
        title="All playbooks"
        description="Campaigns follow a playbook. Every save is a new version; running campaigns keep theirs."
        actions={canEdit && playbooks.data?.length ? <NewPlaybookLink /> : null}
      />
      {body}
    </Card>
  );
}
