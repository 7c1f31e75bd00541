import { S3Client } from '@aws-sdk/client-s3';
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
