export { changeRole } from "./change-role.js";
export { inviteUser } from "./invite-user.js";
export { listUsers } from "./list-users.js";
export {
  completeInvite,
  findActiveUser,
  findInviteCandidate,
  findLoginCandidate,
  getInvitedUserForUpdate,
  getLoginRowForUpdate,
  insertUser,
  recordLoginFailure,
  recordLoginSuccess,
} from "./queries.js";
export { deactivateUser, reactivateUser } from "./set-user-active.js";
