import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { type Readable } from 'node:stream';
import { type AppConfig } from '../../../core/config/app-config';
import { isMissing, ObjectStore } from '../../../core/storage/s3-client';
import { type MediaStorage } from './media-storage';

export type S3StorageOptions = AppConfig['media']['s3'];

/** An S3-compatible bucket (MinIO in docker-compose). Files stream from disk to the bucket and back. */
export class S3Storage implements MediaStorage {
  private readonly store: ObjectStore;

  constructor(private readonly options: S3StorageOptions) {
    this.store = new ObjectStore(options);
  }

  /** Creates the bucket on first start if it does not exist yet. */
  async ensureBucket(): Promise<void> {
    const bucket = { Bucket: this.options.bucket };
    await this.store.use(async (client, { CreateBucketCommand, HeadBucketCommand }) => {
      try {
        await client.send(new HeadBucketCommand(bucket));
      } catch (error) {
        const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
        if (status !== 404) throw error;
        await client.send(new CreateBucketCommand(bucket));
      }
    });
  }

  async putFile(key: string, path: string, contentType: string): Promise<void> {
    const { size } = await stat(path);
    await this.store.use((client, { PutObjectCommand }) =>
      client.send(
        new PutObjectCommand({
          Bucket: this.options.bucket,
          Key: key,
          Body: createReadStream(path),
          ContentLength: size,
          ContentType: contentType,
        }),
      ),
    );
  }

  async read(key: string): Promise<{ stream: Readable; bytes: number } | null> {
    try {
      const object = await this.store.use((client, { GetObjectCommand }) =>
        client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key })),
      );
      return { stream: object.Body as Readable, bytes: Number(object.ContentLength ?? 0) };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (let start = 0; start < keys.length; start += 1000) {
      const batch = keys.slice(start, start + 1000);
      await this.store.use((client, { DeleteObjectsCommand }) =>
        client.send(
          new DeleteObjectsCommand({
            Bucket: this.options.bucket,
            Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
          }),
        ),
      );
    }
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    for await (const object of this.store.list(this.options.bucket, prefix))
      if (object.Key) keys.push(object.Key);
    return keys;
  }
}
