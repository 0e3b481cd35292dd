/**
 * Test support for the leads, tasks, sandbox and opt-outs features: a fake tRPC server behind the real
 * client and React Query, a signed-in session of any role, and a fake Socket.IO room.
 * Use with `vi.mock("../../lib/socket", () => import("../leads/test-helpers").then((m) => m.socketModule))`.
 */
import type { TConversation, TLead, TLeadImport, TMessage, TRole, TTask } from "@plaibook/shared";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { configure, render } from "@testing-library/react";
import { createTRPCClient, httpLink } from "@trpc/client";
import type { ReactElement } from "react";
import { useEffect } from "react";
import { vi } from "vitest";
import type { AppRouter } from "../../lib/app-router";
import { useSessionStore } from "../../lib/session-store";
import { TRPCProvider } from "../../lib/trpc";
import { buildSession } from "../../test/fixtures";

// These tests go through React Query, timers and a fake server: give them room on a busy machine.
configure({ asyncUtilTimeout: 5_000 });
vi.setConfig({ testTimeout: 20_000 });

// ---------------------------------------------------------------- socket

type THandler = (payload: never) => void;
const listeners = new Map<string, Set<THandler>>();

export const fakeSocket = {
  emit(event: string, payload: unknown) {
    for (const handler of listeners.get(event) ?? []) (handler as (p: unknown) => void)(payload);
  },
  listenerCount(event: string) {
    return listeners.get(event)?.size ?? 0;
  },
};

function useFakeOrgEvent<T>(event: string, handler: (payload: T) => void) {
  useEffect(() => {
    const set = listeners.get(event) ?? new Set();
    set.add(handler as THandler);
    listeners.set(event, set);
    return () => {
      set.delete(handler as THandler);
    };
  }, [event, handler]);
}

export const socketModule = { useOrgEvent: useFakeOrgEvent, getSocket: () => null };

// ---------------------------------------------------------------- tRPC

export type TCall = { path: string; input: unknown };
type TResolver = (input: never) => unknown;

/** Renders `ui` signed in as `role`, answering tRPC calls from `handlers` (by procedure path). */
export function renderWithServer(
  ui: ReactElement,
  { role = "manager", handlers = {} }: { role?: TRole; handlers?: Record<string, TResolver> } = {},
) {
  const calls: TCall[] = [];
  useSessionStore.getState().setSession(
    buildSession({
      user: { id: "11111111-1111-4111-8111-111111111111", email: "me@acme.test", name: "Mia Me", role },
    }),
  );
  const fetchMock = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    const u = new URL(String(url), "http://localhost");
    const path = decodeURIComponent(u.pathname.replace(/^\/trpc\//, ""));
    const raw = init?.body ? String(init.body) : u.searchParams.get("input");
    const input = raw ? JSON.parse(raw) : undefined;
    calls.push({ path, input });
    const handler = handlers[path];
    if (!handler) {
      return Response.json(
        {
          error: {
            message: `No handler for ${path}`,
            code: -32004,
            data: { code: "NOT_FOUND", httpStatus: 404, path },
          },
        },
        { status: 404 },
      );
    }
    try {
      const data = await (handler as (i: unknown) => unknown)(input);
      return Response.json({ result: { data } });
    } catch (error) {
      const message = error instanceof Error ? error.message : "Failed";
      return Response.json(
        { error: { message, code: -32600, data: { code: "BAD_REQUEST", httpStatus: 400, path } } },
        { status: 400 },
      );
    }
  });
  const client = createTRPCClient<AppRouter>({
    links: [httpLink({ url: "http://localhost/trpc", fetch: fetchMock })],
  });
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={client} queryClient={queryClient}>
        {ui}
      </TRPCProvider>
    </QueryClientProvider>,
  );
  return { ...view, calls, queryClient };
}

// ---------------------------------------------------------------- data

let seq = 0;
export const uuid = () => `00000000-0000-4000-8000-${String(++seq).padStart(12, "0")}`;

export function buildLead(overrides: Partial<TLead> = {}): TLead {
  const n = ++seq;
  return {
    id: uuid(),
    phone: `+1555010${String(n).padStart(4, "0")}`,
    firstName: `Lee${n}`,
    lastName: "Lead",
    email: null,
    company: null,
    city: null,
    timeZone: "America/Chicago",
    timeZoneSource: "area_code",
    optedOut: false,
    createdAt: "2025-01-02T10:00:00.000Z",
    updatedAt: "2025-01-02T10:00:00.000Z",
    ...overrides,
  };
}

export function buildImport(overrides: Partial<TLeadImport> = {}): TLeadImport {
  return {
    id: uuid(),
    campaignId: null,
    fileName: "leads.csv",
    status: "running",
    rowsRead: 0,
    imported: 0,
    merged: 0,
    rejected: 0,
    error: null,
    createdAt: "2025-01-02T10:00:00.000Z",
    finishedAt: null,
    ...overrides,
  };
}

export function buildMessage(overrides: Partial<TMessage> = {}): TMessage {
  return {
    id: uuid(),
    conversationId: "00000000-0000-4000-8000-000000009999",
    direction: "outbound",
    kind: "first_touch",
    author: "system",
    authorName: null,
    body: "Hi!",
    status: "delivered",
    segments: 1,
    errorCode: null,
    errorMessage: null,
    scheduledFor: null,
    sentAt: "2025-01-02T10:00:00.000Z",
    createdAt: "2025-01-02T10:00:00.000Z",
    ...overrides,
  };
}

export function buildConversation(overrides: Partial<TConversation> = {}): TConversation {
  return {
    id: "00000000-0000-4000-8000-000000009999",
    campaignId: null,
    campaignName: "Spring promo",
    leadId: uuid(),
    leadName: "Sam Sample",
    leadPhone: "+15550100001",
    ourNumber: "+15550199999",
    status: "open",
    lastMessageAt: "2025-01-02T10:00:00.000Z",
    lastMessagePreview: "Hi!",
    costMicros: 0,
    control: "ai",
    controlledBy: null,
    controlledByName: null,
    currentStage: null,
    sentimentTrend: [],
    averageAdherence: null,
    runningSummary: "",
    escalatedAt: null,
    escalationReason: null,
    pendingDrafts: 0,
    assignedTo: null,
    assignedToName: null,
    ...overrides,
  };
}

export function buildTask(overrides: Partial<TTask> = {}): TTask {
  return {
    id: uuid(),
    leadId: null,
    leadName: null,
    conversationId: null,
    assigneeId: null,
    assigneeName: "Mia Me",
    dueAt: null,
    note: "Call back",
    done: false,
    createdAt: "2025-01-01T09:00:00.000Z",
    ...overrides,
  };
}
