import {
  objectionCategoryOf,
  type TAgentState,
  type TBookableSlot,
  type TMentionedTime,
  type TObjectionCategory,
  type TPlaybookContent,
  type TSmsClassification,
} from "@plaibook/shared";
import { DateTime } from "luxon";
import type { Responder, TAgentReply, TAgentTools, TResponderContext } from "../ports.js";
import { classifySms, matchFaq } from "./classifier/index.js";
import { composeSms, fill, sameMessage } from "./compose.js";

export const OFFLINE_MODEL = "offline-v1";

/** Words that accept what was offered ("yes", "the first one works"). */
const ACCEPT =
  /\b(yes|yeah|yep|yup|sure|ok(ay)?|sounds good|perfect|great|works|that one|book it|do it|let'?s do)\b/i;
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();
function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    wallClockFormats.set(timeZone, format);
  }
  return format;
}

/** "The second one", "option 1", "the earlier slot" — not "first thing Monday". */
const ordinal = (words: string, digit: string) =>
  new RegExp(
    `\\b(?:${words}) (?:one|option|slot|time|works)\\b|\\boption (?:${digit}|${words})\\b|#${digit}\\b|^(?:the )?(?:${words}|${digit})[\\s.!]*(?:please|pls|thanks)?[\\s.!]*$`,
    "i",
  );
const ORDINALS: [RegExp, number][] = [
  [ordinal("first|1st|earlier|former", "1"), 0],
  [ordinal("second|2nd|later|latter", "2"), 1],
];

/**
 * The offline CSR agent: reads the lead's message with the offline classifier and runs the playbook
 * as a dialogue — answers FAQ, meets objections with the playbook's handlers, asks each stage's
 * questions in order, offers real open slots, books one the lead accepts, and hands over to a person
 * when the playbook says so. Deterministic: the same conversation always gets the same reply.
 */
export function createOfflineResponder(): Responder {
  return {
    async reply(ctx, tools) {
      const started = performance.now();
      const turn = new DialogueTurn(ctx, tools);
      const result = await turn.run();
      return {
        ...result,
        usage: [
          {
            engine: "offline",
            model: OFFLINE_MODEL,
            latencyMs: Math.round(performance.now() - started),
            inputTokens: 0,
            outputTokens: 0,
          },
        ],
      };
    },
  };
}

class DialogueTurn {
  private readonly playbook: TPlaybookContent;
  private readonly state: TAgentState;
  private readonly text: string;
  private readonly c: TSmsClassification;
  private readonly lastAgentMessage: string | null;
  /** An FAQ answer that goes after the booking text, when the lead asked and proposed a time at once. */
  private sideAnswer: string | null = null;
  private readonly zone: string;

  constructor(
    private readonly ctx: TResponderContext,
    private readonly tools: TAgentTools,
  ) {
    this.playbook = ctx.playbook;
    const first = ctx.playbook.stages[0]?.key ?? null;
    this.state = {
      ...ctx.state,
      stage: ctx.state.stage ?? first,
      asked: [...ctx.state.asked],
      offeredSlots: [...ctx.state.offeredSlots],
    };
    const inbound = [...ctx.history].reverse().find((t) => t.role === "lead");
    this.text = inbound?.text ?? "";
    this.zone = ctx.lead.timeZone;
    this.lastAgentMessage = [...ctx.history].reverse().find((t) => t.role !== "lead")?.text ?? null;
    this.c = classifySms({
      text: this.text,
      context: ctx.history
        .slice(0, -1)
        .map((t) => ({ role: t.role === "lead" ? "lead" : "agent", text: t.text })),
      timeZone: this.zone,
      sentAt: new Date(inbound?.at ?? ctx.now),
    });
  }

