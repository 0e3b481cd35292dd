import { EMPTY_AGENT_STATE, type TAgentState, type TBookableSlot, ZOrgAiSettings } from "@plaibook/shared";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { DEMO_PLAYBOOKS } from "../../modules/playbooks/demo-playbooks.js";
import type { TAgentTools, TTurn } from "../ports.js";
import { createOfflineResponder } from "./responder.js";
import { createOfflineTurnAnalyzer } from "./turn-analyzer.js";

const pest = DEMO_PLAYBOOKS[0]?.content;
if (!pest) throw new Error("no demo playbook");
const playbook = { ...pest, booking: { ...pest.booking, leadTimeHours: 0 } };
const zone = "America/Chicago";
// Monday 30 Nov 2026, 09:00 in Chicago.
const now = DateTime.fromISO("2026-11-30T09:00", { zone }).toJSDate();
const FIRST_TOUCH =
  "Hi Maria, it's Sam from Greenline Pest. It's time for your quarterly pest service — want me to find you a slot this week? Reply STOP to opt out.";

/** Hourly slots 8:00–17:00 on weekdays in Chicago, minus `taken`; records what was booked. */
function calendar(taken: string[] = []) {
  const booked: string[] = [];
  const tools: TAgentTools = {
    lookupCustomer: async () => null,
    listOpenSlots: async ({ from, to, limit }) => {
      const slots: TBookableSlot[] = [];
      for (
        let day = DateTime.fromJSDate(from, { zone }).startOf("day");
        day.toJSDate() < to;
        day = day.plus({ days: 1 })
      ) {
        if (day.weekday > 5) continue;
        for (let hour = 8; hour < 17; hour += 1) {
          const start = day.set({ hour });
          const id = start.toUTC().toISO() as string;
          if (start.toJSDate() < from || taken.includes(start.toFormat("ccc HH:mm"))) continue;
          slots.push({ id, start: id, end: start.plus({ hours: 1 }).toUTC().toISO() as string });
        }
      }
      return slots.slice(0, limit);
    },
    bookAppointment: async (slotId) => {
      booked.push(slotId);
      return {
        ok: true,
        appointmentId: `appt-${booked.length}`,
        slot: { id: slotId, start: slotId, end: slotId },
      };
    },
  };
  return { tools, booked };
}

async function say(text: string, options: { state?: TAgentState; history?: TTurn[]; taken?: string[] } = {}) {
  const history: TTurn[] = [
    ...(options.history ?? [{ role: "agent", text: FIRST_TOUCH, at: now.toISOString(), author: "system" }]),
    { role: "lead", text, at: now.toISOString() },
  ];
  const { tools, booked } = calendar(options.taken);
  const reply = await createOfflineResponder().reply(
    {
      playbook,
      merge: { firstName: "Maria", agentName: "Sam", businessName: "Greenline Pest" },
      lead: { firstName: "Maria", phone: "+13125550100", timeZone: zone },
      crm: null,
      history,
      state: options.state ?? EMPTY_AGENT_STATE,
      now,
      settings: ZOrgAiSettings.parse({}),
    },
    tools,
  );
  return { ...reply, booked, history };
}

