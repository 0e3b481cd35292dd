import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { assertBlobKey, BlobNotFoundError, type BlobStore, MeasuringStream } from "./blob-store.js";

/** Blobs as files under `root`; each is written to a temporary name and renamed into place whole. */
export function createFsBlobStore(root: string): BlobStore {
  const pathOf = (key: string) => {
    assertBlobKey(key);
    return join(root, key);
  };
  return {
    kind: "fs",
    async put(key, body, options = {}) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const partial = `${path}.${randomUUID()}.partial`;
      const measure = new MeasuringStream(options.maxBytes);
      try {
        await pipeline(body, measure, createWriteStream(partial));
        await rename(partial, path);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
      return { key, bytes: measure.bytes, sha256: measure.digest() };
    },
    async get(key, range) {
      const path = pathOf(key);
      if (!(await stat(path).catch(() => null))) throw new BlobNotFoundError(key);
      return createReadStream(path, range ? { start: range.start, end: range.end } : {});
    },
    async head(key) {
      const found = await stat(pathOf(key)).catch(() => null);
      return found?.isFile() ? { bytes: found.size } : null;
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
