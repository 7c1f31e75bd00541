import path from 'node:path';
import S3rver from 's3rver';
import { type S3Settings } from '../core/config/app-config';

export interface RunningS3 {
  /** Where the tests point their clients: the server's address and its fixed credentials. */
  settings: S3Settings;
  /** The same, as the environment the API, a worker or an edge reads. */
  env: Record<string, string>;
  /** The folder the bucket's objects are stored in (one file per object, named by S3RVER_OBJECT). */
  directory: string;
  close(): Promise<void>;
}

/** How the S3 server names the file holding an object's bytes (beside its metadata file). */
export const S3RVER_OBJECT = '._S3rver_object';

/**
 * An S3-protocol server over HTTP in this process (s3rver; for the tests and the benches, never production), storing under `folder`, with `bucket` made (none:
 * the code under test makes its own). MinIO and AWS speak the same protocol; compose and Kubernetes point the
 * same code at them.
 */
export async function startS3Server(folder: string, bucket?: string): Promise<RunningS3> {
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: path.join(folder, 'bucket-data'),
    configureBuckets: bucket ? [{ name: bucket, configs: [] }] : [],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    settings: {
      bucket: bucket ?? '',
      region: 'us-east-1',
      endpoint,
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    },
    env: { S3_ENDPOINT: endpoint, S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' },
    directory: path.join(folder, 'bucket-data', bucket ?? ''),
    close: () => server.close(),
  };
}
