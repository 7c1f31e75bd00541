import { Inject, Injectable } from '@nestjs/common';
import { type AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { type Media } from './media.entity';
import { type MediaDto, type SrcsetDto } from './media.dto';

/** Public addresses of stored files: `/api/v1/public/:tenant/media/:id/:token/:name`, cacheable forever. */
@Injectable()
export class MediaUrls {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  file(tenantSlug: string, media: Pick<Media, 'id' | 'token'>, name: string): string {
    return `${this.config.publicApiUrl}/api/v1/public/${tenantSlug}/media/${media.id}/${media.token}/${name}`;
  }

  toDto(tenantSlug: string, media: Media): MediaDto {
    const files = media.files.map(({ name, mimeType, bytes, width, height }) => ({
      name,
      url: this.file(tenantSlug, media, name),
      mimeType,
      bytes,
      ...(width ? { width } : {}),
      ...(height ? { height } : {}),
    }));
    const thumbnail = media.files.find((file) => file.name === 'thumb.webp' || file.name === 'w320.webp');
    const main =
      media.files.find((file) => file.name.startsWith('full.jp') || file.name.startsWith('file.')) ??
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
      url: main ? this.file(tenantSlug, media, main.name) : '',
      srcset: media.kind === 'image' ? this.srcset(tenantSlug, media) : null,
      thumbnailUrl: thumbnail ? this.file(tenantSlug, media, thumbnail.name) : null,
      files,
      createdAt: media.createdAt,
      updatedAt: media.updatedAt,
    };
  }

  srcset(tenantSlug: string, media: Media): SrcsetDto {
    const of = (format: string) =>
      media.files
        .filter((file) => file.format === format)
        .sort((a, b) => (a.width ?? 0) - (b.width ?? 0))
        .map((file) => `${this.file(tenantSlug, media, file.name)} ${file.width}w`)
        .join(', ');
    return { avif: of('avif'), webp: of('webp'), jpeg: of('jpeg') };
  }
}
