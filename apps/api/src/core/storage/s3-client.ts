import { ListObjectsV2Command, type _Object, S3Client } from '@aws-sdk/client-s3';
import { type S3Settings } from '../config/app-config';

/**
 * A client for an S3-compatible server (MinIO, s3rver in the tests, AWS): checksums only where the protocol
 * requires them, since MinIO and s3rver do not all speak the newer default ones.
 */
export function s3Client(settings: S3Settings): S3Client {
  return new S3Client({
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** Whether an S3 error means "no such object" (servers differ in which of the two they send). */
export function isMissing(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return (error as { name?: string }).name === 'NoSuchKey' || status === 404;
}

/** Every object under `prefix` (all of the bucket without one), page after page. */
export async function* listObjects(
  client: S3Client,
  bucket: string,
  prefix?: string,
): AsyncGenerator<_Object> {
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
    );
    yield* page.Contents ?? [];
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
}
