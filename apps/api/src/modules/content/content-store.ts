import { Inject, Injectable } from '@nestjs/common';
import { type TenantTransaction } from '../../core/database/database.service';
import { DomainError } from '../../core/errors/domain-error';
import { type ContentItem } from './content-item.entity';
import { type ContentRevision } from './content-revision.entity';
import { ContentItemsRepository, ContentRevisionsRepository } from './content.repositories';
import { type ContentItemDto, type ContentItemSummaryDto } from './dto/content.dto';
import { type ContentTypeName } from './types/content-type';
import { type WorkflowSubject } from './workflow-rules';

export interface LoadedItem {
  item: ContentItem;
  working: ContentRevision;
}

/** Loading, locking and presenting items: shared by editing and publishing. */
@Injectable()
export class ContentStore {
  constructor(
    @Inject(ContentItemsRepository) readonly items: ContentItemsRepository,
    @Inject(ContentRevisionsRepository) readonly revisions: ContentRevisionsRepository,
  ) {}

  /** Locks the item and checks the caller edited the version it is now at. */
  async lockAt(
    tx: TenantTransaction,
    id: string,
    version: number | null,
    type?: ContentTypeName,
  ): Promise<LoadedItem> {
    const item = await this.items.findForUpdate(tx, id);
    if (!item || (type && item.type !== type)) throw notFound();
    const loaded = { item, working: await this.workingRevision(tx, item) };
    if (version !== null && item.version !== version) {
      throw new DomainError(
        'CONTENT_VERSION_CONFLICT',
        `Konten ini sudah diubah orang lain (versi ${item.version}, Anda mengedit versi ${version}). Muat ulang, lalu terapkan lagi perubahan Anda.`,
        [],
        {},
        { current: toItemDto(loaded) },
      );
    }
    return loaded;
  }

  async load(tx: TenantTransaction, id: string, type?: ContentTypeName): Promise<LoadedItem> {
    const item = await this.items.findOne(tx, { id });
    if (!item || (type && item.type !== type)) throw notFound();
    return { item, working: await this.workingRevision(tx, item) };
  }

  async revision(tx: TenantTransaction, itemId: string, number: number): Promise<ContentRevision> {
    const revision = await this.revisions.findOne(tx, { itemId, number });
    if (!revision) throw new DomainError('REVISION_NOT_FOUND', `Revisi ${number} tidak ditemukan`);
    return revision;
  }

  private async workingRevision(tx: TenantTransaction, item: ContentItem): Promise<ContentRevision> {
    if (!item.workingRevisionId) throw new Error(`Item ${item.id} has no working revision`);
    const revision = await this.revisions.findOne(tx, { id: item.workingRevisionId });
    if (!revision) throw new Error(`Working revision of item ${item.id} is missing`);
    return revision;
  }
}

export function toItemDto({ item, working }: LoadedItem): ContentItemDto {
  return {
    ...toItemSummaryDto(item),
    hasUnpublishedChanges:
      item.publishedRevisionId !== null && item.publishedRevisionId !== item.workingRevisionId,
    revision: working.number,
    firstPublishedAt: item.firstPublishedAt,
    forcePublishReason: item.forcePublishReason,
    reviewComment: item.reviewComment,
    returnedBy: item.returnedBy,
    updatedBy: item.updatedBy,
    createdAt: item.createdAt,
    fields: working.data,
  };
}

export function toItemSummaryDto(item: ContentItem): ContentItemSummaryDto {
  return {
    id: item.id,
    type: item.type,
    slug: item.slug,
    title: item.title,
    state: item.state,
    version: item.version,
    live: item.publishedRevisionId !== null,
    needsPostReview: item.needsPostReview,
    scheduledAt: item.scheduledAt,
    publishedAt: item.publishedAt,
    createdBy: item.createdBy,
    updatedAt: item.updatedAt,
  };
}

export function workflowSubject(item: ContentItem): WorkflowSubject {
  return {
    state: item.state,
    live: item.publishedRevisionId !== null,
    everPublished: item.firstPublishedAt !== null,
    createdBy: item.createdBy,
    lastEditedBy: item.updatedBy,
    forcePublishedBy: item.forcePublishedBy,
    needsPostReview: item.needsPostReview,
  };
}

export function notFound(): DomainError {
  return new DomainError('CONTENT_NOT_FOUND', 'Konten tidak ditemukan di OPD ini');
}
