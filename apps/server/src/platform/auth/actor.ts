import type { TRole } from "@plaibook/shared";

/** The signed-in user a use case acts for, loaded fresh from the database on every request. */
export type TActor = { userId: string; orgId: string; role: TRole; email: string; name: string };

/** Who is calling, for the audit log. */
export type TRequestMeta = { ip: string | null; userAgent: string | null; requestId: string };
