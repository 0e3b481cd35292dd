/**
 * SMS segment counting as carriers bill it: GSM-7 messages carry 160 characters in one segment and
 * 153 per segment when split; anything outside GSM-7 is sent as UCS-2 (70, or 67 per segment).
 */
const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENDED = "^{}\\[~]|€\f";

export type TSmsEncoding = "GSM-7" | "UCS-2";
export type TSegmentCount = { encoding: TSmsEncoding; segments: number; units: number };

export function countSegments(body: string): TSegmentCount {
  let units = 0;
  let gsm = true;
  for (const ch of body) {
    if (GSM_BASIC.includes(ch)) units += 1;
    else if (GSM_EXTENDED.includes(ch)) units += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm) return { encoding: "GSM-7", units, segments: units <= 160 ? 1 : Math.ceil(units / 153) };
  // UCS-2 counts UTF-16 code units: an emoji takes two.
  const codeUnits = body.length;
  return { encoding: "UCS-2", units: codeUnits, segments: codeUnits <= 70 ? 1 : Math.ceil(codeUnits / 67) };
}

/** Opt-out keywords carriers honour (CTIA), matched as the whole message. */
export const OPT_OUT_KEYWORDS = [
  "STOP",
  "STOPALL",
  "UNSUBSCRIBE",
  "CANCEL",
  "END",
  "QUIT",
  "OPTOUT",
  "REVOKE",
] as const;
export const OPT_IN_KEYWORDS = ["START", "UNSTOP", "YES"] as const;
export const HELP_KEYWORDS = ["HELP", "INFO"] as const;

export type TKeywordIntent = "opt_out" | "opt_in" | "help" | null;

/**
 * What a reply asks for, compliance-wise. A bare keyword in any case with surrounding punctuation
 * counts; so do plain requests to stop ("stop texting me", "please remove me from your list").
 */
export function classifyComplianceKeyword(body: string): TKeywordIntent {
  const bare = body
    .normalize("NFKC")
    .trim()
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")
    .replace(/\s+/g, " ")
    .toUpperCase();
  const squashed = bare.replace(/[\s-]/g, "");
  if ((OPT_OUT_KEYWORDS as readonly string[]).includes(squashed)) return "opt_out";
  if ((OPT_IN_KEYWORDS as readonly string[]).includes(squashed)) return "opt_in";
  if ((HELP_KEYWORDS as readonly string[]).includes(squashed)) return "help";
  const sentence = bare.toLowerCase();
  const stopRequest =
    /\b(stop|quit|cease|no more)\b.{0,20}\b(text|txt|messag|contact|sms|spam)/.test(sentence) ||
    /\b(unsubscribe|opt(\s|-)?out)\b/.test(sentence) ||
    /\b(remove|take)\s+me\s+(off|from)\b/.test(sentence) ||
    /\b(do not|don'?t|never)\s+(text|message|contact)\s+me\b/.test(sentence) ||
    /^(stop|stop it|stop please|please stop)$/.test(sentence);
  return stopRequest ? "opt_out" : null;
}