  async run(): Promise<Omit<TAgentReply, "usage">> {
    const c = this.c;
    const done = (message: string | null, handover: { reason: string } | null = null) => ({
      message: message ? this.finish([message]) : null,
      handover,
      state: this.state,
      classification: c,
    });
    this.state.negativeStreak = c.sentiment === "negative" ? this.state.negativeStreak + 1 : 0;

    if (c.intent === "opt_out") return done(null); // the compliance layer answers opt-outs, once
    const handover = this.handoverReason();
    if (handover) return done(this.handoverLine(handover), { reason: handover });
    if (c.intent === "wrong_number") {
      this.state.done = true;
      return done("Sorry for the mix-up! We'll take this number off our list.");
    }
    if (c.intent === "not_interested") {
      this.state.done = true;
      return done(
        this.hi(
          "Understood, {{firstName}}, thanks for letting me know. If anything changes, just text us here.",
        ),
      );
    }
    if (c.intent === "reschedule" && this.state.booked)
      return done(this.handoverLine("reschedule"), {
        reason: "The lead wants to change a booked appointment",
      });

    const parts: string[] = [];
    if (this.wantsBooking()) {
      // "How much is it? Could you come Thursday?": book first, then answer the question too.
      this.sideAnswer = c.intent === "question" ? this.faqAnswer() : null;
      return { ...(await this.booking(parts)), classification: c };
    }
    if (c.intent === "objection") parts.push(this.objectionAnswer());
    else if (c.intent === "question") {
      const answer = this.faqAnswer();
      if (answer) parts.push(answer);
      else if (this.asksAboutScheduling()) return { ...(await this.booking(parts)), classification: c };
      else parts.push("Good question. I'll have a teammate confirm that for you.");
    } else if (c.intent === "already_customer") {
      parts.push(this.welcomeBack());
    } else if (c.intent === "interested") {
      parts.push(this.hi("Great to hear, {{firstName}}!"));
    }
    const next = await this.nextStep(c.intent === "objection" || c.intent === "question");
    if (next.slots) return { ...(await this.offer(parts, next.slots)), classification: c };
    if (next.text) parts.push(next.text);
    if (parts.length === 0) parts.push("Thanks! Anything else I can help with?");
    return { message: this.finish(parts), handover: null, state: this.state, classification: c };
  }

  // ——— hand-over ———

  private handoverReason(): string | null {
    const c = this.c;
    if (c.escalate) return c.escalateReason ?? "The lead's message needs a person";
    if (c.humanRequest && this.playbook.escalation.onHumanRequest) return "The lead asked for a person";
    const lower = this.text.toLowerCase();
    const keyword = this.playbook.escalation.keywords.find((k) => lower.includes(k.toLowerCase()));
    if (keyword) return `The lead used an escalation keyword: "${keyword}"`;
    if (this.state.negativeStreak >= this.playbook.escalation.onNegativeSentimentTurns)
      return `Negative sentiment in ${this.state.negativeStreak} messages in a row`;
    return null;
  }

  private handoverLine(reason: string): string {
    if (/\b(gas|smoke|fire|flood|leak|sparking|carbon monoxide)\b/i.test(this.text))
      return "If you are in danger, leave the home and call 911 now. I'm alerting our team so a person contacts you right away.";
    if (reason === "reschedule")
      return "No problem. A teammate will text you shortly to move your appointment.";
    if (this.c.escalate || this.c.sentiment === "negative")
      return "I'm sorry about this. I'm passing your message to a manager, who will personally get back to you shortly.";
    return this.hi("Of course, {{firstName}}. A member of our team will text you back shortly.");
  }

  // ——— answers ———

  private objectionAnswer(): string {
    const category = objectionCategoryOf(this.c.objection);
    const wanted: TObjectionCategory[] =
      this.c.objection === "competitor/under_contract"
        ? ["contract", "competitor"]
        : category
          ? [category]
          : [];
    const handler =
      wanted.map((w) => this.playbook.objectionHandlers.find((h) => h.category === w)).find(Boolean) ??
      this.playbook.objectionHandlers.find((h) => h.category === "other");
    return handler
      ? this.hi(handler.response)
      : "I understand, and thanks for being upfront. Is there anything that would make this easier for you?";
  }

