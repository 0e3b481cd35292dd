export { acceptInvite } from "./accept-invite.js";
export type { TAuthDeps } from "./deps.js";
export { authDepsOf } from "./deps-of.js";
export type { TIssuedSession } from "./issue-session.js";
export { LOGIN_FAILED_MESSAGE, login } from "./login.js";
export { logout } from "./logout.js";
export { refreshSession, SESSION_EXPIRED_MESSAGE } from "./refresh-session.js";
export { signup } from "./signup.js";
