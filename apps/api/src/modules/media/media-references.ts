import { Inject, Injectable } from '@nestjs/common';
import { type TenantTransaction } from '../../core/database/database.service';
import { DomainError, type FieldError } from '../../core/errors/domain-error';
import { type Media } from './media.entity';
import { MediaRepository } from './media.repository';
import { MediaUrls } from './media-urls';

interface FoundRef {
  path: string;
  ref: { mediaId: string; alt?: string; caption?: string };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Content points at media with `{ mediaId, alt?, caption? }` anywhere in its fields. Before publishing, every
 * such file must exist in the OPD's library and every image must have alt text (on the reference or on the
 * file). For the public, references become ready-to-use descriptions with `srcset`, resolved when the
 * response is built, so a replaced file shows everywhere without republishing.
 */
@Injectable()
export class MediaReferences {
  constructor(
    @Inject(MediaRepository) private readonly media: MediaRepository,
    @Inject(MediaUrls) private readonly urls: MediaUrls,
  ) {}

  /** `root` names the fields in errors the way the request did: `fields` for content, `settings` for settings. */
  async assertPublishable(tx: TenantTransaction, fields: unknown, root = 'fields'): Promise<void> {
    const refs = collect(fields, root);
    const found = await this.load(tx, refs);
    const problems: FieldError[] = [];
    for (const { path, ref } of refs) {
      const media = found.get(ref.mediaId);
      if (!media)
        problems.push({
          field: `${path}.mediaId`,
          constraint: 'mediaExists',
          message: `${path}: berkas tidak ada di pustaka media OPD ini`,
        });
      else if (media.kind === 'image' && !ref.alt?.trim() && !media.alt?.trim()) {
        problems.push({
          field: `${path}.alt`,
          constraint: 'altRequired',
          message: `${path}: foto "${media.fileName}" belum punya teks alternatif`,
          args: [media.fileName],
        });
      }
    }
    if (problems.length) {
      throw new DomainError(
        'VALIDATION_FAILED',
        'Konten belum bisa terbit: periksa berkas medianya',
        problems,
      );
    }
  }

  /** What citizens read about the files the fields use: each file's own alt text and caption, by field. */
  async descriptions(
    tx: TenantTransaction,
    fields: unknown,
  ): Promise<Array<{ field: string; value: string }>> {
    const refs = collect(fields, 'fields');
    const found = await this.load(tx, refs);
    return refs.flatMap(({ path, ref }) => {
      const media = found.get(ref.mediaId);
      return [
        { field: `${path}.alt`, value: media?.alt ?? '' },
        { field: `${path}.caption`, value: media?.caption ?? '' },
      ].filter((entry) => entry.value.trim());
    });
  }

  /** Replaces every media reference in public data with its public description (one query for all). */
  async expand<T>(tx: TenantTransaction, tenantSlug: string, values: T[]): Promise<T[]> {
    const refs = values.flatMap((value) => collect(value, ''));
    if (refs.length === 0) return values;
    const found = await this.load(tx, refs);
    return values.map(
      (value) =>
        replace(value, (ref) => {
          const media = found.get(ref.mediaId);
          if (!media) return null;
          const dto = this.urls.toDto(tenantSlug, media);
          return {
            mediaId: media.id,
            kind: media.kind,
            alt: ref.alt?.trim() || media.alt,
            caption: ref.caption ?? media.caption,
            url: dto.url,
            srcset: dto.srcset,
            width: media.width,
            height: media.height,
            placeholder: media.placeholder,
            dominantColor: media.dominantColor,
            mimeType: media.mimeType,
            sizeBytes: dto.sizeBytes,
            fileName: media.fileName,
          };
        }) as T,
    );
  }

  private async load(tx: TenantTransaction, refs: FoundRef[]): Promise<Map<string, Media>> {
    const ids = [...new Set(refs.map(({ ref }) => ref.mediaId).filter((id) => UUID.test(id)))];
    return new Map((await this.media.findByIds(tx, ids)).map((media) => [media.id, media]));
  }
}

function isRef(value: unknown): value is FoundRef['ref'] {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { mediaId?: unknown }).mediaId === 'string'
  );
}

function collect(value: unknown, path: string): FoundRef[] {
  if (isRef(value)) return [{ path, ref: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => collect(item, `${path}.${index}`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => collect(item, path ? `${path}.${key}` : key));
  }
  return [];
}

function replace(value: unknown, expand: (ref: FoundRef['ref']) => unknown): unknown {
  if (isRef(value)) return expand(value);
  if (Array.isArray(value)) return value.map((item) => replace(item, expand));
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replace(item, expand)]));
  }
  return value;
}
