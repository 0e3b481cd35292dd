import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { sessionManager, signOut } from "../../lib/session";
import { useSessionStore } from "../../lib/session-store";
import { useTRPC } from "../../lib/trpc";

/** The signed-in user and org; only call inside the authenticated app shell. */
export function useSession() {
  const session = useSessionStore((s) => s.session);
  if (!session) throw new Error("useSession() used outside an authenticated route");
  return session;
}

export function useLogin() {
  const trpc = useTRPC();
  return useMutation(
    trpc.auth.login.mutationOptions({ onSuccess: (session) => sessionManager.start(session) }),
  );
}

export function useSignup() {
  const trpc = useTRPC();
  return useMutation(
    trpc.auth.signup.mutationOptions({ onSuccess: (session) => sessionManager.start(session) }),
  );
}

export function useAcceptInvite() {
  const trpc = useTRPC();
  return useMutation(
    trpc.auth.acceptInvite.mutationOptions({ onSuccess: (session) => sessionManager.start(session) }),
  );
}

/** Signs out, drops every cached query (they belong to the old user) and goes to the sign-in page. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: signOut,
    onSettled: async () => {
      queryClient.clear();
      await navigate({ to: "/login", search: {} });
    },
  });
}