  private faqAnswer(): string | null {
    const index = matchFaq(this.text, this.playbook.faq);
    const entry = index === null ? undefined : this.playbook.faq[index];
    return entry ? this.hi(entry.answer) : null;
  }

  private welcomeBack(): string {
    const last = this.ctx.crm?.serviceHistory[0];
    if (last)
      return this.hi(`Thanks, {{firstName}}! I see your last visit was ${last.service} on ${last.date}.`);
    return this.hi("Thanks, {{firstName}}, great to have you with us!");
  }

  private asksAboutScheduling(): boolean {
    return /\b(when|availab|open(ing)?s?|schedul|slot|come out|book)\b/i.test(this.text);
  }

  // ——— stages ———

  private stageIndex(key: string | null): number {
    return Math.max(
      0,
      this.playbook.stages.findIndex((s) => s.key === key),
    );
  }

  /** The stage where slots are offered: named like booking, else the second-to-last stage. */
  private bookingStageIndex(): number | null {
    if (!this.playbook.booking.enabled) return null;
    const named = this.playbook.stages.findIndex((s) =>
      /book|schedul|appoint|slot/i.test(`${s.key} ${s.name}`),
    );
    if (named >= 0) return named;
    return Math.max(0, this.playbook.stages.length - 2);
  }

  /**
   * What comes after the answer: the current stage's next unasked question; when the stage is done,
   * the next stage (offering slots at the booking stage). `soft`: the lead raised a concern, so only a
   * question is added, never a push to book.
   */
  private async nextStep(soft: boolean): Promise<{ text?: string; slots?: TBookableSlot[] }> {
    const stages = this.playbook.stages;
    const bookingAt = this.bookingStageIndex();
    for (let i = this.stageIndex(this.state.stage); i < stages.length; i += 1) {
      const stage = stages[i];
      if (!stage) break;
      this.state.stage = stage.key;
      if (i === bookingAt && !this.state.booked) {
        if (soft) return {};
        return { slots: await this.findSlots(null) };
      }
      const index = stage.questions.findIndex((_, q) => !this.state.asked.includes(`${stage.key}:${q}`));
      const question = index >= 0 ? stage.questions[index] : undefined;
      if (question !== undefined && !sameMessage(question, this.lastAgentMessage)) {
        this.state.asked.push(`${stage.key}:${index}`);
        return { text: this.hi(question) };
      }
    }
    if (!soft && !this.state.done) {
      this.state.done = true;
      return { text: this.state.booked ? "Thanks! We'll see you then." : "Thanks! Text us here anytime." };
    }
    return {};
  }

  // ——— booking ———

  private wantsBooking(): boolean {
    if (!this.playbook.booking.enabled || this.state.booked) return false;
    const c = this.c;
    if (c.intent === "appointment_request" || c.intent === "reschedule") return true;
    if (c.mentionedTime && (c.mentionedTime.date || c.mentionedTime.time)) return true;
    return (
      this.state.offeredSlots.length > 0 &&
      ["interested", "other", "question"].includes(c.intent) &&
      (ACCEPT.test(this.text) || ORDINALS.some(([re]) => re.test(this.text)))
    );
  }

  private async booking(parts: string[]): Promise<Omit<TAgentReply, "usage" | "classification">> {
    const bookingAt = this.bookingStageIndex();
    if (bookingAt !== null) this.state.stage = this.playbook.stages[bookingAt]?.key ?? this.state.stage;
    const m = this.c.mentionedTime;
    const chosen = this.pickOffered(m);
    if (chosen) return this.book(parts, chosen);
    if (this.state.offeredSlots.length > 1 && !m && ACCEPT.test(this.text)) {
      parts.push(`Which works better: ${this.slotChoices(this.state.offeredSlots)}?`);
      return { message: this.finish(parts), handover: null, state: this.state };
    }
    const slots = await this.findSlots(m);
    const exact = m ? slots.find((s) => this.matchesExactly(s, m)) : undefined;
    if (exact) return this.book(parts, exact);
    if (m?.datetime || m?.date) {
      const wanted = this.describeWanted(m);
      if (slots.length === 0) parts.push(`Sorry, ${wanted} is booked up and I have no openings nearby.`);
      else parts.push(`${wanted} isn't open, but`);
    }
    return this.offer(parts, slots);
  }

