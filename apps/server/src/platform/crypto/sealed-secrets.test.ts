import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "./sealed-secrets.js";

const KEY = "ab".repeat(32);

describe("sealed secrets", () => {
  it("round-trips and never shows the plaintext", () => {
    const sealed = sealSecret(KEY, '{"token":"xoxb-123"}');
    expect(sealed).not.toContain("xoxb");
    expect(openSecret(KEY, sealed)).toBe('{"token":"xoxb-123"}');
  });

  it("refuses a tampered ciphertext and the wrong key", () => {
    const sealed = sealSecret(KEY, "secret");
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3] ?? "", "base64url");
    body[0] = (body[0] ?? 0) ^ 1;
    const tampered = [...parts.slice(0, 3), body.toString("base64url")].join(".");
    expect(() => openSecret(KEY, tampered)).toThrow();
    expect(() => openSecret("cd".repeat(32), sealed)).toThrow();
  });
});
