import { Inject, Injectable } from '@nestjs/common';
import { type TenantContext } from '../../core/access/principal';
import { Database, type TenantTransaction } from '../../core/database/database.service';
import { DomainError } from '../../core/errors/domain-error';
import { AuditLog } from '../audit/audit-log.service';
import { MediaReferences } from '../media/media-references';
import { MediaUrls } from '../media/media-urls';
import { assertOwnImages } from './rich-text/own-images';
import { type ContentItem } from './content-item.entity';
import { ContentStore, type LoadedItem, toItemDto, workflowSubject } from './content-store';
import { type ContentItemDto } from './dto/content.dto';
import { PublishedContentRepository } from './published-content.repository';
import { richTextToHtml, type RichTextDocument } from './rich-text/rich-text';
import { type SiteChangeKind, SiteChangesRepository } from '../site-changes/site-changes.repository';
import { contentType } from './types/registry';
import { assertAllowed, type WorkflowAction } from './workflow-rules';
import { TenantsRepository } from '../tenants/tenants.repository';
import { heldError, heldNote, type HeldFinding, ModerationService } from '../moderation/moderation.service';
import { publicOutputs } from '../moderation/public-outputs';
import { type NotificationKind } from '../notifications/notifications.repository';
import { NotificationsService } from '../notifications/notifications.service';

/** Who is told what after each workflow step (the rest tell nobody). */
const NEWS: Partial<Record<WorkflowAction, NotificationKind>> = {
  submit: 'submitted',
  publish: 'published',
  force_publish: 'published',
  return: 'returned',
};

/** Actions after which citizens will (or may) see the item: each is read by the spam guard first. */
const GUARDED: ReadonlySet<WorkflowAction> = new Set(['submit', 'publish', 'schedule', 'force_publish']);