  /** An offered slot the lead picked: by its time, by "the first/second one", or a plain yes to one slot. */
  private pickOffered(m: TMentionedTime | null): TBookableSlot | null {
    const offered = this.state.offeredSlots;
    if (offered.length === 0) return null;
    // "The second one" means our own list, whatever else our message mentioned.
    for (const [re, index] of ORDINALS)
      if (re.test(this.text) && offered[index]) return offered[index] ?? null;
    if (m && (m.time || m.date)) {
      const byTime = offered.filter((s) => this.matchesLoosely(s, m));
      if (byTime.length >= 1) return byTime[0] ?? null;
      return null;
    }
    if (offered.length === 1 && ACCEPT.test(this.text)) return offered[0] ?? null;
    return null;
  }

  /** The slot's start in the lead's zone, for the words of a message. */
  private local(slot: TBookableSlot): DateTime {
    return DateTime.fromISO(slot.start, { zone: this.zone });
  }

  /** The slot's wall-clock date and time in the lead's zone, the cheap way (a turn may scan hundreds). */
  private wallClock(slot: TBookableSlot): { date: string; time: string; hour: number } {
    const parts = Object.fromEntries(
      wallClockFormat(this.zone)
        .formatToParts(new Date(slot.start))
        .map((p) => [p.type, p.value]),
    );
    return {
      date: `${parts.year}-${parts.month}-${parts.day}`,
      time: `${parts.hour}:${parts.minute}`,
      hour: Number(parts.hour),
    };
  }

  private matchesExactly(slot: TBookableSlot, m: TMentionedTime): boolean {
    const t = this.wallClock(slot);
    return !!m.datetime && !m.after && `${t.date}T${t.time}` === m.datetime;
  }

  private matchesLoosely(slot: TBookableSlot, m: TMentionedTime): boolean {
    const t = this.wallClock(slot);
    if (m.date && t.date !== m.date) return false;
    if (m.time && (m.after ? t.time < m.time : t.time !== m.time)) return false;
    return true;
  }

  /** Open slots that suit what the lead said, nearest to what they asked first; two at most. */
  private async findSlots(m: TMentionedTime | null): Promise<TBookableSlot[]> {
    const earliest = DateTime.fromJSDate(this.ctx.now).plus({ hours: this.playbook.booking.leadTimeHours });
    const wanted = m ? this.wantedInstant(m) : null;
    const from = DateTime.max(earliest, (wanted ?? earliest).minus({ days: wanted ? 3 : 0 }).startOf("day"));
    const to = (wanted ?? earliest).plus({ days: wanted ? 4 : 14 }).endOf("day");
    const open = await this.tools.listOpenSlots({ from: from.toJSDate(), to: to.toJSDate(), limit: 200 });
    if (open.length === 0) return [];
    if (m && (m.date || m.time)) {
      const matching = open.filter((s) => this.matchesLoosely(s, m));
      if (matching.length > 0) return matching.slice(0, 2);
    }
    if (wanted) {
      const target = wanted.toMillis();
      return [...open]
        .sort((a, b) => Math.abs(Date.parse(a.start) - target) - Math.abs(Date.parse(b.start) - target))
        .slice(0, 2)
        .sort((a, b) => a.start.localeCompare(b.start));
    }
    // No preference: the first opening, and one at another time of day so the lead has a real choice.
    const first = open[0] as TBookableSlot;
    const firstIsMorning = this.wallClock(first).hour < 12;
    const other = open.find((s) => s !== first && this.wallClock(s).hour < 12 !== firstIsMorning) ?? open[1];
    return other ? [first, other] : [first];
  }

