import type { TRPCLink } from "@trpc/client";
import type { AnyTRPCRouter } from "@trpc/server";
import { observable } from "@trpc/server/observable";
import { isUnauthorized } from "./errors";

type TRefreshLinkOptions = {
  /** Refreshes the session; resolves true when a new access token is in place. */
  refresh: () => Promise<boolean>;
  /** Procedures whose UNAUTHORIZED means something else (bad password, no cookie) and must not retry. */
  skip?: (path: string) => boolean;
};

const skipAuthProcedures = (path: string) => path.startsWith("auth.");

/**
 * On an UNAUTHORIZED reply (the access token expired or was revoked), refresh the session once and
 * retry the operation with the new token. If the refresh fails, the original error is passed on.
 */
export function refreshOnUnauthorizedLink<TRouter extends AnyTRPCRouter>(
  options: TRefreshLinkOptions,
): TRPCLink<TRouter> {
  const skip = options.skip ?? skipAuthProcedures;
  return () =>
    ({ op, next }) =>
      observable((observer) => {
        let unsubscribe: (() => void) | null = null;
        let closed = false;
        let retried = false;

        const attempt = () => {
          const subscription = next(op).subscribe({
            next: (value) => observer.next(value),
            complete: () => observer.complete(),
            error: (error) => {
              if (retried || closed || skip(op.path) || !isUnauthorized(error)) {
                observer.error(error);
                return;
              }
              retried = true;
              options.refresh().then(
                (ok) => {
                  if (closed) return;
                  if (ok) attempt();
                  else observer.error(error);
                },
                () => {
                  if (!closed) observer.error(error);
                },
              );
            },
          });
          unsubscribe = () => subscription.unsubscribe();
        };

        attempt();
        return () => {
          closed = true;
          unsubscribe?.();
        };
      });
}
