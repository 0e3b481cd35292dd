import type { TAnalyzerSegment } from "@plaibook/shared";
import { cleanSpeech, type TRole } from "./transcript.js";

/**
 * Who is the rep. Labels that name a role (`rep`, `agent`, `customer`, `lead` …) are taken as they
 * are; neutral diariser labels (`S1`, `SPEAKER_00` …) are read from what each speaker says: the rep
 * introduces themselves with a company, asks most of the questions, pitches and talks most. Of the
 * rest, the one who talks most is the customer; anyone else (a spouse on speaker) is `other`.
 */

const REP_LABELS = new Set(["rep", "agent", "seller", "salesperson", "sales", "advisor", "setter", "closer"]);
const CUSTOMER_LABELS = new Set(["customer", "lead", "prospect", "client", "homeowner", "buyer", "contact"]);

/** "it's Dana with SunPath Solar", "thanks for calling BugOut", "calling from Lakeside". */
const INTRODUCES_COMPANY =
  /\b(?:this is|it is|my name is|name is|i am|this|it) [a-z]+(?: [a-z]+)? (?:with|from|at|over at|here at|calling from|calling with|calling on behalf of)\b|\bthanks? (?:you )?for calling\b|\b(?:calling|reaching out|following up) (?:from|with|on behalf of)\b|\b(?:this is|it is) [a-z]+ (?:again )?(?:from|with)\b/;
const PITCHES =
  /\b(?:we (?:offer|provide|install|include|guarantee|can get you|can do|have a|have an|do a|do free|would|will come)|our (?:plan|package|program|special|promotion|team|techs?|technicians?|warranty|guarantee|membership|service|system|policy|financing|crew)|i (?:would|can) (?:recommend|get you|set you up|put you down|send you)|what i would (?:recommend|suggest)|the way (?:it|this) works|you (?:would|will) (?:get|save|pay|be looking at))\b/;
const VOICEMAIL_GREETING =
  /\b(?:leave (?:a|your|me a) (?:message|name|brief message)|after the (?:tone|beep)|(?:can not|not able to|unable to) (?:come|get) to the phone|you have reached|is not available|mailbox)\b/;

type TSpeakerScore = {
  label: string;
  talk: number;
  questions: number;
  intro: number;
  pitch: number;
  voicemail: number;
};

/** `cleaned` may carry each segment's `cleanSpeech` text when the caller has it already. */
export function inferRoles(segments: TAnalyzerSegment[], cleaned?: string[]): Record<string, TRole> {
  const labels = [...new Set(segments.map((s) => s.speaker))];
  const roles: Record<string, TRole> = {};
  const unknown: string[] = [];
  for (const label of labels) {
    const key = label.trim().toLowerCase();
    if (REP_LABELS.has(key)) roles[label] = "rep";
    else if (CUSTOMER_LABELS.has(key)) roles[label] = "customer";
    else unknown.push(label);
  }
  if (unknown.length === 0) return roles;

  const scores = new Map<string, TSpeakerScore>(
    unknown.map((label) => [label, { label, talk: 0, questions: 0, intro: 0, pitch: 0, voicemail: 0 }]),
  );
  for (const [index, segment] of segments.entries()) {
    const score = scores.get(segment.speaker);
    if (!score) continue;
    const clean = cleaned?.[index] ?? cleanSpeech(segment.text);
    score.talk += Math.max(0, segment.end - segment.start);
    score.questions += clean.match(/\?+/g)?.length ?? 0;
    if (INTRODUCES_COMPANY.test(clean)) score.intro++;
    if (PITCHES.test(clean)) score.pitch++;
    if (VOICEMAIL_GREETING.test(clean)) score.voicemail++;
  }
  const all = [...scores.values()];
  const totalTalk = all.reduce((sum, s) => sum + s.talk, 0) || 1;
  const totalQuestions = all.reduce((sum, s) => sum + s.questions, 0) || 1;
  const repScore = (s: TSpeakerScore) =>
    4 * Math.min(s.intro, 2) +
    3 * (s.questions / totalQuestions) +
    2 * (s.talk / totalTalk) +
    Math.min(s.pitch, 4) -
    6 * Math.min(s.voicemail, 1);

  const hasRep = Object.values(roles).includes("rep");
  const hasCustomer = Object.values(roles).includes("customer");
  const ranked = [...all].sort((a, b) => repScore(b) - repScore(a) || a.label.localeCompare(b.label));
  let rest = ranked;
  if (!hasRep && ranked[0]) {
    roles[ranked[0].label] = "rep";
    rest = ranked.slice(1);
  }
  const byTalk = [...rest].sort((a, b) => b.talk - a.talk || a.label.localeCompare(b.label));
  for (const [position, score] of byTalk.entries())
    roles[score.label] = position === 0 && !hasCustomer ? "customer" : "other";
  return roles;
}