/** The publishing workflow: review, publish now or later, unpublish, and the urgent-information escape hatch. */
@Injectable()
export class PublishingService {
  private readonly tenants = new TenantsRepository();

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(ContentStore) private readonly store: ContentStore,
    @Inject(PublishedContentRepository) private readonly published: PublishedContentRepository,
    @Inject(SiteChangesRepository) private readonly siteChanges: SiteChangesRepository,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(MediaReferences) private readonly mediaReferences: MediaReferences,
    @Inject(ModerationService) private readonly moderation: ModerationService,
    @Inject(MediaUrls) private readonly mediaUrls: MediaUrls,
    @Inject(NotificationsService) private readonly notifications: NotificationsService,
  ) {}

  submit(tenant: TenantContext, id: string, version: number): Promise<ContentItemDto> {
    return this.transition(tenant, id, version, 'submit', (tx, { item }) =>
      this.store.items.update(
        tx,
        { id: item.id },
        {
          state: 'in_review',
          submittedBy: tenant.actor.userId,
          submittedAt: new Date(),
          reviewComment: null,
          returnedBy: null,
          version: item.version + 1,
        },
      ),
    );
  }

  returnForChanges(
    tenant: TenantContext,
    id: string,
    version: number,
    comment: string,
  ): Promise<ContentItemDto> {
    return this.transition(
      tenant,
      id,
      version,
      'return',
      (tx, { item }) =>
        this.store.items.update(
          tx,
          { id: item.id },
          { state: 'draft', reviewComment: comment, returnedBy: 'editor', version: item.version + 1 },
        ),
      { comment },
    );
  }

  publish(tenant: TenantContext, id: string, version: number): Promise<ContentItemDto> {
    return this.transition(tenant, id, version, 'publish', (tx, loaded) => this.goLive(tx, loaded));
  }

  schedule(tenant: TenantContext, id: string, version: number, publishAt: Date): Promise<ContentItemDto> {
    if (publishAt.getTime() <= Date.now()) {
      throw new DomainError('VALIDATION_FAILED', 'Data yang dikirim tidak valid', [
        { field: 'publishAt', constraint: 'isFuture', message: 'publishAt harus di masa depan' },
      ]);
    }
    return this.transition(
      tenant,
      id,
      version,
      'schedule',
      (tx, { item }) =>
        this.store.items.update(
          tx,
          { id: item.id },
          { state: 'scheduled', scheduledAt: publishAt, version: item.version + 1 },
        ),
      { publishAt: publishAt.toISOString() },
    );
  }

  unschedule(tenant: TenantContext, id: string, version: number): Promise<ContentItemDto> {
    return this.transition(tenant, id, version, 'unschedule', (tx, { item }) =>
      this.store.items.update(
        tx,
        { id: item.id },
        { state: 'draft', scheduledAt: null, version: item.version + 1 },
      ),
    );
  }

  unpublish(tenant: TenantContext, id: string, version: number): Promise<ContentItemDto> {
    return this.transition(tenant, id, version, 'unpublish', async (tx, { item }) => {
      await this.published.remove(tx, item.id);
      await this.store.items.update(
        tx,
        { id: item.id },
        {
          state: 'archived',
          publishedRevisionId: null,
          scheduledAt: null,
          needsPostReview: false,
          version: item.version + 1,
        },
      );
      await this.siteChanges.record(tx, 'content.unpublished', item);
    });
  }

  /** Urgent (serta-merta) information goes out now; the item stays flagged until someone else reviews it. */
  forcePublish(tenant: TenantContext, id: string, version: number, reason: string): Promise<ContentItemDto> {
    return this.transition(
      tenant,
      id,
      version,
      'force_publish',
      async (tx, loaded) => {
        await this.goLive(tx, loaded, {
          needsPostReview: true,
          forcePublishReason: reason,
          forcePublishedBy: tenant.actor.userId,
        });
      },
      { reason },
    );
  }

  confirmReview(tenant: TenantContext, id: string, version: number): Promise<ContentItemDto> {
    return this.transition(tenant, id, version, 'confirm_review', (tx, { item }) =>
      this.store.items.update(tx, { id: item.id }, { needsPostReview: false, version: item.version + 1 }),
    );
  }

  /**
   * Called by the scheduler for each due item: publishes it exactly once (the row lock serialises callers).
   * An item the spam guard holds goes back to its author instead, and the scheduler moves on.
   */
  async publishIfDue(tx: TenantTransaction, id: string, now: Date, tenantSlug: string): Promise<boolean> {
    const loaded = await this.store.lockAt(tx, id, null);
    const { item } = loaded;
    if (item.state !== 'scheduled' || !item.scheduledAt || item.scheduledAt.getTime() > now.getTime())
      return false;
    const findings = await this.inspect(tx, tenantSlug, loaded);
    if (findings.length) {
      await this.holdBack(tx, loaded, findings, null);
      await this.moderation.alert(
        { tenantId: tx.tenantId, slug: tenantSlug },
        subjectOf(item),
        findings,
        null,
      );
      return false;
    }
    await this.goLive(tx, loaded, {}, now);
    await this.notifications.tell(tx, { kind: 'published', item, actorUserId: null });
    await this.audit.record(tx, {
      actorUserId: null,
      action: 'content.auto_published',
      targetType: item.type,
      targetId: item.id,
      data: { title: item.title, scheduledAt: item.scheduledAt.toISOString() },
    });
    return true;
  }

  /**
   * A scheduled item that cannot go live when its time comes (a rule it no longer meets: its file was removed,
   * its end date passed, a photo lost its alt text) goes back to its author as a draft with the reasons, sent
   * back by the scheduler and audited as `content.schedule_failed`; left scheduled, it would be tried again on
   * every pass and never appear.
   */
  async returnUnpublishable(tx: TenantTransaction, id: string, error: DomainError): Promise<void> {
    const { item } = await this.store.lockAt(tx, id, null);
    if (item.state !== 'scheduled') return;
    const reasons = error.details.length
      ? error.details.map((detail) => detail.message.replace(/^fields\./, ''))
      : [error.message];
    const note = `Jadwal terbit dibatalkan, belum bisa terbit: ${reasons.join('; ')}`;
    await this.store.items.update(
      tx,
      { id: item.id },
      {
        state: 'draft',
        scheduledAt: null,
        reviewComment: note,
        returnedBy: 'scheduler',
        version: item.version + 1,
      },
    );
    await this.notifications.tell(tx, { kind: 'returned', item, actorUserId: null, note });
    await this.audit.record(tx, {
      actorUserId: null,
      action: 'content.schedule_failed',
      targetType: item.type,
      targetId: item.id,
      data: { title: item.title, scheduledAt: item.scheduledAt?.toISOString() ?? null, reasons },
    });
  }

  /** Every public output of the working copy, read by the spam guard: fields, rich text, its files' descriptions. */
  private async inspect(
    tx: TenantTransaction,
    tenantSlug: string,
    { item, working }: LoadedItem,
  ): Promise<HeldFinding[]> {
    const described = await this.mediaReferences.descriptions(tx, working.data);
    const outputs = [
      ...publicOutputs(working.data, contentType(item.type).richTextFields),
      ...described.map((entry) => ({ ...entry, kind: 'text' as const })),
    ];
    return this.moderation.inspect(tenantSlug, outputs);
  }

  /**
   * Holds one item back: nothing of it goes out, and it returns to its author as a draft with the guard's
   * reasons as its review comment (a live version stays live), audited as `content.held`. The OPD's other
   * items are untouched.
   */
  private async holdBack(
    tx: TenantTransaction,
    { item }: LoadedItem,
    findings: HeldFinding[],
    actorUserId: string | null,
  ): Promise<void> {
    await this.store.items.update(
      tx,
      { id: item.id },
      {
        state: 'draft',
        scheduledAt: null,
        reviewComment: heldNote(findings),
        returnedBy: 'spam_guard',
        version: item.version + 1,
      },
    );
    await this.notifications.tell(tx, { kind: 'held', item, actorUserId, note: findings[0]?.reason ?? null });
    await this.audit.record(tx, {
      actorUserId,
      action: 'content.held',
      targetType: item.type,
      targetId: item.id,
      data: {
        title: item.title,
        findings: findings.map(({ field, kind, reason, evidence }) => ({ field, kind, reason, evidence })),
      },
    });
  }

  private async transition(
    tenant: TenantContext,
    id: string,
    version: number,
    action: Exclude<WorkflowAction, 'edit' | 'delete'>,
    apply: (tx: TenantTransaction, loaded: LoadedItem) => Promise<unknown>,
    data: Record<string, unknown> = {},
  ): Promise<ContentItemDto> {
    const outcome = await this.db.inTenant(tenant.tenantId, (tx) =>
      this.transitionWithin(tx, tenant, id, version, action, apply, data),
    );
    if ('held' in outcome) {
      await this.moderation.alert(tenant, subjectOf(outcome.item), outcome.held, tenant.actor.userId);
      throw heldError(outcome.held);
    }
    return outcome.dto;
  }

  /**
   * Publishes an item the WordPress import just wrote, in the import's transaction: the same rules, spam guard,
   * audit and notifications as any publish, with the date it was first published on the old site (the public
   * date, and what the OPD's last update says when it is the newest). A held item stays a draft with the
   * guard's reasons, and its findings are returned for the import's report.
   */
  async publishImported(
    tx: TenantTransaction,
    tenant: TenantContext,
    id: string,
    version: number,
    firstPublishedAt: Date,
  ): Promise<HeldFinding[]> {
    const outcome = await this.transitionWithin(tx, tenant, id, version, 'publish', (inner, loaded) => {
      loaded.item.firstPublishedAt ??= firstPublishedAt;
      return this.goLive(inner, loaded, {}, new Date(), 'content.imported');
    });
    return 'held' in outcome ? outcome.held : [];
  }

  private async transitionWithin(
    tx: TenantTransaction,
    tenant: TenantContext,
    id: string,
    version: number,
    action: Exclude<WorkflowAction, 'edit' | 'delete'>,
    apply: (tx: TenantTransaction, loaded: LoadedItem) => Promise<unknown>,
    data: Record<string, unknown> = {},
  ): Promise<TransitionOutcome> {
    const loaded = await this.store.lockAt(tx, id, version);
    assertAllowed(action, { userId: tenant.actor.userId, role: tenant.role }, workflowSubject(loaded.item), {
      requireSecondEditor: await this.tenants.requiresSecondEditor(tx.manager, tx.tenantId),
    });
    const guarded = GUARDED.has(action);
    if (guarded)
      assertOwnImages(loaded.item.type, loaded.working.data, this.mediaUrls.libraryPrefix(tenant.slug));
    const findings = guarded ? await this.inspect(tx, tenant.slug, loaded) : [];
    if (findings.length) {
      await this.holdBack(tx, loaded, findings, tenant.actor.userId);
      return { held: findings, item: loaded.item };
    }
    await apply(tx, loaded);
    await this.audit.record(tx, {
      actorUserId: tenant.actor.userId,
      action: `content.${action}`,
      targetType: loaded.item.type,
      targetId: id,
      data: { title: loaded.item.title, ...data },
    });
    const kind = NEWS[action];
    if (kind) {
      const note = typeof data['comment'] === 'string' ? data['comment'] : null;
      await this.notifications.tell(tx, {
        kind,
        item: loaded.item,
        actorUserId: tenant.actor.userId,
        note,
      });
    }
    return { dto: toItemDto(await this.store.load(tx, id)) };
  }

  /**
   * Writes the working copy into the public projection, as citizens would read it. Publishing does this for
   * good; a preview does it in a transaction it rolls back.
   */
  async project(tx: TenantTransaction, { item, working }: LoadedItem): Promise<void> {
    const definition = contentType(item.type);
    await this.published.upsert(tx, {
      itemId: item.id,
      revisionId: working.id,
      type: item.type,
      slug: item.slug,
      data: publicData(working.data, definition.richTextFields),
      publishedAt: item.firstPublishedAt ?? new Date(),
      ...definition.project(working.data as never),
    });
  }

  /** Renders the working copy into the public projection and makes it the live revision. */
  private async goLive(
    tx: TenantTransaction,
    { item, working }: LoadedItem,
    flags: Partial<ContentItem> = {},
    /** The moment it goes live: the scheduler's pass time for a scheduled item. */
    at = new Date(),
    change: Extract<SiteChangeKind, 'content.published' | 'content.imported'> = 'content.published',
  ): Promise<void> {
    assertPublishRules(item.type, working.data, at);
    await this.mediaReferences.assertPublishable(tx, working.data);
    await this.project(tx, { item, working });
    const now = new Date();
    await this.store.items.update(
      tx,
      { id: item.id },
      {
        state: 'published',
        publishedRevisionId: working.id,
        publishedAt: now,
        firstPublishedAt: item.firstPublishedAt ?? now,
        scheduledAt: null,
        reviewComment: null,
        returnedBy: null,
        needsPostReview: false,
        forcePublishReason: null,
        forcePublishedBy: null,
        version: item.version + 1,
        ...flags,
      },
    );
    await this.siteChanges.record(tx, change, item, item.firstPublishedAt ?? now);
  }
}

