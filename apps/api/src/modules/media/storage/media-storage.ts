import { type Readable } from 'node:stream';

/** Where media files live. Local disk by default; an S3-compatible bucket is the other driver. */
export interface MediaStorage {
  /** Stores a file from a local path (streamed, never read whole into memory). */
  putFile(key: string, path: string, contentType: string): Promise<void>;
  read(key: string): Promise<{ stream: Readable; bytes: number } | null>;
  delete(keys: string[]): Promise<void>;
  /** Every stored key under a prefix (tests use it to prove nothing was left behind). */
  list(prefix: string): Promise<string[]>;
}

export const MEDIA_STORAGE = Symbol('MEDIA_STORAGE');
