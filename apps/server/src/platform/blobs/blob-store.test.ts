import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalS3, type TLocalS3 } from "../../../test/fakes/local-s3.js";
import { BlobNotFoundError, type BlobStore, BlobTooLargeError } from "./blob-store.js";
import { createFsBlobStore } from "./fs-blob-store.js";
import { createS3BlobStore } from "./s3-blob-store.js";

const MB = 1024 * 1024;

/** `megabytes` of pseudo-random bytes, made chunk by chunk (never whole in memory), with their hash. */
function generated(megabytes: number) {
  const hash = createHash("sha256");
  let seed = 7;
  async function* chunks() {
    for (let i = 0; i < megabytes * 16; i++) {
      const chunk = Buffer.alloc(64 * 1024);
      for (let j = 0; j < chunk.length; j += 4) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        chunk.writeUInt32LE(seed, j);
      }
      hash.update(chunk);
      yield chunk;
    }
  }
  return { stream: Readable.from(chunks()), sha256: () => hash.digest("hex") };
}

async function sha256Of(stream: NodeJS.ReadableStream): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest("hex"), bytes };
}

function contract(name: string, make: () => BlobStore, leftovers: () => string[]) {
  describe(name, () => {
    it("streams a large file in and out, recording its size and SHA-256", async () => {
      const store = make();
      const source = generated(24);
      const stored = await store.put("org-1/calls/call-1.wav", source.stream, { contentType: "audio/wav" });
      expect(stored).toEqual({ key: "org-1/calls/call-1.wav", bytes: 24 * MB, sha256: source.sha256() });
      expect(await store.head("org-1/calls/call-1.wav")).toEqual({ bytes: 24 * MB });
      expect(await sha256Of(await store.get("org-1/calls/call-1.wav"))).toEqual({
        sha256: stored.sha256,
        bytes: 24 * MB,
      });
    });

    it("reads an inclusive byte range (for audio seeking)", async () => {
      const store = make();
      const body = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
      await store.put("org-1/calls/range.wav", Readable.from([body]));
      const chunks: Buffer[] = [];
      for await (const chunk of (await store.get("org-1/calls/range.wav", {
        start: 100,
        end: 349,
      })) as AsyncIterable<Buffer>)
        chunks.push(chunk);
      expect(Buffer.concat(chunks)).toEqual(body.subarray(100, 350));
    });

    it("stops past the size limit and leaves nothing behind", async () => {
      const store = make();
      await expect(
        store.put("org-1/calls/too-big.wav", generated(3).stream, { maxBytes: 2 * MB }),
      ).rejects.toBeInstanceOf(BlobTooLargeError);
      expect(await store.head("org-1/calls/too-big.wav")).toBeNull();
      expect(leftovers().filter((f) => f.includes("too-big"))).toEqual([]);
    });

    it("says plainly when a blob is missing, and refuses keys that climb out", async () => {
      const store = make();
      await expect(store.get("org-1/calls/nothing.wav")).rejects.toBeInstanceOf(BlobNotFoundError);
      expect(await store.head("org-1/calls/nothing.wav")).toBeNull();
      await expect(store.put("../escape.wav", Readable.from([Buffer.from("x")]))).rejects.toThrow(
        "Invalid blob key",
      );
      await store.put("org-1/calls/gone.wav", Readable.from([Buffer.from("bye")]));
      await store.delete("org-1/calls/gone.wav");
      expect(await store.head("org-1/calls/gone.wav")).toBeNull();
    });
  });
}

describe("BlobStore", () => {
  const root = mkdtempSync(join(tmpdir(), "plaibook-blobs-"));
  let s3: TLocalS3;
  beforeAll(async () => {
    s3 = await startLocalS3();
  });
  afterAll(async () => {
    rmSync(root, { recursive: true, force: true });
    await s3?.close();
  });

  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
    );
  contract(
    "on the filesystem",
    () => createFsBlobStore(root),
    () => walk(root),
  );
  it("on S3, fails the put when the bucket refuses the upload", async () => {
    const store = createS3BlobStore({
      bucket: "no-such-bucket",
      region: "us-east-1",
      endpoint: s3.endpoint,
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
      forcePathStyle: true,
    });
    await expect(store.put("org-1/calls/lost.wav", generated(1).stream)).rejects.toThrow();
  });
  contract(
    "on S3 (a local S3-compatible server)",
    () =>
      createS3BlobStore({
        bucket: s3.bucket,
        region: "us-east-1",
        endpoint: s3.endpoint,
        accessKeyId: s3.accessKeyId,
        secretAccessKey: s3.secretAccessKey,
        forcePathStyle: true,
      }),
    () => [],
  );
});
