// Built sites in S3-compatible object storage (MinIO in compose, any S3 in production), so workers on any host
// build and edges on any host serve. Layout in the bucket:
//   <slug>/files/<sha256>        a file of a build, stored once by its content (a publish uploads what changed)
//   <slug>/builds/<id>.json      a build: { build, files: { "<path>": "<sha256>" }, manifest } (the builder's
//                                manifest, so a worker on another host can build the next one incrementally)
//   _live/<slug>.json            the live pointer, one small object per OPD, replaced whole (atomic for readers):
//                                { build, suspended, suspendedPage, hosts, formerSlugs, updatedAt }
// The pointer is written only by processes that hold the OPD's pointer lock in PostgreSQL (the site worker for a
// build, the API for rollback and suspension: apps/api/src/modules/builds/site-pointers.ts), so a pointer
// change is never lost to another.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import pLimit from 'p-limit';

export const POINTERS = '_live/';
/** Uploads and downloads at once: enough to hide a round trip, few enough for a small worker. */
const TRANSFERS = 8;

/**
 * @param {{ bucket: string, region: string, endpoint?: string, accessKeyId: string, secretAccessKey: string,
 *   forcePathStyle: boolean } | null | undefined} options
 * @returns {SiteStore | null} null: sites live on the local disk only
 */
export function openSiteStore(options) {
  return options ? new SiteStore(options) : null;
}

export class SiteStore {
  constructor(options) {
    this.bucket = options.bucket;
    this.client = new S3Client({
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    this.transfers = pLimit(TRANSFERS);
  }

  pointer(slug) {
    return this.readJson(`${POINTERS}${slug}.json`);
  }

  listing(slug, build) {
    return this.readJson(`${slug}/builds/${build}.json`);
  }

  putListing(slug, build, listing) {
    return this.put(`${slug}/builds/${build}.json`, JSON.stringify(listing), 'application/json');
  }

  /** Uploads the files of `dir` whose content the bucket does not hold yet (`known`); returns how many. */
  async uploadFiles(slug, dir, files, known) {
    const fresh = new Map();
    for (const [file, hash] of Object.entries(files)) if (!known.has(hash)) fresh.set(hash, file);
    await Promise.all(
      [...fresh].map(([hash, file]) =>
        this.transfers(() =>
          this.client.send(
            new PutObjectCommand({
              Bucket: this.bucket,
              Key: `${slug}/files/${hash}`,
              Body: createReadStream(path.join(dir, file)),
            }),
          ),
        ),
      ),
    );
    return fresh.size;
  }

  /** Writes one stored file to `target` (its folder made). */
  download(slug, hash, target) {
    return this.transfers(async () => {
      const answer = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: `${slug}/files/${hash}` }),
      );
      await mkdir(path.dirname(target), { recursive: true });
      await pipeline(answer.Body, createWriteStream(target));
    });
  }

  /** Every OPD's pointer with its ETag (which changes whenever the pointer does): what an edge polls. */
  async pointers() {
    const found = new Map();
    for await (const object of this.objects(POINTERS))
      found.set(object.Key.slice(POINTERS.length, -'.json'.length), object.ETag);
    return found;
  }

  /**
   * Deletes builds but the newest `keep` and the ones the pointer names, then every file no kept build uses
   * once it is older than `minAgeMs` (a younger one may belong to a build being uploaded right now).
   */
  async prune(slug, keep, minAgeMs) {
    const pointer = await this.pointer(slug);
    const builds = [];
    for await (const object of this.objects(`${slug}/builds/`))
      builds.push(path.basename(object.Key, '.json'));
    builds.sort((a, b) => Number(b) - Number(a));
    const kept = new Set([...builds.slice(0, keep), ...(pointer?.build ? [pointer.build] : [])]);
    const gone = builds.filter((build) => !kept.has(build)).map((build) => `${slug}/builds/${build}.json`);
    const used = new Set();
    for (const build of kept) {
      const listing = await this.listing(slug, build);
      for (const hash of Object.values(listing?.files ?? {})) used.add(hash);
    }
    const stale = Date.now() - minAgeMs;
    for await (const object of this.objects(`${slug}/files/`)) {
      if (!used.has(path.basename(object.Key)) && object.LastModified.getTime() < stale)
        gone.push(object.Key);
    }
    for (let start = 0; start < gone.length; start += 1000) {
      const batch = gone.slice(start, start + 1000).map((Key) => ({ Key }));
      await this.client.send(
        new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: batch, Quiet: true } }),
      );
    }
    return gone.length;
  }

  async *objects(prefix) {
    let token;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      yield* page.Contents ?? [];
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  /** Read again (up to three times) when unparsable: simpler S3 servers can answer with a write half done. */
  async readJson(key, attempt = 1) {
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return JSON.parse(await answer.Body.transformToString());
    } catch (error) {
      if (error instanceof NoSuchKey || error?.$metadata?.httpStatusCode === 404) return null;
      if (error instanceof SyntaxError && attempt < 3) {
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
        return this.readJson(key, attempt + 1);
      }
      throw error;
    }
  }

  put(key, body, contentType) {
    return this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }),
    );
  }
}
