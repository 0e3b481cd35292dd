import { Link } from "@tanstack/react-router";
import { Button, buttonClasses } from "../components/button";
import { Wordmark } from "../components/wordmark";

export function NotFoundPage() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-slate-50 px-4 text-center">
      <Wordmark className="mb-10" />
      <p className="text-sm font-semibold text-indigo-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">Page not found</h1>
      <p className="mt-2 max-w-sm text-sm text-slate-500">
        The page you're looking for doesn't exist or has moved.
      </p>
      <Link to="/" className={buttonClasses("primary", "md", "mt-6")}>
        Back to home
      </Link>
    </main>
  );
}

/** Shown when a page crashes while rendering; never shows the error's details or stack. */
export function RouteErrorPage({ reset }: { reset?: () => void }) {
  return (
    <main className="flex min-h-[60dvh] flex-col items-center justify-center px-4 text-center">
      <h1 className="text-xl font-semibold text-slate-900">Something went wrong</h1>
      <p className="mt-2 max-w-sm text-sm text-slate-500">
        This page hit an unexpected problem. Please try again.
      </p>
      <Button
        className="mt-6"
        variant="secondary"
        onClick={() => (reset ? reset() : window.location.reload())}
      >
        Try again
      </Button>
    </main>
  );
}
