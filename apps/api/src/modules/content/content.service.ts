import { Inject, Injectable } from '@nestjs/common';
import diff from 'microdiff';
import { ILike } from 'typeorm';
import { type TenantContext } from '../../core/access/principal';
import { Database, type TenantTransaction } from '../../core/database/database.service';
import { DomainError } from '../../core/errors/domain-error';
import { type AuditAction } from '../audit/audit-actions';
import { AuditLog } from '../audit/audit-log.service';
import { MediaUrls } from '../media/media-urls';
import { UsersRepository } from '../users/users.repository';
import { assertOwnImages } from './rich-text/own-images';
import { type ContentItem } from './content-item.entity';
import { type ContentRevision } from './content-revision.entity';
import { type LoadedItem, ContentStore, toItemDto, toItemSummaryDto, workflowSubject } from './content-store';
import {
  type AllContentListQueryDto,
  type ContentItemDto,
  type ContentPageDto,
  type FieldChangeDto,
  type RevisionDetailDto,
  type RevisionDiffDto,
  type RevisionDto,
} from './dto/content.dto';
import { PublishedContentRepository } from './published-content.repository';
import { SiteChangesRepository } from '../site-changes/site-changes.repository';
import { slugify } from './slugify';
import { type ContentTypeName } from './types/content-type';
import { contentType } from './types/registry';
import { assertAllowed } from './workflow-rules';
import { containsPattern } from '../../core/database/like-pattern';

type Fields = Record<string, unknown> & { slug?: string };

