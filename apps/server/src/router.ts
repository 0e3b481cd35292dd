import { authRouter } from "./modules/auth/router.js";
import { usersRouter } from "./modules/users/router.js";
import { router } from "./platform/http/trpc.js";

export const appRouter = router({
  auth: authRouter,
  users: usersRouter,
});

export type AppRouter = typeof appRouter;
