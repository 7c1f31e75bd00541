import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { type Media } from './media.entity';
import { type MediaDto, type SrcsetDto } from './media.dto';

/** A signed address lasts one to two hours: the expiry is rounded up to the hour, so it stays cacheable. */
const SIGNED_FOR_MS = 3_600_000;

type Addressed = Pick<Media, 'id' | 'token' | 'tenantId'>;

/**
 * Addresses of stored files: `/api/v1/public/:tenant/media/:id/:token/:name`. A file is served there to
 * anyone only while what the public sees uses it (PublicMediaController); before that — a draft's photo in the
 * media library, the editor's form, Pratinjau — people who may see it get the address *signed*: `?e=` (expiry)
 * and `?s=` (an HMAC over the file and the expiry, keyed with the server secret), handed out only in
 * authenticated answers.
 */
@Injectable()
export class MediaUrls {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  file(tenantSlug: string, media: Pick<Media, 'id' | 'token'>, name: string): string {
    return `${this.config.publicApiUrl}/api/v1/public/${tenantSlug}/media/${media.id}/${media.token}/${name}`;
  }

  /** Where every file of this OPD's library lives: rich text may show images from here only. */
  libraryPrefix(tenantSlug: string): string {
    return `${this.config.publicApiUrl}/api/v1/public/${tenantSlug}/media/`;
  }

  signedFile(tenantSlug: string, media: Addressed, name: string, now = Date.now()): string {
    const expires = (Math.ceil(now / SIGNED_FOR_MS) + 1) * SIGNED_FOR_MS;
    return `${this.file(tenantSlug, media, name)}?e=${expires}&s=${this.signature(media, expires)}`;
  }

  /** Whether `?e=&s=` was signed by this server for this file and has not expired. */
  verify(media: Addressed, expires: string | undefined, signature: string | undefined): boolean {
    const at = Number(expires);
    if (!signature || !Number.isSafeInteger(at) || at < Date.now()) return false;
    const expected = Buffer.from(this.signature(media, at));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  /** Signs every address of this OPD's files inside a value (Pratinjau's snapshot: fields and rich text). */
  signWithin<T>(value: T, tenantSlug: string, tenantId: string): T {
    const prefix = `${this.config.publicApiUrl}/api/v1/public/${tenantSlug}/media/`;
    const pattern = new RegExp(`${escapeRegExp(prefix)}([0-9a-f-]{36})/([\\w-]+)/([\\w.-]+)`, 'g');
    const json = JSON.stringify(value).replace(pattern, (_match, id: string, token: string, name: string) =>
      this.signedFile(tenantSlug, { id, token, tenantId }, name),
    );
    return JSON.parse(json) as T;
  }

  private signature(media: Addressed, expires: number): string {
    return createHmac('sha256', this.config.auth.jwtSecret)
      .update(`media:${media.tenantId}:${media.id}:${media.token}:${expires}`)
      .digest('base64url')
      .slice(0, 32);
  }

  /** The library's own view of a file: every address signed (the file may not be public yet). */
  toSignedDto(tenantSlug: string, media: Media): MediaDto {
    const signed = (name: string) => this.signedFile(tenantSlug, media, name);
    return this.describe(media, signed, this.srcsetWith(media, signed));
  }

  toDto(tenantSlug: string, media: Media): MediaDto {
    const plain = (name: string) => this.file(tenantSlug, media, name);
    return this.describe(media, plain, this.srcsetWith(media, plain));
  }

  private describe(media: Media, address: (name: string) => string, srcset: SrcsetDto): MediaDto {
    const files = media.files.map(({ name, mimeType, bytes, width, height }) => ({
      name,
      url: address(name),
      mimeType,
      bytes,
      ...(width ? { width } : {}),
      ...(height ? { height } : {}),
    }));
    const thumbnail = media.files.find((file) => file.name === 'thumb.webp' || file.name === 'w320.webp');
    // A photo's full size comes after its upload answered (LaterVariants): until then its widest JPEG.
    const main =
      media.files.find((file) => file.name.startsWith('full.jp') || file.name.startsWith('file.')) ??
      widest(media.files.filter((file) => file.format === 'jpeg')) ??
      media.files[0];
    return {
      id: media.id,
      kind: media.kind,
      fileName: media.fileName,
      mimeType: media.mimeType,
      sizeBytes: Number(media.sizeBytes),
      width: media.width,
      height: media.height,
      dominantColor: media.dominantColor,
      placeholder: media.placeholder,
      pageCount: media.pageCount,
      hasScript: media.hasScript,
      alt: media.alt,
      caption: media.caption,
      version: media.version,
      url: main ? address(main.name) : '',
      srcset: media.kind === 'image' ? srcset : null,
      thumbnailUrl: thumbnail ? address(thumbnail.name) : null,
      files,
      createdAt: media.createdAt,
      updatedAt: media.updatedAt,
    };
  }

  private srcsetWith(media: Media, address: (name: string) => string): SrcsetDto {
    const of = (format: string) =>
      media.files
        .filter((file) => file.format === format)
        .sort((a, b) => (a.width ?? 0) - (b.width ?? 0))
        .map((file) => `${address(file.name)} ${file.width}w`)
        .join(', ');
    return { avif: of('avif'), webp: of('webp'), jpeg: of('jpeg') };
  }
}

function widest<T extends { width?: number | null }>(files: T[]): T | undefined {
  return [...files].sort((a, b) => (b.width ?? 0) - (a.width ?? 0))[0];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
