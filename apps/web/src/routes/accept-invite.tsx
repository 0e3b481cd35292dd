import { createRoute, Link, useNavigate } from "@tanstack/react-router";
import { FormError } from "../components/form-error";
import { AcceptInviteForm } from "../features/auth/accept-invite-form";
import { AuthLayout } from "../features/auth/auth-layout";
import { useAcceptInvite } from "../features/auth/use-auth";
import { getErrorMessage, getServerFieldErrors } from "../lib/errors";
import { rootRoute } from "./root";

export type TAcceptInviteSearch = { token?: string };

export const acceptInviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/accept-invite",
  validateSearch: (search: Record<string, unknown>): TAcceptInviteSearch =>
    typeof search.token === "string" ? { token: search.token } : {},
  component: AcceptInvitePage,
});

function AcceptInvitePage() {
  const { token } = acceptInviteRoute.useSearch();
  const navigate = useNavigate();
  const accept = useAcceptInvite();
  return (
    <AuthLayout
      title="Join your team"
      subtitle="Choose your name and a password to accept the invitation."
      footer={
        <>
          Already joined?{" "}
          <Link to="/login" className="font-medium text-indigo-600 hover:text-indigo-500">
            Sign in
          </Link>
        </>
      }
    >
      {token ? (
        <AcceptInviteForm
          token={token}
          pending={accept.isPending}
          error={accept.error ? getErrorMessage(accept.error) : null}
          fieldErrors={getServerFieldErrors(accept.error)}
          onSubmit={(input) => accept.mutate(input, { onSuccess: () => void navigate({ to: "/" }) })}
        />
      ) : (
        <FormError message="This invite link is incomplete. Ask whoever invited you to send it again." />
      )}
    </AuthLayout>
  );
}
