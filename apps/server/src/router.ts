import { agentRouter } from "./modules/agent/router.js";
import { authRouter } from "./modules/auth/router.js";
import { callSettingsRouter, callsRouter } from "./modules/calls/router.js";
import { campaignsRouter } from "./modules/campaigns/router.js";
import { cockpitRouter } from "./modules/cockpit/router.js";
import { optOutsRouter } from "./modules/compliance/router.js";
import { escalationsRouter } from "./modules/escalations/router.js";
import { integrationsRouter } from "./modules/integrations/router.js";
import { leadsRouter } from "./modules/leads/router.js";
import { conversationsRouter } from "./modules/messaging/router.js";
import { sandboxRouter } from "./modules/messaging/sandbox-router.js";
import { orgsRouter } from "./modules/orgs/router.js";
import { playbooksRouter } from "./modules/playbooks/router.js";
import { tasksRouter } from "./modules/tasks/router.js";
import { usersRouter } from "./modules/users/router.js";
import { router } from "./platform/http/trpc.js";

export const appRouter = router({
  auth: authRouter,
  users: usersRouter,
  playbooks: playbooksRouter,
  leads: leadsRouter,
  campaigns: campaignsRouter,
  cockpit: cockpitRouter,
  conversations: conversationsRouter,
  sandbox: sandboxRouter,
  optOuts: optOutsRouter,
  tasks: tasksRouter,
  orgs: orgsRouter,
  agent: agentRouter,
  escalations: escalationsRouter,
  integrations: integrationsRouter,
  calls: callsRouter,
  callSettings: callSettingsRouter,
});

export type AppRouter = typeof appRouter;
