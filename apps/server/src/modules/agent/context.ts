import {
  EMPTY_AGENT_STATE,
  type TAgentState,
  type TCalendarSettings,
  type TMergeField,
  type TOrgAiSettings,
  type TPlaybookContent,
  ZAgentState,
  ZCalendarSettings,
  ZOrgAiSettings,
  ZPlaybookContent,
} from "@plaibook/shared";
import type { TTurn } from "../../ai/ports.js";
import type { TTx } from "../../platform/db/with-org.js";

/** How many earlier messages the agent and the Overseer read. */
export const HISTORY_LIMIT = 40;

export type TConversationContext = {
  conversationId: string;
  orgId: string;
  campaignId: string | null;
  leadId: string;
  leadPhone: string;
  ourNumber: string;
  provider: string;
  status: string;
  control: "ai" | "human";
  approvalMode: boolean;
  agentState: TAgentState;
  playbook: TPlaybookContent | null;
  lead: { firstName: string | null; lastName: string | null; timeZone: string; name: string };
  merge: Partial<Record<TMergeField, string | null>>;
  aiSettings: TOrgAiSettings;
  calendar: TCalendarSettings;
};

type TContextRow = {
  id: string;
  org_id: string;
  campaign_id: string | null;
  lead_id: string;
  lead_phone: string;
  our_number: string;
  status: string;
  control: "ai" | "human";
  agent_state: unknown;
  approval_mode: boolean | null;
  playbook: unknown;
  first_name: string;
  last_name: string;
  company: string | null;
  city: string | null;
  time_zone: string;
  ai_settings: unknown;
  calendar_settings: unknown;
  org_name: string;
  business_name: string | null;
  provider: string | null;
};

/** Everything the agent needs about each conversation, in one query, by conversation id. */
export async function loadConversationContexts(
  tx: TTx,
  conversationIds: string[],
): Promise<Map<string, TConversationContext>> {
  const { rows } = await tx.client.query<TContextRow>(
    `select v.id, v.org_id, v.campaign_id, v.lead_id, v.lead_phone, v.our_number, v.status, v.control, v.agent_state,
            c.approval_mode, pv.content as playbook, l.first_name, l.last_name, l.company, l.city, l.time_zone,
            o.ai_settings, o.calendar_settings, o.name as org_name, o.sms_settings ->> 'businessName' as business_name,
            n.provider
       from conversations v
       join leads l on l.id = v.lead_id
       join organizations o on o.id = v.org_id
       left join campaigns c on c.id = v.campaign_id
       left join playbook_versions pv on pv.id = c.playbook_version_id
       left join phone_numbers n on n.e164 = v.our_number
      where v.id = any($1::uuid[])`,
    [conversationIds],
  );
  // Playbook versions are immutable and shared by many conversations: parse each once.
  const playbooks = new Map<unknown, TPlaybookContent | null>();
  const contexts = new Map<string, TConversationContext>();
  for (const r of rows) {
    let playbook = playbooks.get(r.playbook);
    if (playbook === undefined) {
      playbook = r.playbook ? ZPlaybookContent.parse(r.playbook) : null;
      playbooks.set(r.playbook, playbook);
    }
    contexts.set(r.id, toContext(r, playbook));
  }
  return contexts;
}

function toContext(r: TContextRow, playbook: TPlaybookContent | null): TConversationContext {
  const firstName = r.first_name.trim() || null;
  const lastName = r.last_name.trim() || null;
  return {
    conversationId: r.id,
    orgId: r.org_id,
    campaignId: r.campaign_id,
    leadId: r.lead_id,
    leadPhone: r.lead_phone,
    ourNumber: r.our_number,
    provider: r.provider ?? "sandbox",
    status: r.status,
    control: r.control,
    approvalMode: r.approval_mode ?? false,
    agentState: parseState(r.agent_state),
    playbook,
    lead: {
      firstName,
      lastName,
      timeZone: r.time_zone,
      name: [firstName, lastName].filter(Boolean).join(" ") || r.lead_phone,
    },
    merge: {
      firstName,
      lastName,
      company: r.company,
      city: r.city,
      agentName: playbook?.persona.agentName ?? null,
      businessName: r.business_name?.trim() || r.org_name,
    },
    aiSettings: ZOrgAiSettings.parse(r.ai_settings ?? {}),
    calendar: ZCalendarSettings.parse(r.calendar_settings ?? {}),
  };
}

function parseState(raw: unknown): TAgentState {
  const parsed = ZAgentState.safeParse(raw ?? {});
  return parsed.success ? parsed.data : EMPTY_AGENT_STATE;
}

export type THistoryMessage = TTurn & { id: string; direction: "inbound" | "outbound"; createdAt: Date };

/**
 * Each conversation up to and including its `uptoMessageId` (oldest first, at most HISTORY_LIMIT),
 * without drafts nobody sent — in one query, by the message each history ends with.
 */
export async function loadHistories(
  tx: TTx,
  ends: { conversationId: string; uptoMessageId: string }[],
): Promise<Map<string, THistoryMessage[]>> {
  const { rows } = await tx.client.query<{
    upto: string;
    id: string;
    direction: "inbound" | "outbound";
    author: string;
    body: string;
    created_at: Date;
  }>(
    `select upto, id, direction, author, body, created_at from (
       select t.upto, m.id, m.direction, m.author, m.body, m.created_at,
              row_number() over (partition by t.upto order by m.created_at desc, m.id desc) as recent
         from unnest($1::uuid[], $2::uuid[]) as t(conversation_id, upto)
         join messages u on u.id = t.upto
         join messages m on m.conversation_id = t.conversation_id
        where m.status not in ('draft', 'rejected') and (m.created_at, m.id) <= (u.created_at, u.id)) h
      where recent <= ${HISTORY_LIMIT}
      order by upto, created_at, id`,
    [ends.map((e) => e.conversationId), ends.map((e) => e.uptoMessageId)],
  );
  const histories = new Map<string, THistoryMessage[]>(ends.map((e) => [e.uptoMessageId, []]));
  for (const r of rows)
    histories.get(r.upto)?.push({
      id: r.id,
      direction: r.direction,
      role: r.direction === "inbound" ? "lead" : r.author === "human" ? "human" : "agent",
      author: r.author as THistoryMessage["author"],
      text: r.body,
      at: r.created_at.toISOString(),
      createdAt: r.created_at,
    });
  return histories;
}
