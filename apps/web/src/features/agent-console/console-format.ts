import type { TMentionedTime, TSmsIntent } from "@plaibook/shared";
import type { TBadgeTone } from "../../components/badge";

export const INTENT_LABELS: Record<TSmsIntent, string> = {
  interested: "Interested",
  question: "Question",
  objection: "Objection",
  appointment_request: "Wants an appointment",
  reschedule: "Reschedule",
  not_interested: "Not interested",
  opt_out: "Opt-out",
  wrong_number: "Wrong number",
  already_customer: "Already a customer",
  human_request: "Wants a person",
  other: "Other",
};

export const INTENT_TONES: Record<TSmsIntent, TBadgeTone> = {
  interested: "success",
  question: "accent",
  objection: "warning",
  appointment_request: "success",
  reschedule: "accent",
  not_interested: "danger",
  opt_out: "danger",
  wrong_number: "neutral",
  already_customer: "neutral",
  human_request: "warning",
  other: "neutral",
};

/** "price/too_expensive" → "Price: too expensive". */
export function formatObjection(label: string): string {
  const [category = label, sub] = label.split("/");
  const head = humanize(category);
  return sub ? `${head}: ${humanize(sub).toLowerCase()}` : head;
}

/** "objection_handling" → "Objection handling". */
export function humanize(key: string): string {
  const words = key.replace(/[_-]+/g, " ").trim();
  return words ? words[0]?.toUpperCase() + words.slice(1) : key;
}

/** Adherence 0–100 as a colour: green from 80, amber from 60, red below. */
export function adherenceTone(score: number): TBadgeTone {
  if (score >= 80) return "success";
  if (score >= 60) return "warning";
  return "danger";
}

export function sentimentTone(score: number): TBadgeTone {
  if (score >= 0.25) return "success";
  if (score <= -0.25) return "danger";
  return "neutral";
}

/** −0.4 → "−0.4", 0.25 → "+0.3". */
export function formatSentiment(score: number): string {
  const rounded = Math.round(score * 10) / 10;
  if (rounded === 0) return "0";
  return `${rounded > 0 ? "+" : "−"}${Math.abs(rounded).toFixed(1)}`;
}

const weekday = new Intl.DateTimeFormat("en-US", {
  weekday: "short",
  month: "short",
  day: "numeric",
  timeZone: "UTC",
});

/** What the classifier understood of a time the lead mentioned: "Thu, Mar 5 · 10:00", "after 15:00". */
export function formatMentionedTime(time: TMentionedTime): string {
  const parts: string[] = [];
  if (time.date) {
    const date = new Date(`${time.date}T00:00:00Z`);
    parts.push(Number.isNaN(date.getTime()) ? time.date : weekday.format(date));
  }
  if (time.time) parts.push(`${time.after ? "after " : ""}${time.time}`);
  return parts.length > 0 ? parts.join(" · ") : time.text;
}

/** A slot in the lead's own zone: "Thu, Mar 5, 10:00 AM EST"; the browser's zone if the name is unknown. */
export function formatInZone(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = {
    weekday: "short",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  };
  try {
    return new Intl.DateTimeFormat("en-US", { ...options, timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat("en-US", options).format(date);
  }
}

export function formatLatency(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}
