import { createRoute, Link, redirect, useNavigate } from "@tanstack/react-router";
import { AuthLayout } from "../features/auth/auth-layout";
import { SignupForm } from "../features/auth/signup-form";
import { useSignup } from "../features/auth/use-auth";
import { getErrorMessage, getServerFieldErrors } from "../lib/errors";
import { useSessionStore } from "../lib/session-store";
import { rootRoute } from "./root";

export const signupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/signup",
  beforeLoad: () => {
    if (useSessionStore.getState().session) throw redirect({ to: "/" });
  },
  component: SignupPage,
});

function SignupPage() {
  const navigate = useNavigate();
  const signup = useSignup();
  return (
    <AuthLayout
      title="Create your workspace"
      subtitle="Set up Plaibook for your team. You'll be its owner."
      footer={
        <>
          Already have an account?{" "}
          <Link to="/login" className="font-medium text-indigo-600 hover:text-indigo-500">
            Sign in
          </Link>
        </>
      }
    >
      <SignupForm
        pending={signup.isPending}
        error={signup.error ? getErrorMessage(signup.error) : null}
        fieldErrors={getServerFieldErrors(signup.error)}
        onSubmit={(input) => signup.mutate(input, { onSuccess: () => void navigate({ to: "/" }) })}
      />
    </AuthLayout>
  );
}
