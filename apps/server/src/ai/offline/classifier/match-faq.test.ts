import { describe, expect, it } from "vitest";
import { matchFaq } from "./match-faq.js";

const faqs = [
  { question: "How much does a quarterly treatment cost?", answer: "$129 a visit." },
  { question: "Is the treatment safe for pets and children?", answer: "Yes, once dry." },
  { question: "Do I have to sign a long-term contract?", answer: "No, it is month to month." },
  { question: "What areas do you service?", answer: "All of Travis County." },
];

describe("matchFaq", () => {
  it.each([
    ["what would that run me?", 0],
    ["how much do you charge", 0],
    ["is it ok for my dog?", 1],
    ["am I locked in for a year?", 2],
    ["do you come out to Round Rock? what area do you cover", 3],
  ])("%j → FAQ %i", (question, index) => {
    expect(matchFaq(question, faqs)).toBe(index);
  });

  it("answers null when nothing fits", () => {
    expect(matchFaq("my cousin says hi", faqs)).toBeNull();
    expect(matchFaq("how much?", [])).toBeNull();
  });
});
