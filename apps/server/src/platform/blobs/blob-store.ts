import { createHash } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";

/** Inclusive byte offsets, as in an HTTP Range header. */
export type TByteRange = { start: number; end: number };

/** What was stored: its key, size and SHA-256 (hex), measured while it streamed through. */
export type TStoredBlob = { key: string; bytes: number; sha256: string };

/**
 * Where large files live (call recordings): outside the database, streamed in and out, never held
 * whole in memory. The filesystem under the data dir by default; S3 (or compatible) when configured.
 */
export interface BlobStore {
  readonly kind: "fs" | "s3";
  /**
   * Streams `body` to `key`. Past `maxBytes` it stops with `BlobTooLargeError` and leaves nothing
   * behind; a key is written whole or not at all.
   */
  put(
    key: string,
    body: NodeJS.ReadableStream,
    options?: { contentType?: string; maxBytes?: number },
  ): Promise<TStoredBlob>;
  /** The blob (or the inclusive byte `range` of it) as a stream; `BlobNotFoundError` when there is none. */
  get(key: string, range?: TByteRange): Promise<NodeJS.ReadableStream>;
  /** Its size, or null when there is none. */
  head(key: string): Promise<{ bytes: number } | null>;
  delete(key: string): Promise<void>;
}

export class BlobNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No blob at ${key}`);
    this.name = "BlobNotFoundError";
  }
}

export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
    this.name = "BlobTooLargeError";
  }
}

/** Keys are paths of safe segments (org/calls/id.wav): nothing that could climb out of the store. */
export function assertBlobKey(key: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/.test(key) || key.includes(".."))
    throw new Error(`Invalid blob key: ${JSON.stringify(key)}`);
}

/** Counts and hashes what passes through, and fails the stream past `maxBytes`. */
export class MeasuringStream extends Transform {
  bytes = 0;
  private readonly hash = createHash("sha256");

  constructor(private readonly maxBytes = Number.POSITIVE_INFINITY) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      callback(new BlobTooLargeError(this.maxBytes));
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }

  digest(): string {
    return this.hash.digest("hex");
  }
}
