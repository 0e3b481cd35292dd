import type { TSession, TTeamMember } from "@plaibook/shared";

let seq = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++seq).padStart(12, "0")}`;

export function buildMember(overrides: Partial<TTeamMember> = {}): TTeamMember {
  return {
    id: uuid(),
    email: `person${seq}@acme.test`,
    name: `Person ${seq}`,
    role: "rep",
    status: "active",
    lastLoginAt: "2025-01-02T10:00:00.000Z",
    createdAt: "2024-12-01T09:00:00.000Z",
    ...overrides,
  };
}

export function buildSession(overrides: Partial<TSession> = {}): TSession {
  return {
    accessToken: "access-token",
    expiresIn: 3600,
    user: { id: uuid(), email: "owner@acme.test", name: "Olive Owner", role: "owner" },
    org: { id: uuid(), name: "Acme" },
    ...overrides,
  };
}
