import type { TRole, TTeamMember, TUserStatus } from "@plaibook/shared";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { TTx } from "../../platform/db/with-org.js";
import { AppError } from "../../platform/errors.js";
import { users } from "./tables.js";

const memberColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  status: users.status,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
};

type TMemberRow = {
  id: string;
  email: string;
  name: string;
  role: string;
  status: string;
  lastLoginAt: Date | null;
  createdAt: Date;
};

export function toTeamMember(row: TMemberRow): TTeamMember {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as TRole,
    status: row.status as TUserStatus,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function findTeamMembers(tx: TTx): Promise<TTeamMember[]> {
  const rows = await tx.db.select(memberColumns).from(users).orderBy(asc(users.name), asc(users.email));
  return rows.map(toTeamMember);
}

/** Locks the row for the rest of the transaction, so checks and the update that follows agree. */
export async function getTeamMemberForUpdate(tx: TTx, userId: string): Promise<TTeamMember> {
  const [row] = await tx.db.select(memberColumns).from(users).where(eq(users.id, userId)).for("update");
  if (!row) throw new AppError("NOT_FOUND", "User not found");
  return toTeamMember(row);
}

export type TLoginRow = {
  id: string;
  orgId: string;
  email: string;
  name: string;
  role: TRole;
  status: TUserStatus;
  passwordHash: string | null;
  lockedUntil: Date | null;
};

export async function getLoginRowForUpdate(tx: TTx, userId: string): Promise<TLoginRow | null> {
  const [row] = await tx.db
    .select({
      id: users.id,
      orgId: users.orgId,
      email: users.email,
      name: users.name,
      role: users.role,
      status: users.status,
      passwordHash: users.passwordHash,
      lockedUntil: users.lockedUntil,
    })
    .from(users)
    .where(eq(users.id, userId))
    .for("update");
  return row ? { ...row, role: row.role as TRole, status: row.status as TUserStatus } : null;
}

/** The active user behind an access token; null if deactivated or gone. */
export async function findActiveUser(
  tx: TTx,
  userId: string,
): Promise<{ id: string; orgId: string; email: string; name: string; role: TRole } | null> {
  const [row] = await tx.db
    .select({ id: users.id, orgId: users.orgId, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.status, "active")));
  return row ? { ...row, role: row.role as TRole } : null;
}

/** Counts one failed login; at `maxFailures` the account locks and the counter starts again. */
export async function recordLoginFailure(
  tx: TTx,
  userId: string,
  policy: { maxFailures: number; lockMinutes: number },
): Promise<{ locked: boolean }> {
  const [row] = await tx.db
    .update(users)
    .set({
      failedLoginCount: sql`case when ${users.failedLoginCount} + 1 >= ${policy.maxFailures} then 0 else ${users.failedLoginCount} + 1 end`,
      lockedUntil: sql`case when ${users.failedLoginCount} + 1 >= ${policy.maxFailures}
        then now() + make_interval(mins => ${policy.lockMinutes}) else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId))
    .returning({ lockedUntil: users.lockedUntil });
  return { locked: row?.lockedUntil != null && row.lockedUntil.getTime() > Date.now() };
}

export async function recordLoginSuccess(tx: TTx, userId: string): Promise<void> {
  await tx.db
    .update(users)
    .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: sql`now()` })
    .where(eq(users.id, userId));
}

export async function insertUser(
  tx: TTx,
  user: {
    orgId: string;
    email: string;
    name: string;
    role: TRole;
    status: TUserStatus;
    passwordHash: string | null;
    inviteTokenHash?: string | null;
    inviteExpiresAt?: Date | null;
    invitedBy?: string | null;
  },
): Promise<TTeamMember | null> {
  const rows = await tx.db
    .insert(users)
    .values(user)
    .onConflictDoNothing({ target: users.email })
    .returning(memberColumns);
  return rows[0] ? toTeamMember(rows[0]) : null;
}

export async function updateUserRole(tx: TTx, userId: string, role: TRole): Promise<TTeamMember> {
  const [row] = await tx.db
    .update(users)
    .set({ role, updatedAt: sql`now()` })
    .where(eq(users.id, userId))
    .returning(memberColumns);
  if (!row) throw new AppError("NOT_FOUND", "User not found");
  return toTeamMember(row);
}

export async function updateUserStatus(tx: TTx, userId: string, status: TUserStatus): Promise<TTeamMember> {
  const [row] = await tx.db
    .update(users)
    .set({ status, updatedAt: sql`now()` })
    .where(eq(users.id, userId))
    .returning(memberColumns);
  if (!row) throw new AppError("NOT_FOUND", "User not found");
  return toTeamMember(row);
}

/** Active owners other than `exceptUserId`: an organisation must always keep one. */
export async function countOtherActiveOwners(tx: TTx, exceptUserId: string): Promise<number> {
  const [row] = await tx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, "owner"), eq(users.status, "active"), ne(users.id, exceptUserId)));
  return row?.n ?? 0;
}

export async function hasPassword(tx: TTx, userId: string): Promise<boolean> {
  const [row] = await tx.db
    .select({ has: sql<boolean>`${users.passwordHash} is not null` })
    .from(users)
    .where(eq(users.id, userId));
  return row?.has ?? false;
}

/** Finds the invited user by invite token hash, locked for update. */
export async function getInvitedUserForUpdate(
  tx: TTx,
  userId: string,
): Promise<{ id: string; status: string; inviteExpiresAt: Date | null } | null> {
  const [row] = await tx.db
    .select({ id: users.id, status: users.status, inviteExpiresAt: users.inviteExpiresAt })
    .from(users)
    .where(eq(users.id, userId))
    .for("update");
  return row ?? null;
}

export async function completeInvite(
  tx: TTx,
  userId: string,
  values: { name: string; passwordHash: string },
): Promise<void> {
  await tx.db
    .update(users)
    .set({
      name: values.name,
      passwordHash: values.passwordHash,
      status: "active",
      inviteTokenHash: null,
      inviteExpiresAt: null,
      lastLoginAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(eq(users.id, userId));
}

/** Ids only, from a security-definer lookup: these run before the organisation is known. */
async function findUserIds(
  tx: TTx,
  lookup: "auth_find_user_by_email" | "auth_find_invite",
  key: string,
): Promise<{ userId: string; orgId: string } | null> {
  const { rows } = await tx.client.query<{ user_id: string; org_id: string }>(
    `select user_id, org_id from ${lookup}($1)`,
    [key],
  );
  return rows[0] ? { userId: rows[0].user_id, orgId: rows[0].org_id } : null;
}

/** Login: whose account an email is. */
export const findLoginCandidate = (tx: TTx, email: string) =>
  findUserIds(tx, "auth_find_user_by_email", email);

/** Accepting an invite: whose invite a token hash is. */
export const findInviteCandidate = (tx: TTx, tokenHash: string) =>
  findUserIds(tx, "auth_find_invite", tokenHash);