type TransitionOutcome = { held: HeldFinding[]; item: ContentItem } | { dto: ContentItemDto };

function subjectOf(item: ContentItem) {
  return { type: item.type, id: item.id, title: `${contentType(item.type).label} "${item.title}"` };
}

/** The fields as the public may see them: rich text as sanitised HTML (`bodyHtml`), never the raw document. */
function publicData(fields: Record<string, unknown>, richTextFields: string[]): Record<string, unknown> {
  const data: Record<string, unknown> = { ...fields };
  for (const key of richTextFields) {
    const document = data[key] as RichTextDocument | undefined;
    delete data[key];
    if (document) data[`${key}Html`] = richTextToHtml(document);
  }
  return data;
}

/**
 * What the public may be shown: the type's own rules (a document needs its file) and, for anything with an end
 * (an announcement), an end still ahead: published after its end it would say "Terbit" while on no page.
 */
function assertPublishRules(type: ContentItem['type'], data: unknown, now: Date): void {
  const definition = contentType(type);
  const fields = data as never;
  const problems = (definition.publishRules?.(fields) ?? []).map((problem) => ({
    ...problem,
    field: `fields.${problem.field}`,
    message: `fields.${problem.message}`,
  }));
  const { validUntil } = definition.project(fields);
  if (validUntil && validUntil.getTime() <= now.getTime()) {
    problems.push({
      field: 'fields.validUntil',
      constraint: 'endInFuture',
      message: 'fields.validUntil sudah lewat: pengumuman yang berakhir tidak tampil di halaman mana pun',
    });
  }
  if (problems.length) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'Konten belum bisa terbit: periksa isian yang ditandai',
      problems,
    );
  }
}
