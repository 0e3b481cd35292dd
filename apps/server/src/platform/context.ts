import type { TActor, TRequestMeta } from "./auth/actor.js";
import type { TTx } from "./db/with-org.js";

/** What every signed-in use case receives: its transaction (org already set), who acts, and from where. */
export type TCtx = {
  tx: TTx;
  actor: TActor;
  meta: TRequestMeta;
  /** Runs `effect` once the request's transaction has committed (socket events, never before the data). */
  afterCommit?: (effect: () => void) => void;
};
