import { PassThrough } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  S3Client,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { assertBlobKey, BlobNotFoundError, type BlobStore, MeasuringStream } from "./blob-store.js";

export type TS3Options = {
  bucket: string;
  region: string;
  endpoint?: string | undefined;
  accessKeyId?: string | undefined;
  secretAccessKey?: string | undefined;
  forcePathStyle: boolean;
};

const isMissing = (error: unknown) =>
  error instanceof NoSuchKey ||
  error instanceof NotFound ||
  (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode === 404;

/**
 * Blobs in an S3 bucket (or any S3-compatible server). Uploads stream in parts (lib-storage), so a
 * 200 MB recording never sits in memory; a failed or oversized upload is aborted and leaves nothing.
 */
export function createS3BlobStore(options: TS3Options): BlobStore {
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    ...(options.accessKeyId && options.secretAccessKey
      ? { credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } }
      : {}),
  });
  const Bucket = options.bucket;
  return {
    kind: "s3",
    async put(key, body, putOptions = {}) {
      assertBlobKey(key);
      const measure = new MeasuringStream(putOptions.maxBytes);
      const passage = new PassThrough();
      const upload = new Upload({
        client,
        params: { Bucket, Key: key, Body: passage, ContentType: putOptions.contentType },
        queueSize: 2,
        partSize: 8 * 1024 * 1024,
      });
      const feeding = pipeline(body, measure, passage).catch(async (error: unknown) => {
        await upload.abort().catch(() => undefined);
        throw error;
      });
      const [fed, uploaded] = await Promise.allSettled([feeding, upload.done()]);
      // The source's failure (too large, cut off) explains more than the aborted upload's.
      if (fed.status === "rejected") throw fed.reason;
      if (uploaded.status === "rejected") throw uploaded.reason;
      return { key, bytes: measure.bytes, sha256: measure.digest() };
    },
    async get(key, range) {
      assertBlobKey(key);
      try {
        const Range = range ? `bytes=${range.start}-${range.end}` : undefined;
        const { Body } = await client.send(new GetObjectCommand({ Bucket, Key: key, Range }));
        if (!Body) throw new BlobNotFoundError(key);
        return Body as NodeJS.ReadableStream;
      } catch (error) {
        if (isMissing(error)) throw new BlobNotFoundError(key);
        throw error;
      }
    },
    async head(key) {
      assertBlobKey(key);
      try {
        const { ContentLength } = await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return { bytes: ContentLength ?? 0 };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async delete(key) {
      assertBlobKey(key);
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
  };
}
