import { createRoute, Link, redirect, useNavigate } from "@tanstack/react-router";
import { AuthLayout } from "../features/auth/auth-layout";
import { LoginForm } from "../features/auth/login-form";
import { safeRedirect } from "../features/auth/redirect";
import { useLogin } from "../features/auth/use-auth";
import { getErrorMessage, getServerFieldErrors } from "../lib/errors";
import { useSessionStore } from "../lib/session-store";
import { rootRoute } from "./root";

export type TLoginSearch = { redirect?: string };

export const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/login",
  validateSearch: (search: Record<string, unknown>): TLoginSearch =>
    typeof search.redirect === "string" ? { redirect: search.redirect } : {},
  beforeLoad: ({ search }) => {
    if (useSessionStore.getState().session) throw redirect({ href: safeRedirect(search.redirect) });
  },
  component: LoginPage,
});

function LoginPage() {
  const search = loginRoute.useSearch();
  const navigate = useNavigate();
  const login = useLogin();
  return (
    <AuthLayout
      title="Sign in to Plaibook"
      subtitle="Welcome back. Sign in to your team's workspace."
      footer={
        <>
          New to Plaibook?{" "}
          <Link to="/signup" className="font-medium text-indigo-600 hover:text-indigo-500">
            Create an account
          </Link>
        </>
      }
    >
      <LoginForm
        pending={login.isPending}
        error={login.error ? getErrorMessage(login.error) : null}
        fieldErrors={getServerFieldErrors(login.error)}
        onSubmit={(input) =>
          login.mutate(input, { onSuccess: () => void navigate({ href: safeRedirect(search.redirect) }) })
        }
      />
      <p className="mt-6 rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-500 ring-1 ring-slate-200">
        Demo: manager@demo.plaibook.test / plaibook-demo
      </p>
    </AuthLayout>
  );
}