describe("the offline responder", () => {
  it("answers a price question from the FAQ and asks the stage's first question", async () => {
    const { message, state } = await say("how much is it?");
    expect(message).toContain("$129 per visit");
    expect(message).toContain("Are you still at the same address?");
    expect(state.asked).toEqual(["reconnect:0"]);
  });

  it("meets a price objection with the playbook's handler", async () => {
    const { message, classification } = await say("that's too expensive for us right now");
    expect(classification?.intent).toBe("objection");
    expect(message).toContain("free re-treatments between visits, so if pests come back");
  });

  it("books the exact slot the lead names, in the lead's zone", async () => {
    const { message, booked, state } = await say("can you do thursday at 10?");
    expect(booked).toEqual([DateTime.fromISO("2026-12-03T10:00", { zone }).toUTC().toISO()]);
    expect(state.booked?.appointmentId).toBe("appt-1");
    expect(message).toContain("booked for Thursday, Dec 3 at 10:00 AM");
  });

  it("offers the nearest open slots when the time is taken, then books the one the lead picks", async () => {
    const first = await say("can you do thursday at 10?", { taken: ["Thu 10:00"] });
    expect(first.booked).toEqual([]);
    expect(
      first.state.offeredSlots.map((s) => DateTime.fromISO(s.start, { zone }).toFormat("ccc HH:mm")),
    ).toEqual(["Thu 09:00", "Thu 11:00"]);
    expect(first.message).toMatch(/isn't open, but I have Thu Dec 3 at 9:00 AM or Thu Dec 3 at 11:00 AM/);
    const second = await say("the second one", {
      state: first.state,
      history: [...first.history, { role: "agent", text: first.message ?? "", at: now.toISOString() }],
    });
    expect(second.booked).toEqual([first.state.offeredSlots[1]?.id]);
  });

  it("books and still answers a question asked in the same message", async () => {
    const { message, booked } = await say("How much is it? Could you come Thursday at 10am?");
    expect(booked).toHaveLength(1);
    expect(message).toContain("booked for Thursday");
    expect(message).toContain("$129");
  });

  it("hands over to a person with one line", async () => {
    const { message, handover } = await say("I want to talk to a real person");
    expect(handover?.reason).toMatch(/person/);
    expect(message).toMatch(/team will text you back/);
  });

  it("never uses a forbidden phrase, even when the playbook's own handler has one", async () => {
    const withForbidden = {
      ...playbook,
      forbiddenPhrases: [...playbook.forbiddenPhrases, "free re-treatments"],
    };
    const { tools } = calendar();
    const reply = await createOfflineResponder().reply(
      {
        playbook: withForbidden,
        merge: { firstName: "Maria" },
        lead: { firstName: "Maria", phone: "+1", timeZone: zone },
        crm: null,
        history: [{ role: "lead", text: "too expensive", at: now.toISOString() }],
        state: EMPTY_AGENT_STATE,
        now,
        settings: ZOrgAiSettings.parse({}),
      },
      tools,
    );
    expect(reply.message?.toLowerCase()).not.toContain("free re-treatments");
    expect(reply.message).toBeTruthy();
  });

  it("does not repeat its previous message word for word", async () => {
    const first = await say("ok");
    const again = await say("ok", {
      state: { ...first.state, asked: [] },
      history: [{ role: "agent", text: first.message ?? "", at: now.toISOString() }],
    });
    expect(again.message).not.toBe(first.message);
  });
});

describe("the offline Overseer", () => {
  const analyzer = createOfflineTurnAnalyzer();
  const previous = {
    turns: 0,
    currentStage: null,
    sentimentTrend: [] as number[],
    averageAdherence: null,
    runningSummary: "",
    escalated: false,
    escalateReason: null,
  };
  const at = now.toISOString();

  it("docks adherence for a forbidden phrase and an unanswered question", async () => {
    const history: TTurn[] = [
      { role: "lead", text: "how much does it cost?", at },
      { role: "agent", text: "Act now, this is your last chance to book!", at },
    ];
    const { verdict } = await analyzer.analyze({
      playbook,
      history,
      turn: { ...(history[1] as TTurn), direction: "outbound" },
      previous,
      timeZone: zone,
    });
    expect(verdict.adherence).toBeLessThanOrEqual(40);
    expect(verdict.violations.join(" ")).toMatch(/forbidden phrase/);
    expect(verdict.violations.join(" ")).toMatch(/answer to the lead's question/);
  });

  it("holds replies, not the org's campaign templates, to two segments", async () => {
    const long = `${"Our quarterly service includes a full inspection — inside and out. ".repeat(3)}Reply STOP to opt out.`;
    const judge = (author: "system" | "ai") =>
      analyzer.analyze({
        playbook,
        history: [{ role: "agent", text: long, at, author }],
        turn: { role: "agent", text: long, at, author, direction: "outbound" },
        previous,
        timeZone: zone,
      });
    expect((await judge("system")).verdict.violations).toEqual([]);
    expect((await judge("ai")).verdict.violations).toContain("Longer than two SMS segments");
  });

  it("escalates after the playbook's number of negative lead messages in a row", async () => {
    const text = "ugh this is so annoying and honestly a waste of my time";
    const { verdict } = await analyzer.analyze({
      playbook,
      history: [{ role: "lead", text, at }],
      turn: { role: "lead", text, at, direction: "inbound" },
      previous: { ...previous, sentimentTrend: [-0.6] },
      timeZone: zone,
    });
    expect(verdict.sentiment).toBeLessThan(0);
    expect(verdict.escalate).toBe(true);
  });
});
