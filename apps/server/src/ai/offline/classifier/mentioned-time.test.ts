import { describe, expect, it } from "vitest";
import { extractMentionedTime } from "./mentioned-time.js";

// Tuesday 14 April 2026, 11:00 in New York (15:00 UTC).
const sentAt = new Date("2026-04-14T15:00:00Z");
const read = (
  text: string,
  timeZone = "America/New_York",
  at = sentAt,
  context: { role: string; text: string }[] = [],
) => extractMentionedTime({ text, context, timeZone, sentAt: at });

describe("extractMentionedTime", () => {
  it.each([
    ["thursday at 10", "2026-04-16T10:00"],
    ["friday morning works", "2026-04-17T09:00"],
    ["tomorrow afternoon", "2026-04-15T14:00"],
    ["tonight?", "2026-04-14T18:00"],
    ["wed at 4", "2026-04-15T16:00"],
    ["saturday between 1 and 3", "2026-04-18T13:00"],
    ["monday 9-11am", "2026-04-20T09:00"],
    ["thursday at 2 or friday at 10", "2026-04-16T14:00"],
    ["the 20th at noon", "2026-04-20T12:00"],
    ["tmrw at 7:30 in the morning", "2026-04-15T07:30"],
    ["can't do friday anymore, how about monday at 3?", "2026-04-20T15:00"],
  ])("%j → %s", (text, datetime) => {
    expect(read(text)?.datetime).toBe(datetime);
  });

  it("marks 'after 3' as the earliest acceptable time", () => {
    expect(read("anytime after 3 on friday")).toMatchObject({
      datetime: "2026-04-17T15:00",
      time: "15:00",
      after: true,
    });
  });

  it("fills only the half it knows", () => {
    expect(read("friday works")).toMatchObject({ date: "2026-04-17", time: null, datetime: null });
    expect(read("can you do 4:30?")).toMatchObject({ date: null, time: "16:30", datetime: null });
  });

  it("returns null when no time is mentioned", () => {
    expect(read("we have 2 dogs and 3 kids")).toBeNull();
    expect(read("how much for 4 bedrooms?")).toBeNull();
  });

  it("reads the day in the lead's zone, not UTC", () => {
    // 02:30 UTC on Wednesday is still Tuesday evening in Los Angeles: "tomorrow" is Wednesday.
    const lateUtc = new Date("2026-04-15T02:30:00Z");
    expect(read("tomorrow at 10", "America/Los_Angeles", lateUtc)?.datetime).toBe("2026-04-15T10:00");
    expect(read("tomorrow at 10", "Asia/Tokyo", lateUtc)?.datetime).toBe("2026-04-16T10:00");
  });

  it("keeps the wall-clock hour across a DST change", () => {
    // Friday 6 March 2026 in New York (EST); Monday 9 March is after the switch to EDT.
    const beforeDst = new Date("2026-03-06T17:00:00Z");
    expect(read("monday at 9", "America/New_York", beforeDst)?.datetime).toBe("2026-03-09T09:00");
  });

  it("takes the slot the lead picks from the agent's offer", () => {
    const context = [{ role: "agent", text: "I can do Thursday at 10am or Friday at 2pm, which is better?" }];
    expect(read("friday", "America/New_York", sentAt, context)?.datetime).toBe("2026-04-17T14:00");
    expect(read("the first one", "America/New_York", sentAt, context)?.datetime).toBe("2026-04-16T10:00");
    expect(read("2 works", "America/New_York", sentAt, context)?.datetime).toBe("2026-04-17T14:00");
  });

  it("keeps the booked time when the lead moves only the day", () => {
    const context = [{ role: "agent", text: "Reminder: your estimate is Thursday at 11 AM." }];
    expect(read("can we do friday same time?", "America/New_York", sentAt, context)?.datetime).toBe(
      "2026-04-17T11:00",
    );
  });
});

describe("extractMentionedTime: picks, parts of the day, moves", () => {
  const offer = [{ role: "agent", text: "I have Thursday at 9am or Friday at 1pm, which is better?" }];
  it.each([
    ["the second one pls", offer, "2026-04-17T13:00"],
    ["first one", offer, "2026-04-16T09:00"],
    ["option 2", offer, "2026-04-17T13:00"],
    ["first thing monday morning", [], "2026-04-20T09:00"],
    ["evening of the 19th", [], "2026-04-19T18:00"],
    ["move tomorrow's appt to monday at 10", [], "2026-04-20T10:00"],
  ])("%j → %s", (text, context, datetime) => {
    expect(read(text, "America/New_York", sentAt, context)?.datetime).toBe(datetime);
  });

  it("a time that is not a proposal gives nothing", () => {
    expect(read("I'll ask my husband tonight")).toBeNull();
    expect(read("the crew came out today and did great")).toBeNull();
  });
});
