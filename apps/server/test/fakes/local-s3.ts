import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
// s3rver: an S3-compatible server on the local disk (speaks S3's REST API, multipart uploads included).
// @ts-expect-error: the package ships no types.
import S3rver from "s3rver";

export type TLocalS3 = {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  close: () => Promise<void>;
};

/** Starts a local S3-compatible server with one empty bucket. */
export async function startLocalS3(bucket = "plaibook-test"): Promise<TLocalS3> {
  const directory = mkdtempSync(join(tmpdir(), "plaibook-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const address = (await server.run()) as { port: number };
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    bucket,
    // s3rver's fixed development credentials.
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    close: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