  private wantedInstant(m: TMentionedTime): DateTime | null {
    if (m.datetime) return DateTime.fromISO(m.datetime, { zone: this.zone });
    if (m.date) return DateTime.fromISO(`${m.date}T${m.time ?? "09:00"}`, { zone: this.zone });
    return null;
  }

  private describeWanted(m: TMentionedTime): string {
    const at = this.wantedInstant(m);
    if (!at) return "That time";
    return m.datetime ? at.toFormat("ccc LLL d 'at' h:mm a") : at.toFormat("cccc LLL d");
  }

  private slotChoices(slots: TBookableSlot[]): string {
    const labels = slots.map((s) => this.local(s).toFormat("ccc LLL d 'at' h:mm a"));
    return labels.length > 1 ? `${labels.slice(0, -1).join(", ")} or ${labels.at(-1)}` : (labels[0] ?? "");
  }

  private offer(parts: string[], slots: TBookableSlot[]): Omit<TAgentReply, "usage" | "classification"> {
    if (slots.length === 0) {
      this.state.offeredSlots = [];
      if (!parts.some((p) => p.includes("no openings")))
        parts.push("I don't have an opening in the next two weeks. A teammate will text you to find a time.");
      return {
        message: this.finish(parts),
        handover: { reason: "No open appointment slots" },
        state: this.state,
      };
    }
    this.state.offeredSlots = slots;
    const lead = parts.at(-1)?.endsWith(", but") ? "I have" : "I have an opening";
    parts.push(
      `${lead} ${this.slotChoices(slots)}. ${slots.length > 1 ? "Which works for you?" : "Does that work?"}`,
    );
    if (this.sideAnswer) parts.push(this.sideAnswer);
    return { message: this.finish(parts), handover: null, state: this.state };
  }

  private async book(
    parts: string[],
    slot: TBookableSlot,
  ): Promise<Omit<TAgentReply, "usage" | "classification">> {
    const result = await this.tools.bookAppointment(slot.id);
    if (!result.ok) {
      this.state.offeredSlots = this.state.offeredSlots.filter((s) => s.id !== slot.id);
      parts.push("That time was just taken, sorry!");
      return this.offer(parts, await this.findSlots(null));
    }
    this.state.booked = {
      appointmentId: result.appointmentId,
      start: result.slot.start,
      end: result.slot.end,
    };
    this.state.offeredSlots = [];
    const bookingAt = this.bookingStageIndex() ?? this.stageIndex(this.state.stage);
    const after = this.playbook.stages[bookingAt + 1];
    this.state.stage = after?.key ?? this.state.stage;
    parts.push(`You're booked for ${this.local(result.slot).toFormat("cccc, LLL d 'at' h:mm a")}.`);
    if (this.sideAnswer) parts.push(this.sideAnswer);
    const question = after?.questions.find((_, q) => !this.state.asked.includes(`${after.key}:${q}`));
    if (after && question) {
      this.state.asked.push(`${after.key}:${after.questions.indexOf(question)}`);
      parts.push(this.hi(question));
    } else parts.push("See you then!");
    return { message: this.finish(parts), handover: null, state: this.state };
  }

  // ——— wording ———

  private hi(template: string): string {
    const text = fill(template, this.ctx.merge);
    // "Great to hear, !" when the lead has no first name on file.
    return text.replace(/,\s*([!.?])/g, "$1").replace(/\s+,/g, ",");
  }

  /** Two segments at most, no forbidden phrase, never the previous message word for word. */
  private finish(parts: string[]): string {
    const forbidden = this.playbook.forbiddenPhrases;
    const message = composeSms(parts, forbidden);
    if (!sameMessage(message, this.lastAgentMessage)) return message;
    const alternative = composeSms(["Just to follow up:", ...parts], forbidden);
    return sameMessage(alternative, this.lastAgentMessage)
      ? composeSms(["Whenever you're ready, just reply here.", ...parts.slice(1)], forbidden)
      : alternative;
  }
}
