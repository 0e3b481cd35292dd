/** Every word the Calls pages show for the pipeline's and the analysis's codes, in one place. */
import type { TCallOutcome, TCallStage, TCallStatus } from "@plaibook/shared";
import {
  CALL_OUTCOMES,
  CALL_STATUSES,
  OBJECTION_TAXONOMY,
  type TRANSCRIPTION_ENGINES,
} from "@plaibook/shared";
import type { TBadgeTone } from "../../components/badge";

export const CALL_STATUS_LABELS: Record<TCallStatus, string> = {
  received: "Received",
  transcoding: "Converting audio",
  transcribing: "Transcribing",
  needs_transcript: "Needs a transcript",
  analyzing: "Analysing",
  analyzed: "Analysed",
  failed: "Failed",
};

export const CALL_STATUS_TONES: Record<TCallStatus, TBadgeTone> = {
  received: "accent",
  transcoding: "accent",
  transcribing: "accent",
  needs_transcript: "warning",
  analyzing: "accent",
  analyzed: "success",
  failed: "danger",
};

/** Still moving through the pipeline: a progress bar, and more `call.progress` events to come. */
export function isProcessing(status: TCallStatus): boolean {
  return (
    status === "received" || status === "transcoding" || status === "transcribing" || status === "analyzing"
  );
}

export const CALL_STATUS_OPTIONS = CALL_STATUSES.map((status) => ({
  value: status,
  label: CALL_STATUS_LABELS[status],
}));

export const OUTCOME_LABELS: Record<TCallOutcome, string> = {
  booked: "Booked",
  sold: "Sold",
  follow_up: "Follow-up",
  lost: "Lost",
  no_decision: "No decision",
};

export const OUTCOME_TONES: Record<TCallOutcome, TBadgeTone> = {
  booked: "success",
  sold: "success",
  follow_up: "accent",
  lost: "danger",
  no_decision: "neutral",
};

export const OUTCOME_OPTIONS = CALL_OUTCOMES.map((outcome) => ({
  value: outcome,
  label: OUTCOME_LABELS[outcome],
}));

export const STAGE_LABELS: Record<TCallStage, string> = {
  greeting: "Greeting",
  discovery: "Discovery",
  presentation: "Presentation",
  objection_handling: "Objection handling",
  close: "Close",
  next_steps: "Next steps",
};

/** Band colours on the timeline (fill) and in its legend (swatch); one hue per stage. */
export const STAGE_COLORS: Record<TCallStage, string> = {
  greeting: "bg-sky-300",
  discovery: "bg-indigo-300",
  presentation: "bg-violet-300",
  objection_handling: "bg-amber-300",
  close: "bg-emerald-300",
  next_steps: "bg-teal-300",
};

export type TObjectionCategory = keyof typeof OBJECTION_TAXONOMY;

export const OBJECTION_CATEGORY_LABELS: Record<TObjectionCategory, string> = {
  price: "Price",
  timing: "Timing",
  authority: "Authority",
  need: "Need",
  competitor: "Competitor",
  trust: "Trust",
  other: "Other",
};

export const OBJECTION_CATEGORY_TONES: Record<TObjectionCategory, string> = {
  price: "bg-rose-50 text-rose-700 ring-rose-600/20",
  timing: "bg-amber-50 text-amber-800 ring-amber-600/20",
  authority: "bg-violet-50 text-violet-700 ring-violet-600/20",
  need: "bg-slate-100 text-slate-700 ring-slate-500/20",
  competitor: "bg-sky-50 text-sky-700 ring-sky-600/20",
  trust: "bg-teal-50 text-teal-700 ring-teal-600/20",
  other: "bg-slate-100 text-slate-700 ring-slate-500/20",
};

/** The taxonomy's subcategories in words; an org's own subcategories fall back to their slug in words. */
const SUBCATEGORY_LABELS: Record<string, string> = {
  too_expensive: "too expensive",
  budget: "no budget",
  found_cheaper: "found it cheaper",
  hidden_fees: "hidden fees",
  not_now: "not now",
  call_back_later: "call back later",
  seasonal: "seasonal",
  spouse_partner: "needs to ask a spouse or partner",
  landlord_owner: "needs the landlord or owner",
  boss_committee: "needs a boss or committee",
  not_interested: "not interested",
  no_problem_now: "no problem right now",
  diy: "will do it themselves",
  current_provider: "happy with current provider",
  under_contract: "under contract",
  skeptical_results: "doubts the results",
  bad_past_experience: "bad past experience",
  scam_concern: "worried it's a scam",
  privacy: "privacy",
};

function words(slug: string): string {
  return slug.replace(/[_-]+/g, " ").trim();
}

export function objectionCategoryLabel(category: string): string {
  return OBJECTION_CATEGORY_LABELS[category as TObjectionCategory] ?? capitalise(words(category));
}

export function objectionCategoryTone(category: string): string {
  return OBJECTION_CATEGORY_TONES[category as TObjectionCategory] ?? OBJECTION_CATEGORY_TONES.other;
}

/**
 * `price/too_expensive` → "Price: too expensive"; `other` → "Other". `customLabels` maps an org's own
 * `category/slug` to the label it gave in Settings → Calls.
 */
export function objectionLabel(label: string, customLabels: Record<string, string> = {}): string {
  const [category = "", sub] = label.split("/");
  const head = objectionCategoryLabel(category);
  if (!sub) return head;
  const tail = customLabels[label] ?? SUBCATEGORY_LABELS[sub] ?? words(sub);
  return `${head}: ${tail}`;
}

export const OBJECTION_CATEGORY_OPTIONS = (Object.keys(OBJECTION_TAXONOMY) as TObjectionCategory[]).map(
  (category) => ({ value: category, label: OBJECTION_CATEGORY_LABELS[category] }),
);

export const HANDLING_LABELS = {
  strong: "Handled well",
  adequate: "Handled adequately",
  weak: "Handled weakly",
  unaddressed: "Not addressed",
} as const;

export const HANDLING_TONES: Record<keyof typeof HANDLING_LABELS, TBadgeTone> = {
  strong: "success",
  adequate: "accent",
  weak: "warning",
  unaddressed: "danger",
};

export type TTranscriptionEngine = (typeof TRANSCRIPTION_ENGINES)[number];

export const TRANSCRIPTION_ENGINE_LABELS: Record<
  TTranscriptionEngine,
  { label: string; description: string }
> = {
  supplied_only: {
    label: "Supplied transcripts only",
    description:
      "Only calls uploaded with a transcript (or whose phone system sends one) are analysed; the rest wait for one.",
  },
  openai: {
    label: "OpenAI-compatible speech-to-text",
    description:
      "Recordings are sent to the speech-to-text endpoint configured on the server; most accurate, billed per minute.",
  },
  pocketsphinx: {
    label: "Pocketsphinx on this server",
    description: "Transcribed offline on this server: nothing leaves it, but expect rougher transcripts.",
  },
};

/** Where a transcript came from, for the call page's footnote. */
export const TRANSCRIPT_SOURCE_LABELS: Record<string, string> = {
  supplied: "Supplied with the upload",
  openai: "OpenAI-compatible speech-to-text",
  pocketsphinx: "Pocketsphinx (offline)",
};

export const DIRECTION_LABELS = { inbound: "Inbound", outbound: "Outbound" } as const;

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