/** Writing content: drafts, saves (each one a revision), revision history and restore, deletion. */
@Injectable()
export class ContentService {
  private readonly users = new UsersRepository();
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(ContentStore) private readonly store: ContentStore,
    @Inject(PublishedContentRepository) private readonly published: PublishedContentRepository,
    @Inject(SiteChangesRepository) private readonly siteChanges: SiteChangesRepository,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(MediaUrls) private readonly mediaUrls: MediaUrls,
  ) {}

  create(
    tenant: TenantContext,
    type: ContentTypeName,
    fields: Fields,
    note?: string,
  ): Promise<ContentItemDto> {
    return this.db.inTenant(tenant.tenantId, (tx) => this.createWithin(tx, tenant, type, fields, note));
  }

  /** A new draft in the caller's transaction (the WordPress import writes an item and its record together). */
  async createWithin(
    tx: TenantTransaction,
    tenant: TenantContext,
    type: ContentTypeName,
    fields: Fields,
    note?: string,
  ): Promise<ContentItemDto> {
    assertOwnImages(type, fields, this.mediaUrls.libraryPrefix(tenant.slug));
    this.assertWriter(tenant);
    const slug = await this.chooseSlug(tx, type, fields);
    const item = await this.store.items.insert(tx, {
      type,
      slug,
      title: this.titleOf(type, fields),
      state: 'draft',
      version: 1,
      needsPostReview: false,
      createdBy: tenant.actor.userId,
      updatedBy: tenant.actor.userId,
    });
    const working = await this.addRevision(tx, item, { ...fields, slug }, Object.keys(fields), tenant, note);
    await this.store.items.update(tx, { id: item.id }, { workingRevisionId: working.id });
    item.workingRevisionId = working.id;
    await this.record(tx, tenant, 'content.created', item);
    return toItemDto({ item, working });
  }

  update(
    tenant: TenantContext,
    type: ContentTypeName,
    id: string,
    version: number,
    fields: Fields,
    note?: string,
  ): Promise<ContentItemDto> {
    return this.db.inTenant(tenant.tenantId, (tx) =>
      this.updateWithin(tx, tenant, type, id, version, fields, note),
    );
  }

  /** A save in the caller's transaction (the WordPress import's second run updates what changed at the source). */
  async updateWithin(
    tx: TenantTransaction,
    tenant: TenantContext,
    type: ContentTypeName,
    id: string,
    version: number,
    fields: Fields,
    note?: string,
  ): Promise<ContentItemDto> {
    assertOwnImages(type, fields, this.mediaUrls.libraryPrefix(tenant.slug));
    const loaded = await this.store.lockAt(tx, id, version, type);
    assertAllowed('edit', { userId: tenant.actor.userId, role: tenant.role }, workflowSubject(loaded.item), {
      requireSecondEditor: false,
    });
    const slug = fields.slug ?? loaded.item.slug;
    if (slug !== loaded.item.slug && (await this.store.items.slugTaken(tx, type, slug, id)))
      throw slugTaken(slug);
    return this.saveWorkingCopy(tx, tenant, loaded, { ...fields, slug }, note, 'content.updated');
  }

  get(tenant: TenantContext, id: string, type?: ContentTypeName): Promise<ContentItemDto> {
    return this.db.inTenant(tenant.tenantId, async (tx) => toItemDto(await this.store.load(tx, id, type)));
  }

  list(tenant: TenantContext, query: AllContentListQueryDto): Promise<ContentPageDto> {
    return this.db.inTenant(tenant.tenantId, async (tx) => {
      const where = {
        ...(query.type ? { type: query.type } : {}),
        ...(query.state ? { state: query.state } : {}),
        ...(query.mine ? { createdBy: tenant.actor.userId } : {}),
        ...(query.needsPostReview ? { needsPostReview: true } : {}),
        ...(query.q ? { title: ILike(containsPattern(query.q)) } : {}),
      };
      const [items, total] = await Promise.all([
        this.store.items.find(tx, where, {
          order: { updatedAt: 'DESC' },
          take: query.limit,
          skip: query.offset,
        }),
        this.store.items.count(tx, where),
      ]);
      return {
        total,
        items: items.map(toItemSummaryDto),
      };
    });
  }

  /** Deleting a live item takes it off the site in the same transaction. */
  remove(tenant: TenantContext, id: string, version: number): Promise<void> {
    return this.db.inTenant(tenant.tenantId, (tx) => this.removeWithin(tx, tenant, id, version));
  }

  /** A deletion in the caller's transaction (undoing a WordPress import removes all it brought, or nothing). */
  async removeWithin(
    tx: TenantTransaction,
    tenant: TenantContext,
    id: string,
    version: number,
  ): Promise<void> {
    const { item } = await this.store.lockAt(tx, id, version);
    assertAllowed('delete', { userId: tenant.actor.userId, role: tenant.role }, workflowSubject(item), {
      requireSecondEditor: false,
    });
    if (item.publishedRevisionId) {
      await this.published.remove(tx, item.id);
      await this.siteChanges.record(tx, 'content.deleted', item);
    }
    await this.record(tx, tenant, 'content.deleted', item, {
      title: item.title,
      wasLive: item.publishedRevisionId !== null,
    });
    await tx.manager.query(`DELETE FROM content_items WHERE tenant_id = $1 AND id = $2`, [
      tx.tenantId,
      item.id,
    ]);
  }

  revisions(tenant: TenantContext, id: string): Promise<RevisionDto[]> {
    return this.db.inTenant(tenant.tenantId, async (tx) => {
      const { item } = await this.store.load(tx, id);
      const revisions = await this.store.revisions.listForItem(tx, id);
      const names = await this.authorNames(tx, revisions);
      return revisions.map((revision) => toRevisionDto(item, revision, names));
    });
  }

  revision(tenant: TenantContext, id: string, number: number): Promise<RevisionDetailDto> {
    return this.db.inTenant(tenant.tenantId, async (tx) => {
      const { item } = await this.store.load(tx, id);
      const revision = await this.store.revision(tx, id, number);
      return {
        ...toRevisionDto(item, revision, await this.authorNames(tx, [revision])),
        fields: revision.data,
      };
    });
  }

  /** Who wrote each revision, by name: a conflict or the history says whose change it is. */
  private authorNames(tx: TenantTransaction, revisions: ContentRevision[]): Promise<Map<string, string>> {
    return this.users.namesOf(
      tx.manager,
      revisions.map((revision) => revision.createdBy),
    );
  }

  diff(tenant: TenantContext, id: string, number: number, against?: number): Promise<RevisionDiffDto> {
    return this.db.inTenant(tenant.tenantId, async (tx) => {
      await this.store.load(tx, id);
      const to = await this.store.revision(tx, id, number);
      const fromNumber = against ?? number - 1;
      const from = fromNumber >= 1 ? await this.store.revision(tx, id, fromNumber) : null;
      return { from: from?.number ?? 0, to: to.number, changes: describeChanges(from?.data ?? {}, to.data) };
    });
  }

  /** Restoring copies an old revision into a new working copy; history is never rewritten. */
  restore(tenant: TenantContext, id: string, number: number, version: number): Promise<ContentItemDto> {
    return this.db.inTenant(tenant.tenantId, async (tx) => {
      const loaded = await this.store.lockAt(tx, id, version);
      assertAllowed(
        'edit',
        { userId: tenant.actor.userId, role: tenant.role },
        workflowSubject(loaded.item),
        { requireSecondEditor: false },
      );
      const old = await this.store.revision(tx, id, number);
      const slug = String(old.data['slug'] ?? loaded.item.slug);
      if (slug !== loaded.item.slug && (await this.store.items.slugTaken(tx, loaded.item.type, slug, id)))
        throw slugTaken(slug);
      return this.saveWorkingCopy(
        tx,
        tenant,
        loaded,
        { ...old.data, slug },
        `Dipulihkan dari revisi ${number}`,
        'content.restored',
      );
    });
  }

  private async saveWorkingCopy(
    tx: TenantTransaction,
    tenant: TenantContext,
    loaded: LoadedItem,
    fields: Fields,
    note: string | undefined,
    action: AuditAction,
  ): Promise<ContentItemDto> {
    const { item, working } = loaded;
    const changed = [...new Set(diff(working.data, fields).map((change) => String(change.path[0])))];
    if (changed.length === 0) return toItemDto(loaded);
    const revision = await this.addRevision(tx, item, fields, changed, tenant, note);
    // Editing takes published, withdrawn or scheduled work back to draft; an editor's fix keeps a review going.
    const state = item.state === 'in_review' ? 'in_review' : 'draft';
    await this.store.items.update(
      tx,
      { id: item.id },
      {
        title: this.titleOf(item.type, fields),
        slug: String(fields.slug),
        state,
        scheduledAt: null,
        workingRevisionId: revision.id,
        updatedBy: tenant.actor.userId,
        version: item.version + 1,
      },
    );
    await this.record(tx, tenant, action, item, { revision: revision.number, changedFields: changed });
    return toItemDto(await this.store.load(tx, item.id));
  }

  private async addRevision(
    tx: TenantTransaction,
    item: ContentItem,
    data: Fields,
    changedFields: string[],
    tenant: TenantContext,
    note?: string,
  ) {
    return this.store.revisions.insert(tx, {
      itemId: item.id,
      number: await this.store.revisions.nextNumber(tx, item.id),
      data,
      changedFields,
      note: note ?? null,
      createdBy: tenant.actor.userId,
    });
  }

  private async chooseSlug(tx: TenantTransaction, type: ContentTypeName, fields: Fields): Promise<string> {
    if (fields.slug) {
      if (await this.store.items.slugTaken(tx, type, fields.slug)) throw slugTaken(fields.slug);
      return fields.slug;
    }
    const base = slugify(this.titleOf(type, fields));
    for (let suffix = 1; ; suffix++) {
      const candidate = suffix === 1 ? base : `${base}-${suffix}`;
      if (!(await this.store.items.slugTaken(tx, type, candidate))) return candidate;
    }
  }

  private titleOf(type: ContentTypeName, fields: Fields): string {
    return contentType(type).project(fields as never).title;
  }

  private assertWriter(tenant: TenantContext): void {
    if (!tenant.role) throw new DomainError('WORKFLOW_FORBIDDEN', 'Peran Anda hanya dapat membaca konten');
  }

  private record(
    tx: TenantTransaction,
    tenant: TenantContext,
    action: AuditAction,
    item: ContentItem,
    data: Record<string, unknown> = {},
  ) {
    return this.audit.record(tx, {
      actorUserId: tenant.actor.userId,
      action,
      targetType: item.type,
      targetId: item.id,
      data: { title: item.title, ...data },
    });
  }
}

function slugTaken(slug: string): DomainError {
  return new DomainError(
    'CONTENT_SLUG_TAKEN',
    `Slug "${slug}" sudah dipakai konten lain dengan jenis yang sama`,
    [{ field: 'fields.slug', constraint: 'unique', message: `slug "${slug}" sudah dipakai`, args: [slug] }],
  );
}

function describeChanges(before: Record<string, unknown>, after: Record<string, unknown>): FieldChangeDto[] {
  return diff(before, after).map((change) => ({
    path: change.path.join('.'),
    kind: change.type === 'CREATE' ? 'added' : change.type === 'REMOVE' ? 'removed' : 'changed',
    ...('oldValue' in change ? { before: change.oldValue } : {}),
    ...('value' in change ? { after: change.value } : {}),
  }));
}

function toRevisionDto(
  item: ContentItem,
  revision: ContentRevision,
  names: Map<string, string>,
): RevisionDto {
  return {
    number: revision.number,
    changedFields: revision.changedFields,
    note: revision.note,
    createdBy: revision.createdBy,
    authorName: (revision.createdBy && names.get(revision.createdBy)) || null,
    createdAt: revision.createdAt,
    live: revision.id === item.publishedRevisionId,
    working: revision.id === item.workingRevisionId,
  };
}
