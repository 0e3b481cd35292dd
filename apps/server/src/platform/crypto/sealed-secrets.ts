import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/** `v1.<iv>.<tag>.<ciphertext>` in base64url: AES-256-GCM under SECRETS_KEY, so a changed byte fails to open. */
export function sealSecret(secretsKeyHex: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", Buffer.from(secretsKeyHex, "hex"), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

export function openSecret(secretsKeyHex: string, sealed: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("Sealed secret is malformed");
  const decipher = createDecipheriv(
    "aes-256-gcm",
    Buffer.from(secretsKeyHex, "hex"),
    Buffer.from(iv, "base64url"),
  );
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}
