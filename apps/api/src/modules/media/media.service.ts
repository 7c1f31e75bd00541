import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { type TenantContext } from '../../core/access/principal';
import { type AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { Database, type TenantTransaction } from '../../core/database/database.service';
import { DomainError } from '../../core/errors/domain-error';
import { AuditLog } from '../audit/audit-log.service';
import { SiteChangesRepository } from '../site-changes/site-changes.repository';
import { inspectUpload, sanitizeFileName } from './file-inspection';
import { renderImage } from './image-variants';
import { LaterVariants, type LaterVariantsJob } from './later-variants';
import { previewPdf } from './pdf-preview';
import { type MediaDto, type MediaListQueryDto, type MediaPageDto, type MediaUsageDto } from './media.dto';
import { type Media, type StoredFile, storedFileOf } from './media.entity';
import { MediaRepository } from './media.repository';
import { MediaUrls } from './media-urls';
import { MEDIA_STORAGE, type MediaStorage } from './storage/media-storage';
import { TenantsRepository } from '../tenants/tenants.repository';
import { ModerationService } from '../moderation/moderation.service';
import { publicOutputs } from '../moderation/public-outputs';
import { requireFile, type UploadedFile } from '../../core/http/single-file-upload';

interface Prepared {
  id: string;
  token: string;
  type: Awaited<ReturnType<typeof inspectUpload>>;
  fileName: string;
  sizeBytes: number;
  files: StoredFile[];
  image: { width: number; height: number; dominantColor?: string; placeholder?: string } | null;
}

const MB = 1024 * 1024;

/**
 * The media library. An upload is checked from its bytes, rendered (images) in a private work folder,
 * written to storage under generated keys, and only then recorded; any failure removes what was written, so
 * a refused file leaves nothing behind.
 */
@Injectable()
export class MediaService {
  private readonly tenants = new TenantsRepository();

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(MediaRepository) private readonly media: MediaRepository,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
    @Inject(MediaUrls) private readonly urls: MediaUrls,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SiteChangesRepository) private readonly siteChanges: SiteChangesRepository,
    @Inject(ModerationService) private readonly moderation: ModerationService,
    @Inject(LaterVariants) private readonly laterVariants: LaterVariants,
  ) {}

  /**
   * A new file in the library. `alongside` runs in the same transaction once the file is recorded (the WordPress
   * import notes where the file came from): both are written, or neither and nothing of the file stays stored.
   */
  async upload(
    tenant: TenantContext,
    file: UploadedFile | undefined,
    meta: { alt?: string; caption?: string },
    alongside?: (tx: TenantTransaction, media: Media) => Promise<unknown>,
  ): Promise<MediaDto> {
    const upload = requireFile(file);
    await this.assertCleanDescription(tenant, upload.originalname, meta);
    return this.withPrepared(tenant, upload, randomUUID(), null, async (prepared, tx) => {
      const media = await this.media.insert(tx, {
        id: prepared.id,
        ...this.columns(prepared),
        alt: meta.alt ?? null,
        caption: meta.caption ?? null,
        version: 1,
        createdBy: tenant.actor.userId,
        updatedBy: tenant.actor.userId,
      });
      await this.audit.record(tx, {
        actorUserId: tenant.actor.userId,
        action: 'media.uploaded',
        targetType: 'media',
        targetId: media.id,
        data: { fileName: media.fileName },
      });
      await alongside?.(tx, media);
      return media;
    });
  }

  /** Replaces the file behind an id (same kind); content that uses the id shows the new file. */
  async replace(
    tenant: TenantContext,
    id: string,
    version: number,
    file: UploadedFile | undefined,
  ): Promise<MediaDto> {
    const upload = requireFile(file);
    let oldKeys: string[] = [];
    const dto = await this.withPrepared(tenant, upload, id, version, async (prepared, tx) => {
      const current = await this.lockAt(tx, id, version);
      await this.assertMayChangeWhatIsLive(tx, tenant, id);
      if (current.kind !== prepared.type.kind) {
        throw new DomainError(
          'UNSUPPORTED_MEDIA_TYPE',
          `Ganti dengan berkas sejenis (${current.kind === 'image' ? 'gambar' : 'dokumen'}).`,
        );
      }
      oldKeys = current.files.map((stored) => stored.key);
      await this.media.update(
        tx,
        { id },
        { ...this.columns(prepared), version: current.version + 1, updatedBy: tenant.actor.userId },
      );
      await this.audit.record(tx, {
        actorUserId: tenant.actor.userId,
        action: 'media.replaced',
        targetType: 'media',
        targetId: id,
        data: { fileName: prepared.fileName },
      });
      // Live pages show the new file at once: their public answers are rebuilt, the site builder is told.
      if ((await this.media.usage(tx, id)).some((use) => use.live))
        await this.siteChanges.record(tx, 'media.replaced');
      return (await this.media.findOne(tx, { id }))!;
    });
    await this.storage.delete(oldKeys);
    return dto;
  }

  list(tenant: TenantContext, query: MediaListQueryDto): Promise<MediaPageDto> {
    return this.db.inTenant(tenant.tenantId, async (tx) => {
      const [items, total] = await this.media.search(tx, query);
      return { items: items.map((media) => this.urls.toSignedDto(tenant.slug, media)), total };
    });
  }

  get(tenant: TenantContext, id: string): Promise<MediaDto> {
    return this.db.inTenant(tenant.tenantId, async (tx) =>
      this.urls.toSignedDto(tenant.slug, await this.require(tx, id)),
    );
  }

  update(
    tenant: TenantContext,
    id: string,
    version: number,
    patch: { alt?: string; caption?: string },
  ): Promise<MediaDto> {
    return this.db.inTenant(tenant.tenantId, async (tx) => {
      const current = await this.lockAt(tx, id, version);
      const live = await this.assertMayChangeWhatIsLive(tx, tenant, id);
      await this.assertCleanDescription(tenant, current.fileName, patch);
      await this.media.update(
        tx,
        { id },
        { ...patch, version: current.version + 1, updatedBy: tenant.actor.userId },
      );
      await this.audit.record(tx, {
        actorUserId: tenant.actor.userId,
        action: 'media.described',
        targetType: 'media',
        targetId: id,
        data: {
          fields: Object.keys(patch).filter((key) => patch[key as keyof typeof patch] !== undefined),
          live,
        },
      });
      // What citizens see changes with it: the public answers and the site are rebuilt.
      if (live) await this.siteChanges.record(tx, 'media.described');
      return this.urls.toSignedDto(tenant.slug, (await this.media.findOne(tx, { id }))!);
    });
  }

  /** A file's description is read by citizens wherever the file appears: the spam guard reads it first. */
  private assertCleanDescription(
    tenant: TenantContext,
    file: string,
    description: { alt?: string; caption?: string },
  ): Promise<void> {
    const outputs = publicOutputs({ alt: description.alt, caption: description.caption }, [], 'media');
    return this.moderation.assertClean(tenant, { type: 'media', title: `Berkas ${file}` }, outputs);
  }

  usage(tenant: TenantContext, id: string): Promise<MediaUsageDto[]> {
    return this.db.inTenant(tenant.tenantId, async (tx) => {
      await this.require(tx, id);
      return this.media.usage(tx, id);
    });
  }

  /**
   * A file that live content uses is part of that content: changing its text or the file itself changes what
   * citizens see at once, so it takes the role that may publish (editor or above), and is refused outright
   * where the OPD requires a second editor (then: upload a new file, put it in the content, submit for
   * review). Returns whether the file is live.
   */
  private async assertMayChangeWhatIsLive(
    tx: TenantTransaction,
    tenant: TenantContext,
    id: string,
  ): Promise<boolean> {
    const live = (await this.media.usage(tx, id)).filter((use) => use.live);
    if (!live.length) return false;
    const titles = live.map((use) => `"${use.title}"`).join(', ');
    if (tenant.role !== 'editor' && tenant.role !== 'tenant_admin') {
      throw new DomainError(
        'WORKFLOW_FORBIDDEN',
        `Berkas ini dipakai konten yang sedang tayang (${titles}); perubahannya langsung terlihat publik, jadi hanya editor yang dapat mengubahnya.`,
      );
    }
    if (await this.tenants.requiresSecondEditor(tx.manager, tx.tenantId)) {
      throw new DomainError(
        'SECOND_EDITOR_REQUIRED',
        `OPD ini mewajibkan editor kedua, dan berkas ini dipakai konten yang tayang (${titles}). Unggah berkas baru, pasang di kontennya, lalu ajukan review.`,
      );
    }
    return true;
  }

  /** Refused while what the public sees uses the file; the answer names those items. */
  async remove(tenant: TenantContext, id: string, version: number): Promise<void> {
    const keys = await this.db.inTenant(tenant.tenantId, (tx) => this.removeWithin(tx, tenant, id, version));
    await this.storage.delete(keys);
  }

  /**
   * A file's record deleted in the caller's transaction; returns its stored keys, for the caller to delete once
   * the transaction has committed (undoing a WordPress import removes all it brought, or nothing).
   */
  async removeWithin(
    tx: TenantTransaction,
    tenant: TenantContext,
    id: string,
    version: number,
  ): Promise<string[]> {
    const current = await this.lockAt(tx, id, version);
    const live = (await this.media.usage(tx, id)).filter((use) => use.live);
    if (live.length) {
      throw new DomainError(
        'CONFLICT',
        `Berkas masih dipakai di konten yang terbit: ${live.map((use) => `${use.type} "${use.title}"`).join(', ')}. Ganti atau tarik konten itu dulu.`,
        [],
        {},
        { usage: live },
      );
    }
    await tx.manager.query(`DELETE FROM media WHERE tenant_id = $1 AND id = $2`, [tx.tenantId, id]);
    await this.audit.record(tx, {
      actorUserId: tenant.actor.userId,
      action: 'media.deleted',
      targetType: 'media',
      targetId: id,
      data: { fileName: current.fileName },
    });
    return current.files.map((stored) => stored.key);
  }

  /** Deletes stored files (after the transaction that dropped their records committed). */
  async forgetFiles(keys: string[]): Promise<void> {
    await this.storage.delete(keys);
  }

  private async withPrepared(
    tenant: TenantContext,
    upload: UploadedFile,
    id: string,
    version: number | null,
    record: (prepared: Prepared, tx: TenantTransaction) => Promise<Media>,
  ): Promise<MediaDto> {
    const workDir = await mkdtemp(path.join(path.dirname(upload.path), 'work-'));
    const written: string[] = [];
    let later: LaterVariantsJob | null = null;
    try {
      const prepared = await this.prepare(tenant, upload, id, workDir);
      for (const file of prepared.files as Array<StoredFile & { localPath: string }>) {
        await this.storage.putFile(file.key, file.localPath, file.mimeType);
        written.push(file.key);
      }
      const media = await this.db.inTenant(tenant.tenantId, async (tx) => {
        await this.assertQuota(tx, prepared, version === null ? 0 : await this.currentBytes(tx, id));
        return record(prepared, tx);
      });
      written.length = 0;
      if (prepared.image) {
        // The photo's second stage (AVIF, large sizes) is made after this answer, from the upload itself.
        const source = await this.laterVariants.adopt(upload.path);
        later = { tenantId: tenant.tenantId, mediaId: prepared.id, token: prepared.token, source };
      }
      return this.urls.toSignedDto(tenant.slug, media);
    } finally {
      await this.storage.delete(written);
      await rm(workDir, { recursive: true, force: true });
      await rm(upload.path, { force: true });
      if (later) this.laterVariants.schedule(later);
    }
  }

  private async prepare(
    tenant: TenantContext,
    upload: UploadedFile,
    id: string,
    workDir: string,
  ): Promise<Prepared> {
    const type = await inspectUpload(upload.path, upload.originalname, upload.size);
    const limit =
      type.kind === 'image' ? this.config.media.maxImageBytes : this.config.media.maxDocumentBytes;
    if (upload.size > limit) {
      throw new DomainError(
        'PAYLOAD_TOO_LARGE',
        `Berkas terlalu besar: ${type.kind === 'image' ? 'foto' : 'dokumen'} maksimal ${Math.round(limit / MB)} MB.`,
      );
    }
    const token = randomBytes(6).toString('base64url');
    const keyOf = (name: string) => `${tenant.tenantId}/${id}/${token}/${name}`;
    const base = { id, token, type, fileName: sanitizeFileName(upload.originalname), sizeBytes: upload.size };
    if (type.kind === 'document') {
      const name = `file.${type.extension}`;
      const document = {
        name,
        key: keyOf(name),
        mimeType: type.mimeType,
        bytes: upload.size,
        localPath: upload.path,
      } as StoredFile;
      const preview =
        type.extension === 'pdf'
          ? await previewPdf(upload.path, upload.size, workDir, this.config.media.pdfPreviewMaxBytes)
          : null;
      if (preview) {
        return {
          ...base,
          type: { ...type, pageCount: preview.pageCount },
          image: null,
          files: [document, { ...preview.thumbnail, key: keyOf(preview.thumbnail.name) }],
        };
      }
      return { ...base, image: null, files: [document] };
    }
    const rendition = await renderImage(upload.path, workDir, this.config.media.maxPixels, 'first');
    const { files, ...image } = rendition;
    return { ...base, image, files: files.map((file) => ({ ...file, key: keyOf(file.name) })) };
  }

  private columns(prepared: Prepared): Partial<Media> {
    return {
      kind: prepared.type.kind,
      fileName: prepared.fileName,
      mimeType: prepared.type.mimeType,
      extension: prepared.type.extension,
      sizeBytes: String(prepared.sizeBytes),
      storedBytes: String(prepared.files.reduce((sum, file) => sum + file.bytes, 0)),
      token: prepared.token,
      width: prepared.image?.width ?? null,
      height: prepared.image?.height ?? null,
      dominantColor: prepared.image?.dominantColor ?? null,
      placeholder: prepared.image?.placeholder ?? null,
      pageCount: prepared.type.pageCount,
      hasScript: prepared.type.hasScript,
      files: prepared.files.map(storedFileOf),
    };
  }

  /** Serialised per tenant, so two uploads at once cannot both squeeze under the quota. */
  private async assertQuota(tx: TenantTransaction, prepared: Prepared, replacedBytes: number): Promise<void> {
    await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtext('media-quota:' || $1))`, [tx.tenantId]);
    const adding = prepared.files.reduce((sum, file) => sum + file.bytes, 0);
    const quota = this.config.media.tenantQuotaBytes;
    if ((await this.media.storedBytes(tx)) - replacedBytes + adding > quota) {
      throw new DomainError(
        'PAYLOAD_TOO_LARGE',
        `Kuota penyimpanan OPD (${Math.round(quota / MB)} MB) akan terlampaui. Hapus berkas yang tidak dipakai.`,
      );
    }
  }

  private async currentBytes(tx: TenantTransaction, id: string): Promise<number> {
    return Number((await this.require(tx, id)).storedBytes);
  }

  private async require(tx: TenantTransaction, id: string): Promise<Media> {
    const media = await this.media.findOne(tx, { id });
    if (!media) throw new DomainError('NOT_FOUND', 'Berkas tidak ditemukan di pustaka media OPD ini');
    return media;
  }

  private async lockAt(tx: TenantTransaction, id: string, version: number): Promise<Media> {
    const media = await this.media.findForUpdate(tx, id);
    if (!media) throw new DomainError('NOT_FOUND', 'Berkas tidak ditemukan di pustaka media OPD ini');
    if (media.version !== version) {
      throw new DomainError(
        'CONTENT_VERSION_CONFLICT',
        `Berkas ini sudah diubah orang lain (versi ${media.version}).`,
        [],
        {},
        { current: { version: media.version } },
      );
    }
    return media;
  }
}
