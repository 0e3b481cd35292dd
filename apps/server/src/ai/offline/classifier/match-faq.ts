import { normalizeText, stem, wordsOf } from "./text.js";

/**
 * Picks the playbook FAQ that answers an inbound question: overlap of content-word stems, with
 * synonyms folded to one concept ("how much", "cost", "charge", "run me" → price) and rarer words
 * across the FAQ list weighing more.
 */

const STOPWORDS = new Set(
  "a an the is are was were be been am do does did i you we they it he she me my your our us of to in on at for with and or but if so that this these those what which who whom how when where why can could would will should there here just about any some have has had get got not no yes please hi hey hello thanks okay".split(
    " ",
  ),
);

const SYNONYMS: [RegExp, string][] = [
  [/\bhow much\b|\brun me\b|\bset me back\b/g, " _price_ "],
  [/\bmonth to month\b|\block(?:ed)? in\b/g, " _contract_ "],
  [/\bhow long\b/g, " _duration_ "],
  [/\bsafe for\b|\bpet friendly\b|\bkid friendly\b/g, " _safety_ "],
];

const CONCEPTS: Record<string, string> = {
  cost: "_price_",
  price: "_price_",
  pric: "_price_",
  charg: "_price_",
  charge: "_price_",
  fee: "_price_",
  rate: "_price_",
  expensiv: "_price_",
  expensive: "_price_",
  pay: "_price_",
  payment: "_price_",
  quot: "_price_",
  quote: "_price_",
  dollar: "_price_",
  afford: "_price_",
  cheap: "_price_",
  spend: "_price_",
  bill: "_price_",
  contract: "_contract_",
  commitment: "_contract_",
  cancel: "_contract_",
  cancell: "_contract_",
  term: "_contract_",
  agreement: "_contract_",
  warranty: "_warranty_",
  guarante: "_warranty_",
  guarantee: "_warranty_",
  financ: "_financing_",
  financing: "_financing_",
  loan: "_financing_",
  installment: "_financing_",
  safe: "_safety_",
  safety: "_safety_",
  pet: "_safety_",
  dog: "_safety_",
  cat: "_safety_",
  kid: "_safety_",
  child: "_safety_",
  children: "_safety_",
  toxic: "_safety_",
  chemical: "_safety_",
  long: "_duration_",
  take: "_duration_",
  hour: "_duration_",
  minute: "_duration_",
  area: "_area_",
  serv: "_area_",
  servic: "_area_",
  location: "_area_",
  locat: "_area_",
  town: "_area_",
  city: "_area_",
  near: "_area_",
  zip: "_area_",
  insur: "_insured_",
  licens: "_insured_",
  bonded: "_insured_",
  schedul: "_booking_",
  book: "_booking_",
  appointment: "_booking_",
  availab: "_booking_",
  open: "_booking_",
};

function termsOf(text: string): Set<string> {
  let normalized = normalizeText(text);
  for (const [pattern, concept] of SYNONYMS) normalized = normalized.replace(pattern, concept);
  const terms = new Set<string>();
  for (const word of wordsOf(normalized)) {
    if (word.startsWith("_")) {
      terms.add(word);
      continue;
    }
    if (STOPWORDS.has(word) || word === "?" || word === "!") continue;
    if (word.startsWith("$")) {
      terms.add("_price_");
      continue;
    }
    const stemmed = stem(word);
    terms.add(CONCEPTS[stemmed] ?? CONCEPTS[word] ?? stemmed);
  }
  return terms;
}

/** Minimum share of the question's weighted terms an FAQ must cover to be the answer. */
const MATCH_THRESHOLD = 0.3;
/** …or the share of the FAQ's own terms the question names. */
const FAQ_COVERAGE_THRESHOLD = 0.6;

export function matchFaq(question: string, faqs: { question: string; answer: string }[]): number | null {
  const asked = termsOf(question);
  if (asked.size === 0 || faqs.length === 0) return null;
  const faqTerms = faqs.map((faq) => termsOf(faq.question));
  const documentFrequency = new Map<string, number>();
  for (const terms of faqTerms)
    for (const term of terms) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const weight = (term: string) => Math.log(1 + (faqs.length + 1) / (1 + (documentFrequency.get(term) ?? 0)));
  let askedWeight = 0;
  for (const term of asked) askedWeight += weight(term);

  let best: { index: number; score: number } | null = null;
  for (const [index, terms] of faqTerms.entries()) {
    let shared = 0;
    for (const term of asked) if (terms.has(term)) shared += weight(term);
    let faqWeight = 0;
    for (const term of terms) faqWeight += weight(term);
    // Dice-like: rewards covering the question without favouring long FAQ entries.
    const score = faqWeight === 0 ? 0 : (2 * shared) / (askedWeight + faqWeight);
    const coverage = shared / askedWeight;
    // A short FAQ fully named inside a long question ("…what area do you cover") also answers it.
    const faqCoverage = faqWeight === 0 ? 0 : shared / faqWeight;
    const combined = Math.max(score, coverage * 0.9, faqCoverage * 0.6);
    const enough = coverage >= MATCH_THRESHOLD || faqCoverage >= FAQ_COVERAGE_THRESHOLD;
    if (enough && (!best || combined > best.score)) best = { index, score: combined };
  }
  return best?.index ?? null;
}
