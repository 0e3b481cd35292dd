import type { TMentionedTime } from "@plaibook/shared";
import * as chrono from "chrono-node";
import { DateTime } from "luxon";
import { normalizeText } from "./text.js";

/**
 * The time a lead mentions, read in their zone. chrono-node parses; we pass it the reference
 * instant and the zone's UTC offset at that instant, and read back only wall-clock components, so
 * the machine's TZ never leaks in and DST on the target day does not shift the hour.
 *
 * Conventions (SOURCES.md): morning 09:00, afternoon 14:00, evening/tonight 18:00, "after 3" →
 * 15:00 with `after`, a window → its start, bare hours are business hours ("at 4" → 16:00), two
 * options → the first, and a pick among the slots the agent just offered takes that slot.
 */

const PART_OF_DAY: [RegExp, number][] = [
  [/\b(?:morning|mornings|first thing|early am)\b/, 9],
  [/\b(?:noon|lunch ?time|lunch|midday)\b/, 12],
  [/\b(?:afternoon|afternoons)\b/, 14],
  [/\b(?:evening|evenings|tonight|night|after work|after dinner)\b/, 18],
];
const PART_OF_DAY_CLOCK: Record<string, string> = {
  morning: "9:00am",
  afternoon: "2:00pm",
  evening: "6:00pm",
  night: "6:00pm",
};
/** What `prepare` writes for a part of the day; a lead typing "9:00am" exactly is rare enough. */
const PART_OF_DAY_CLOCKS = /\b(?:9:00am|2:00pm|6:00pm)\b/;
const WEEKDAY = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const ORDINAL_WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};
/** Numbers followed by these are counts, not clock times ("like 10 of these a day"). */
const NOT_A_CLOCK =
  "(?!\\s*(?:of|times|people|bucks|dollars|percent|%|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|yrs?|kids|dogs|cats|bed|beds|bedrooms?|baths?|stor(?:y|ies)|panels?|cars?|acres?|sq|square|k\\b|x\\b|a day|per|each|more|units?|texts|messages|treatments?|visits?|sessions?|services?|cleanings?|sprays?|applications?|tries|attempts|calls|rounds|coats|years?))";

type TFoundTime = {
  date: string | null;
  time: string | null;
  text: string;
  /** Said as what does not work ("can't do thursday", "I get off at 5", "instead of 10"). */
  excluded: boolean;
  /** The time came from "morning"/"evening", not a clock. */
  fromPartOfDay: boolean;
};

const pad = (value: number): string => String(value).padStart(2, "0");
const WEEKDAY_ONLY = new RegExp(`^(?:on )?(?:${WEEKDAY})\\b`);

