import type { _Object, S3Client } from '@aws-sdk/client-s3';
import { type S3Settings } from '../config/app-config';

type S3Sdk = typeof import('@aws-sdk/client-s3');

let sdk: Promise<S3Sdk> | null = null;

/**
 * An S3-compatible server (MinIO, s3rver in the tests, AWS), reached through a client made on first use: the
 * AWS SDK is loaded then, so a platform on local disk never carries it (about 17 MB of an idle API). Checksums
 * only where the protocol requires them, since MinIO and s3rver do not all speak the newer default ones.
 */
export class ObjectStore {
  private client: S3Client | null = null;

  constructor(private readonly settings: S3Settings) {}

  /** Runs `work` with the client and the SDK's commands. */
  async use<T>(work: (client: S3Client, commands: S3Sdk) => Promise<T>): Promise<T> {
    const commands = await (sdk ??= import('@aws-sdk/client-s3'));
    this.client ??= new commands.S3Client({
      region: this.settings.region,
      forcePathStyle: this.settings.forcePathStyle,
      credentials: { accessKeyId: this.settings.accessKeyId, secretAccessKey: this.settings.secretAccessKey },
      ...(this.settings.endpoint ? { endpoint: this.settings.endpoint } : {}),
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    return work(this.client, commands);
  }

  /** Every object under `prefix` (all of the bucket without one), page after page. */
  async *list(bucket: string, prefix?: string): AsyncGenerator<_Object> {
    let token: string | undefined;
    do {
      const page = await this.use((client, { ListObjectsV2Command }) =>
        client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token })),
      );
      yield* page.Contents ?? [];
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }
}

/** Whether an S3 error means "no such object" (servers differ in which of the two they send). */
export function isMissing(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return (error as { name?: string }).name === 'NoSuchKey' || status === 404;
}
