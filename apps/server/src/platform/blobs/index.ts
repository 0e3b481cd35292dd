import { join } from "node:path";
import type { TConfig } from "../config.js";
import type { BlobStore } from "./blob-store.js";
import { createFsBlobStore } from "./fs-blob-store.js";
import { createS3BlobStore } from "./s3-blob-store.js";

export * from "./blob-store.js";

/** S3 when `S3_BUCKET` is set, else files under the data dir. */
export function createBlobStore(config: TConfig): BlobStore {
  if (config.S3_BUCKET)
    return createS3BlobStore({
      bucket: config.S3_BUCKET,
      region: config.S3_REGION,
      endpoint: config.S3_ENDPOINT,
      accessKeyId: config.S3_ACCESS_KEY_ID,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
    });
  return createFsBlobStore(join(config.PLAIBOOK_DATA_DIR, "blobs"));
}