/** Rewrites SMS phrasings chrono does not read into ones it does, noting "after" on the way. */
function prepare(normalized: string, local: DateTime): { text: string; after: boolean } {
  let after = false;
  let text = normalized
    .replace(/^(?:liked|loved|emphasized|laughed at|disliked|questioned) ["\u201c].*$/, "")
    .replace(
      /\b(\d{1,2})(?::(\d{2}))?\s?([ap])\.?m?\.?(?=\s|$|[,.!?;)])/g,
      (_m, h: string, m: string | undefined, ap: string) => `${h}${m ? `:${m}` : ""}${ap}m`,
    )
    .replace(/\b(\d{1,2}(?::\d{2})?(?:am|pm)?)ish\b/g, "$1")
    .replace(/\bnoonish\b/g, "noon")
    .replace(/@\s*(\d)/g, "at $1")
    .replace(/\bquarter (?:after|past) (\d{1,2})\b/g, "$1:15")
    .replace(/\bhalf (?:past|after) (\d{1,2})\b/g, "$1:30")
    .replace(
      /\bquarter (?:to|till|of) (\d{1,2})\b/g,
      (_m, h: string) => `${Number(h) === 1 ? 12 : Number(h) - 1}:45`,
    )
    // "first thing monday (morning)" and "monday first thing" are that day at 09:00.
    .replace(
      new RegExp(
        `\\bfirst thing (?:in the morning )?(?:on |this )?(${WEEKDAY}|tomorrow)(?: morning)?\\b`,
        "g",
      ),
      "$1 at 9:00am",
    )
    .replace(new RegExp(`\\b(${WEEKDAY}|tomorrow) first thing(?: in the morning)?\\b`, "g"), "$1 at 9:00am")
    .replace(/\bfirst thing(?: in the morning)?\b/g, "morning")
    // "6:30 tmrw morning", "7 in the evening": the part of the day settles am/pm for the clock.
    .replace(
      new RegExp(
        `\\b(\\d{1,2}(?::\\d{2})?)\\s*(?:(${WEEKDAY}|tomorrow|today|this)\\s+)?(?:in the\\s+)?(morning|afternoon|evening|night)\\b`,
        "g",
      ),
      (_m, clock: string, day: string | undefined, part: string) =>
        `${clock}${part === "morning" ? "am" : "pm"}${day ? ` ${day === "this" ? "today" : day}` : ""}`,
    )
    .replace(
      new RegExp(
        `\\b(${WEEKDAY}|tomorrow|today) (?:in the |around |at )?(morning|afternoon|evening|night)\\b`,
        "g",
      ),
      (_m, day: string, part: string) => `${day} at ${PART_OF_DAY_CLOCK[part]}`,
    )
    .replace(
      /\bthis (morning|afternoon|evening)\b/g,
      (_m, part: string) => `today at ${PART_OF_DAY_CLOCK[part]}`,
    )
    .replace(/\btonight\b/g, "today at 6:00pm")
    .replace(
      new RegExp(
        `\\b(?:around|about|approx|approximately|like|close to|say|maybe|do|try|make it|how about|what about|or)\\s+(\\d{1,2}(?::\\d{2})?(?:am|pm)?)\\b${NOT_A_CLOCK}`,
        "g",
      ),
      (whole, clock: string) => (/^\d{3,}/.test(clock) ? whole : ` at ${clock}`),
    )
    .replace(
      /(?<!at |:|\d)\b(\d{1,2}(?::\d{2})?(?:am|pm)?) (instead|works|is good|is better|would work|is perfect)\b/g,
      "at $1 $2",
    );
  // "move monday to wednesday": two days, the first ruled out by the verb; chrono would read a range.
  text = text.replace(
    new RegExp(
      `\\b(move|push|bump|switch|shift|change|reschedule)((?: (?:it|us|me|my|our|the|that|this|it from|from))*) (${WEEKDAY}|tomorrow|today)((?:'?s)?(?: [a-z]+)?) (?:to|till|until|over to) (${WEEKDAY}|tomorrow|the \\d)`,
      "g",
    ),
    "$1$2 $3$4, over to $5",
  );
  // "the 14th", "the first of the month": a day of this month, or next month once it has passed.
  text = text.replace(
    /\bthe (\d{1,2})(?:st|nd|rd|th)\b(?: of (?:the|this|next) month)?|\bthe (first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) of (?:the|this|next) month\b/g,
    (whole, digits: string | undefined, word: string | undefined) => {
      const day = digits ? Number(digits) : (ORDINAL_WORDS[word ?? ""] ?? 0);
      if (day < 1 || day > 31) return whole;
      const month = day >= local.day ? local : local.plus({ months: 1 });
      return `${MONTH_NAMES[month.month - 1]} ${day}th`;
    },
  );
  // "evening of the 9th", "the 9th in the evening", "morning on friday": that day at the part's hour.
  const months = MONTH_NAMES.join("|");
  text = text
    .replace(
      new RegExp(
        `\\b(morning|afternoon|evening|night) (?:of|on) (?:the )?((?:${months}) \\d{1,2}th|${WEEKDAY})\\b`,
        "g",
      ),
      (_m, part: string, day: string) => `${day} at ${PART_OF_DAY_CLOCK[part]}`,
    )
    .replace(
      new RegExp(
        `\\b((?:${months}) \\d{1,2}th),? (?:in the |at |around )?(morning|afternoon|evening|night)\\b`,
        "g",
      ),
      (_m, day: string, part: string) => `${day} at ${PART_OF_DAY_CLOCK[part]}`,
    );
  // A window ("between 2 and 4", "2-4pm", "from 10 to noon") → its start, borrowing the end's am/pm.
  text = text.replace(
    new RegExp(
      `\\b(?:between|from)?\\s*(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm)?\\s*(?:-|–|to|and|till|until)\\s*(\\d{1,2})(?::\\d{2})?\\s*(am|pm)?\\b${NOT_A_CLOCK}`,
      "g",
    ),
    (
      whole,
      h: string,
      m: string | undefined,
      ap1: string | undefined,
      h2: string,
      ap2: string | undefined,
    ) => {
      const start = Number(h);
      const end = Number(h2);
      if (start > 12 || end > 12 || start === end) return whole;
      let meridiem = ap1 ?? "";
      if (!ap1 && ap2) meridiem = ap2 === "pm" && start > end && end !== 12 ? "am" : ap2;
      return ` at ${h}${m ? `:${m}` : ""}${meridiem}`;
    },
  );
  text = text.replace(
    new RegExp(
      `\\b(?:any ?time |anytime |sometime |whenever )?after (\\d{1,2}(?::\\d{2})?(?:am|pm)?|noon|lunch)\\b${NOT_A_CLOCK}`,
      "g",
    ),
    (_m, at: string) => {
      after = true;
      return at === "lunch" ? "at 1pm" : `at ${at}`;
    },
  );
  if (/\b(\d{1,2}(?::\d{2})?(?:am|pm)?) or later\b|\bafter work\b|\bafter dinner\b/.test(text)) after = true;
  text = text
    .replace(/\b(?:after|around|at|for) lunch\b/g, "at noon")
    // "thursday 4" / "friday at 4" — a bare number right after a day is a clock hour.
    .replace(
      new RegExp(
        `\\b(${WEEKDAY}|tomorrow|today|\\d{1,2}th),?\\s+(\\d{1,2}(?::\\d{2})?)(?!\\s*(?:am|pm|th|st|nd|rd|/|-|\\d))\\b`,
        "g",
      ),
      "$1 at $2",
    )
    // chrono skips a bare "at 2"; "at 2:00" it reads (and we still treat the hour as business hours).
    .replace(/\bat (\d{1,2})(?![:\d]|\s*(?:am|pm)\b)/g, "at $1:00");
  return { text, after };
}

/** What the lead rules out, or a constraint rather than a proposal, said just before a time. */
const EXCLUDING_BEFORE =
  /(?:can not|could not|will not|not able to|unable to|no longer|not|cancel|cancell?ing|instead of|get off|off work|leave|leaving|done|finish|work until|work till|busy|except|other than|besides|have to be out)\s+(?:(?!and\b|but\b|then\b|so\b)\w+\s+){0,3}$|\b(?:move|moving|push|pushing|change|changing|switch|switching|shift|shifting|bump|bumping|reschedule|rescheduling|from)\s+(?:my |the |our |your )?$|\b(?:ask|asking|check with|talk (?:to|with) (?!you)|discuss (?:it |this |that )?with|run it by|let you know|get back to you|think (?:about it|it over)|decide|hear back)\s*(?:\w+\s+){0,3}$|(?:\b(?:was|were)\s+(?!hoping|wondering|thinking|going|planning|looking|wanting|trying|told|asked)|\b(?:came|did|showed up|showed|finished|left|stopped by|came by|came out|happened|treated|sprayed|cleaned))\s*(?:\w+\s+){0,3}$/;
const EXCLUDING_AFTER =
  /^(?:'?s)?\s*(?:appointment |appt |one |slot )?(?:anymore|does not work|will not work|is not good|is bad|no longer works|is out)/;

function isUsable(result: chrono.ParsedResult): boolean {
  const text = result.text.trim();
  if (/\bnow\b/.test(text) || /^\d{4}$/.test(text)) return false;
  // "in 20 minutes", "an hour": a delay, not a time the lead proposes.
  if (result.tags().has("result/relativeDate") || /^(?:in )?(?:an?|about an?) (?:hour|minute)/.test(text))
    return false;
  const start = result.start;
  return (
    start.isCertain("day") ||
    start.isCertain("weekday") ||
    start.isCertain("hour") ||
    partOfDayHour(text) !== null
  );
}

function toFound(result: chrono.ParsedResult, prepared: string): TFoundTime {
  const start = result.start;
  const dayKnown = start.isCertain("day") || start.isCertain("weekday");
  const partOfDay = partOfDayHour(result.text);
  let time: string | null = null;
  if (start.isCertain("hour")) {
    let hour = start.get("hour") ?? 0;
    // Bare hours are business hours: "at 4" is 16:00, "at 9" stays 09:00 — unless the lead said morning.
    const around = prepared.slice(result.index, result.index + result.text.length + 20);
    if (!start.isCertain("meridiem") && hour >= 1 && hour <= 7 && !/\bmorning\b|\bearly\b/.test(around))
      hour += 12;
    time = `${pad(hour)}:${pad(start.get("minute") ?? 0)}`;
  } else if (partOfDay !== null) time = `${pad(partOfDay)}:00`;
  const date = dayKnown
    ? `${start.get("year")}-${pad(start.get("month") ?? 1)}-${pad(start.get("day") ?? 1)}`
    : null;
  const before = prepared.slice(Math.max(0, result.index - 40), result.index);
  const after = prepared.slice(result.index + result.text.length);
  const excluded = EXCLUDING_BEFORE.test(before) || EXCLUDING_AFTER.test(after);
  return {
    date,
    time,
    text: result.text.trim(),
    excluded,
    fromPartOfDay: time !== null && (!start.isCertain("hour") || PART_OF_DAY_CLOCKS.test(result.text)),
  };
}

function parseTimes(
  text: string,
  sentAt: Date,
  timeZone: string,
): { found: TFoundTime[]; after: boolean; prepared: string } {
  const local = DateTime.fromJSDate(sentAt).setZone(timeZone);
  const { text: prepared, after } = prepare(normalizeText(text), local);
  const results = chrono.parse(prepared, { instant: sentAt, timezone: local.offset }, { forwardDate: true });
  const today = local.toISODate() ?? "";
  const found = results
    .filter(isUsable)
    .map((result) => toFound(result, prepared))
    // "the basement flooded last night": a day gone by is the problem's, never a proposal.
    .filter(
      (time) => (time.date !== null || time.time !== null) && (time.date === null || time.date >= today),
    );
  // "mornings are best": a part of the day with no day and no clock chrono would report.
  if (found.length === 0) {
    const hour = partOfDayHour(proposalText(prepared));
    if (hour !== null)
      found.push({
        date: null,
        time: `${pad(hour)}:00`,
        text: prepared,
        excluded: false,
        fromPartOfDay: true,
      });
  }
  return { found, after, prepared };
}

/**
 * The first time the lead proposes (two options → the first), completed from the rest of the
 * message: "next mon or tues after 5" puts the 5 on Monday; "I get off at 5 tmrw, 5:30?" keeps the day.
 */
function proposedTime(found: TFoundTime[]): TFoundTime | null {
  const primary = found.find((time) => !time.excluded);
  if (!primary) return null;
  const others = found.filter((time) => time !== primary);
  let date = primary.date ?? others.find((time) => time.date !== null)?.date ?? null;
  // "move monday to wednesday": the new weekday comes after the day it replaces.
  const replaced = found.find((time) => time.excluded && time.date !== null);
  if (date && replaced?.date && primary.date && date < replaced.date && WEEKDAY_ONLY.test(primary.text))
    date = DateTime.fromISO(date).plus({ days: 7 }).toISODate();
  // A clock said after a part of the day refines it: "sat morning? like 8?" is 08:00.
  const clock = others.find((time) => time.time !== null && !time.excluded && time.date === null);
  const time =
    primary.time !== null && !(primary.fromPartOfDay && clock)
      ? primary.time
      : (clock?.time ?? others.find((time) => time.time !== null && !time.excluded)?.time ?? primary.time);
  return { ...primary, date, time };
}

/**
 * The text with the parts of the day that describe the problem, not a proposal, taken out:
 * "the drain gurgled all night", "the alarm went off last night", "every morning it leaks".
 */
const PROBLEM_PART_OF_DAY =
  /\b(?:all|last|every|each|through the|during the|overnight|the whole|at) (?:night|morning|evening|afternoon|day)s?\b|\bovernight\b|\b(?:yesterday|sunday|monday|tuesday|wednesday|thursday|friday|saturday) night\b(?=[^.?!]*\b(?:was|were|went|kept|had|did|started|stopped|happened|broke|leaked|flooded)\b)/g;
function proposalText(text: string): string {
  return text.replace(PROBLEM_PART_OF_DAY, " ");
}

function partOfDayHour(text: string): number | null {
  for (const [pattern, hour] of PART_OF_DAY) if (pattern.test(text)) return hour;
  return null;
}

const FIRST = /\b(?:first|1st|earlier|earliest|former|sooner|either|any of those|whichever)\b/;
const SECOND = /\b(?:second|2nd|latter|later one|last one)\b/;
const ACCEPT =
  /^(?:yes|sure|okay|perfect|great|sounds good|that works|works|works for me|that is fine|fine|book it|let us do it|do it|deal|confirmed)\b|\b(?:that works|works for me|sounds good|book (?:it|me)|that time works|that is perfect|i will take it|lock it in)\b/;
const SAME_TIME = /\b(?:same time|same hour|usual time)\b/;
const NEXT_WEEK = /\b(?:next week|the following week|a week later|a week out|one week later)\b/;
/** The agent asked the lead to choose, rather than confirming or announcing something. */
const AGENT_OFFERS =
  /\?|\b(?:which|would|does|do you|how about|what about|work for you|works for you|let me know|pick|prefer|available)\b/i;

export type TMentionedTimeInput = {
  text: string;
  context: { role: string; text: string }[];
  timeZone: string;
  sentAt: Date;
};

/** Anything chrono or a slot pick could use; without one we skip parsing (most SMS have none). */
const TIME_HINT = new RegExp(
  `\\d|\\b(?:${WEEKDAY}|tue|tues|wed|weds|thu|thur|thurs|fri|sat|today|tomorrow|tmrw|tmr|tonight|tonite|weekend|wknd|morning|mornings|afternoon|evening|night|noon|lunch|midday|week|first|second|earlier|later|former|latter|either|whichever|same time|any of those)\\b`,
);
const PICK_HINT = new RegExp(`${FIRST.source}|${SECOND.source}|${ACCEPT.source}`);

/** The agent's last message is parsed again for every reply in a conversation; keep recent ones. */
const agentTimesCache = new Map<string, TFoundTime[]>();
function agentTimes(text: string, sentAt: Date, timeZone: string): TFoundTime[] {
  const key = `${timeZone}|${sentAt.toISOString().slice(0, 13)}|${text}`;
  const cached = agentTimesCache.get(key);
  if (cached) return cached;
  const found = TIME_HINT.test(text.toLowerCase()) ? parseTimes(text, sentAt, timeZone).found : [];
  if (agentTimesCache.size >= 500) agentTimesCache.clear();
  agentTimesCache.set(key, found);
  return found;
}

/** "the second one", "option 2", "#1", "the last one": a slot by its position in the agent's offer. */
const POSITIONAL_PICK =
  /\b(?:the )?(first|second|third|1st|2nd|3rd|last|latter|former|earlier|later) (?:one|option|slot|time|choice|pick|of those|of the two|works|is good|is better|please)\b|\b(?:option|choice|slot|number|#|no\.?) ?(1|2|3|one|two|three)\b|(?:^|\s)#(1|2|3)\b|^(?:the )?(first|second|third|1st|2nd|3rd|last|latter|former)(?: please)?[.!]*$/;
const POSITION: Record<string, number> = {
  first: 0,
  "1st": 0,
  "1": 0,
  one: 0,
  former: 0,
  earlier: 0,
  second: 1,
  "2nd": 1,
  "2": 1,
  two: 1,
  third: 2,
  "3rd": 2,
  "3": 2,
  three: 2,
};

function positionalPick(normalized: string, slots: TFoundTime[]): TFoundTime | null {
  const match = POSITIONAL_PICK.exec(normalized);
  if (!match || slots.length === 0) return null;
  const word = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? "").toLowerCase();
  if (word === "last" || word === "latter" || word === "later") return slots[slots.length - 1] ?? null;
  const index = POSITION[word];
  return index === undefined ? null : (slots[index] ?? null);
}

export function extractMentionedTime(input: TMentionedTimeInput): TMentionedTime | null {
  const normalized = normalizeText(input.text);
  if (POSITIONAL_PICK.test(normalized)) {
    const lastAgentTurn = [...input.context].reverse().find((turn) => turn.role === "agent");
    const offered = lastAgentTurn
      ? agentTimes(lastAgentTurn.text, input.sentAt, input.timeZone).filter(
          (t) => t.date !== null && t.time !== null,
        )
      : [];
    const picked = positionalPick(normalized, offered);
    if (picked?.date && picked.time)
      return {
        date: picked.date,
        time: picked.time,
        after: false,
        datetime: `${picked.date}T${picked.time}`,
        text: input.text.trim().slice(0, 200),
      };
  }
  const hinted = TIME_HINT.test(normalized);
  if (!hinted && !PICK_HINT.test(normalized)) return null;
  const { found, after, prepared } = hinted
    ? parseTimes(input.text, input.sentAt, input.timeZone)
    : { found: [], after: false, prepared: normalized };
  const lead = proposedTime(found);

  const lastAgent = [...input.context].reverse().find((turn) => turn.role === "agent");
  const agent = lastAgent ? agentTimes(lastAgent.text, input.sentAt, input.timeZone) : [];
  const agentSlots = agent.filter((time) => time.date !== null && time.time !== null);
  const offers = lastAgent !== undefined && AGENT_OFFERS.test(lastAgent.text);

  let chosen: { date: string | null; time: string | null } | null = lead;
  const sameTimeNextWeek = SAME_TIME.test(prepared) && NEXT_WEEK.test(prepared);
  const booked = agentSlots[0];
  if (sameTimeNextWeek && booked?.date && booked.time) {
    // "same time next week instead?": the booked slot, seven days on.
    chosen = { date: DateTime.fromISO(booked.date).plus({ days: 7 }).toISODate(), time: booked.time };
  } else if (lead?.date && !lead.time) {
    // "the 3rd? mornings are best": a part of the day said apart from the day.
    const part = partOfDayHour(proposalText(prepared));
    // "wednesday works" after "Tue at 10 or Wed at 2?", or "sunday, same time" when moving a booking.
    const slot = agentSlots.find((s) => s.date === lead.date);
    const sameTime = SAME_TIME.test(prepared) ? agent.find((s) => s.time !== null) : undefined;
    chosen = {
      date: lead.date,
      time: (part !== null ? `${pad(part)}:00` : null) ?? slot?.time ?? sameTime?.time ?? null,
    };
  } else if (lead?.time && !lead.date) {
    // "the 1:30" after "Saturday at 10 or 1:30?", or "can we do 3 instead?" about today's visit.
    const slot = agentSlots.find((s) => s.time === lead.time) ?? agent.find((s) => s.date !== null);
    chosen = { date: slot?.date ?? null, time: lead.time };
  } else if (!lead && agentSlots.length > 0 && offers && !/\bno\b|\bnot\b/.test(prepared)) {
    chosen = pickAmong(prepared, agentSlots);
  }
  if (!chosen || (chosen.date === null && chosen.time === null)) return null;
  return {
    date: chosen.date,
    time: chosen.time,
    after,
    datetime: chosen.date && chosen.time ? `${chosen.date}T${chosen.time}` : null,
    text: (lead?.text ?? input.text.trim()).slice(0, 200),
  };
}

/** "second one", "the 10 works", "either", or a plain yes to a single offer. */
function pickAmong(prepared: string, slots: TFoundTime[]): TFoundTime | null {
  for (const match of prepared.matchAll(/\b(\d{1,2})(?::\d{2})?\s*(?:am|pm)?\b/g)) {
    const hour = Number(match[1]);
    const found = slots.find((slot) => Number(slot.time?.slice(0, 2)) % 12 === hour % 12);
    if (found) return found;
  }
  if (SECOND.test(prepared) && slots.length > 1) return slots[1] ?? null;
  if (FIRST.test(prepared)) return slots[0] ?? null;
  if (slots.length === 1 && ACCEPT.test(prepared)) return slots[0] ?? null;
  return null;
}
