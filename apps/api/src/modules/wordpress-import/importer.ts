import { sitePagePath } from '@laman/shared';
import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { type Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { type TenantContext } from '../../core/access/principal';
import { type AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { Database, type TenantTransaction } from '../../core/database/database.service';
import { DomainError } from '../../core/errors/domain-error';
import { ContentService } from '../content/content.service';
import { PublishingService } from '../content/publishing.service';
import { MediaRepository } from '../media/media.repository';
import { MediaService } from '../media/media.service';
import { MediaUrls } from '../media/media-urls';
import { type Media } from '../media/media.entity';
import { decide, indexSource, type PlannedItem, type SourceIndex } from './import-plan';
import { type ImportRunTotals, noTotals } from './import-run-totals';
import {
  contentFields,
  documentFields,
  fieldProblems,
  type ImportedLibrary,
  type LibraryFile,
  originalUploadPath,
} from './imported-fields';
import { type ImportedItem, ImportedItemsRepository } from './imported-items.repository';
import { oldPathKey } from './old-paths';
import { sourceHash } from './source-hash';
import { type UploadsArchive } from './uploads-archive';
import { type UploadsFetcher } from './uploads-fetcher';
import { type ConvertedContent } from './wp-content';
import { type WxrItem } from './wxr-entry';
import { readWxr } from './wxr-reader';

/** What happened to one item of the export, for the run's report. */
export interface ImportedOutcome {
  sourceId: number;
  title: string;
  outcome: keyof ImportRunTotals;
  /** Why it failed or was held, or what a person should check. */
  notes: string[];
}

export interface ImportRun {
  importId: string;
  totals: ImportRunTotals;
  /** Every item that failed, was held, was kept as edited in Laman, or needs a look. */
  noted: ImportedOutcome[];
}

export interface ImportSources {
  /** The old site's `wp-content/uploads` as a zip: where photos and documents come from. */
  archive?: UploadsArchive;
  /** Else (or for what the archive lacks), the old site itself: its files fetched from `from` (its address now). */
  fetch?: { fetcher: UploadsFetcher; from: string };
}

/** Noted outcomes a run keeps at most (the totals are always whole). */
const NOTED_LIMIT = 1000;
/** Items between two progress reports. */
const PROGRESS_EVERY = 25;
const NOTE = 'Diimpor dari WordPress';

type Step = Omit<ImportedOutcome, 'sourceId' | 'title'>;
type ContentPlan = Extract<PlannedItem, { kind: 'berita' | 'halaman' }>;

/**
 * Brings an OPD's old WordPress site in, from its export (and the archive of its uploads): first every file
 * (photos into the library, PDFs and office files as Dokumen with their file), then every post and page, so
 * covers and inline images find their library copy. Each item is written with its record in `imported_items`
 * in one transaction, through the same services an editor uses (field rules, sanitiser, spam guard, publishing
 * rules, audit): a run that stops anywhere leaves whole items only, and running the same export again updates
 * what changed at the source, adds what is new, leaves the rest and never duplicates — nor overwrites or brings
 * back what the OPD edited or deleted since. Published items keep the date they had on the old site.
 */
@Injectable()
export class WordpressImporter {
  private readonly imported = new ImportedItemsRepository();

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(ContentService) private readonly content: ContentService,
    @Inject(PublishingService) private readonly publishing: PublishingService,
    @Inject(MediaService) private readonly media: MediaService,
    @Inject(MediaRepository) private readonly mediaRows: MediaRepository,
    @Inject(MediaUrls) private readonly urls: MediaUrls,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Runs the import recorded as `importId` (its row exists: queued, or started by the caller). `progress` hears
   * the totals every PROGRESS_EVERY items; the caller records the outcome.
   */
  async run(
    tenant: TenantContext,
    importId: string,
    open: () => Readable,
    sources: ImportSources = {},
    progress: (run: ImportRun, done: number, total: number) => Promise<unknown> = async () => undefined,
  ): Promise<ImportRun> {
    const index = await indexSource(open());
    const run: ImportRun = { importId, totals: noTotals(), noted: [] };
    const library = await this.libraryOf(tenant, index);
    let done = 0;
    const step = async (item: WxrItem, outcome: Step) => {
      this.count(run, item, outcome);
      if (++done % PROGRESS_EVERY === 0) await progress(run, done, index.items);
    };
    for await (const item of itemsOf(open()))
      if (item.type === 'attachment')
        await step(item, await this.attachment(tenant, run, item, index, library, sources));
    for await (const item of itemsOf(open()))
      if (item.type !== 'attachment') await step(item, await this.post(tenant, run, item, index, library));
    await progress(run, done, index.items);
    return run;
  }

  private count(run: ImportRun, item: WxrItem, step: Step): void {
    run.totals[step.outcome]++;
    const worthNoting = step.notes.length > 0 || ['failed', 'held', 'keptEdited'].includes(step.outcome);
    if (worthNoting && run.noted.length < NOTED_LIMIT)
      run.noted.push({ sourceId: item.id, title: item.title, ...step });
  }

  /**
   * What earlier runs brought in from the site: its files by attachment id and upload path, and its published
   * items' pages by their old addresses (links between imported items point there).
   */
  private async libraryOf(tenant: TenantContext, index: SourceIndex): Promise<ImportedLibrary> {
    const { known, pages, siteUrl } = await this.db.inTenant(tenant.tenantId, async (tx) => {
      const files = await this.imported.files(tx, index.site.baseUrl);
      const rows = files.length
        ? await this.mediaRows.find(tx, { id: In(files.map((file) => file.mediaId)) })
        : [];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return {
        known: files.flatMap((file) =>
          byId.has(file.mediaId) ? [{ ...file, media: byId.get(file.mediaId)! }] : [],
        ),
        pages: await this.imported.livePages(tx, index.site.baseUrl),
        siteUrl: await this.siteUrlOf(tx),
      };
    });
    const library: ImportedLibrary = {
      byAttachment: new Map(),
      byUploadPath: new Map(),
      oldHost: hostOf(index.site.baseUrl),
      siteUrl,
      pages: new Map(
        pages.flatMap((page) =>
          page.oldPaths.map((key) => [key, `${siteUrl}/${sitePagePath(page.type, page.slug)}`] as const),
        ),
      ),
    };
    for (const { sourceId, media } of known) this.shelve(tenant, library, index, sourceId, media);
    return library;
  }

  /** The OPD's public site: its own domain, else its address under the city's. */
  private async siteUrlOf(tx: TenantTransaction): Promise<string> {
    const [tenant] = (await tx.manager.query(
      `SELECT slug, custom_domain AS domain FROM tenants WHERE id = $1`,
      [tx.tenantId],
    )) as Array<{ slug: string; domain: string | null }>;
    return `https://${tenant!.domain ?? `${tenant!.slug}.${this.config.sites.domain}`}`;
  }

  private shelve(
    tenant: TenantContext,
    library: ImportedLibrary,
    index: SourceIndex,
    sourceId: number,
    media: Media,
  ): LibraryFile {
    const file = { mediaId: media.id, url: this.urls.toDto(tenant.slug, media).url };
    library.byAttachment.set(sourceId, file);
    const uploadPath = originalUploadPath(index.attachments.get(sourceId)?.url ?? '');
    if (uploadPath) library.byUploadPath.set(uploadPath, file);
    return file;
  }

  /** A photo into the library, or a document's file into the library and the document as Dokumen. */
  private async attachment(
    tenant: TenantContext,
    run: ImportRun,
    item: WxrItem,
    index: SourceIndex,
    library: ImportedLibrary,
    sources: ImportSources,
  ): Promise<Step> {
    const decision = decide(item, index);
    if ('skip' in decision) return { outcome: 'skipped', notes: [decision.skip.reason] };
    const plan = decision.plan;
    if (plan.kind !== 'media' && plan.kind !== 'dokumen') return { outcome: 'skipped', notes: [] };
    const hash = sourceHash(item);
    const known = await this.known(tenant, index, item.id);
    let file = library.byAttachment.get(item.id);
    if (known && !known.mediaId && known.sourceHash)
      return { outcome: 'keptEdited', notes: ['dihapus di Laman'] };
    if (!file) {
      const uploaded = await this.upload(tenant, run, item, plan, index, sources);
      if ('outcome' in uploaded) return uploaded;
      file = this.shelve(tenant, library, index, item.id, uploaded);
      if (plan.kind === 'media') return { outcome: 'created', notes: plan.review };
    } else if (plan.kind === 'media' || (known?.sourceHash && known.sourceHash === hash))
      return { outcome: 'unchanged', notes: [] };
    return this.document(
      tenant,
      run,
      item,
      plan as Extract<PlannedItem, { kind: 'dokumen' }>,
      file,
      hash,
      index,
      library,
    );
  }

  private async known(
    tenant: TenantContext,
    index: SourceIndex,
    sourceId: number,
  ): Promise<ImportedItem | null> {
    return this.db.inTenant(tenant.tenantId, (tx) => this.imported.find(tx, index.site.baseUrl, sourceId));
  }

  /** The file out of the archive and through the library's upload (sniffing, variants, EXIF removal, refusals). */
  private async upload(
    tenant: TenantContext,
    run: ImportRun,
    item: WxrItem,
    plan: Extract<PlannedItem, { kind: 'media' | 'dokumen' }>,
    index: SourceIndex,
    sources: ImportSources,
  ): Promise<Media | Step> {
    const uploadPath = plan.uploadPath;
    const inArchive = Boolean(uploadPath && sources.archive?.find(uploadPath));
    if (!inArchive && !sources.fetch)
      return {
        outcome: 'failed',
        notes: [
          sources.archive
            ? `berkas ${uploadPath ?? '(tanpa nama)'} tidak ada di arsip unggahan`
            : 'tanpa arsip unggahan: berkasnya belum bisa diambil',
        ],
      };
    const folder = path.join(this.config.media.dir, 'imports');
    await mkdir(folder, { recursive: true });
    const local = path.join(folder, randomBytes(12).toString('hex'));
    const limit = Math.max(this.config.media.maxImageBytes, this.config.media.maxDocumentBytes);
    try {
      const size = inArchive
        ? await sources.archive!.extract(uploadPath!, local, limit)
        : await sources.fetch!.fetcher.fetchTo(
            fetchAddress(item.attachmentUrl, index, sources.fetch!.from),
            local,
            limit,
          );
      let stored: Media | null = null;
      const alt = plan.kind === 'media' ? plan.alt : '';
      await this.media.upload(
        tenant,
        {
          path: local,
          originalname: path.basename(uploadPath ?? new URL(item.attachmentUrl).pathname),
          size,
        },
        alt ? { alt } : {},
        async (tx, media) => {
          stored = media;
          await this.imported.save(tx, {
            ...this.record(run, index, item, plan),
            mediaId: media.id,
            itemId: null,
            // A document's record is whole only once its item is written too (a later run finishes it).
            sourceHash: plan.kind === 'media' ? sourceHash(item) : '',
            importedVersion: media.version,
          });
        },
      );
      return stored!;
    } catch (error) {
      if (error instanceof DomainError) return { outcome: 'failed', notes: [error.message] };
      throw error;
    } finally {
      // What a refused or broken file left behind (the library's upload takes the file away when it succeeds).
      await rm(local, { force: true });
    }
  }

  private record(
    run: ImportRun,
    index: SourceIndex,
    item: WxrItem,
    plan: PlannedItem,
  ): Pick<ImportedItem, 'sourceUrl' | 'sourceId' | 'importId' | 'oldPaths'> {
    return {
      sourceUrl: index.site.baseUrl,
      sourceId: item.id,
      importId: run.importId,
      oldPaths: oldPaths(plan),
    };
  }

  private async document(
    tenant: TenantContext,
    run: ImportRun,
    item: WxrItem,
    plan: Extract<PlannedItem, { kind: 'dokumen' }>,
    file: LibraryFile,
    hash: string,
    index: SourceIndex,
    library: ImportedLibrary,
  ): Promise<Step> {
    const review = [...plan.review];
    const fields = documentFields(plan, file, review);
    return this.write(tenant, run, item, plan, index, library, {
      type: 'dokumen',
      fields,
      hash,
      review,
      mediaId: file.mediaId,
    });
  }

  /** A post as Berita or a page as Halaman. */
  private async post(
    tenant: TenantContext,
    run: ImportRun,
    item: WxrItem,
    index: SourceIndex,
    library: ImportedLibrary,
  ): Promise<Step> {
    const decision = decide(item, index);
    if ('skip' in decision) return { outcome: 'skipped', notes: [decision.skip.reason] };
    const plan = decision.plan as ContentPlan;
    const review = [...plan.review, ...plan.warnings];
    let fields: Record<string, unknown>;
    try {
      fields = contentFields(
        plan,
        { converted: decision.converted as ConvertedContent, excerpt: item.excerpt, slug: item.slug },
        library,
        review,
      );
    } catch (error) {
      if (error instanceof DomainError)
        return { outcome: 'failed', notes: [`isinya tidak dapat dibaca: ${error.message}`] };
      throw error;
    }
    const hash = sourceHash(item);
    return this.write(tenant, run, item, plan, index, library, {
      type: plan.kind,
      fields,
      hash,
      review,
      mediaId: null,
    });
  }

  /**
   * One item and its record in one transaction: new, or updated when the export changed and nobody edited it in
   * Laman since; then published with its old date when it was published on the old site.
   */
  private async write(
    tenant: TenantContext,
    run: ImportRun,
    item: WxrItem,
    plan: PlannedItem,
    index: SourceIndex,
    library: ImportedLibrary,
    what: {
      type: 'berita' | 'halaman' | 'dokumen';
      fields: Record<string, unknown>;
      hash: string;
      review: string[];
      mediaId: string | null;
    },
  ): Promise<Step> {
    const problems = await fieldProblems(what.type, what.fields);
    if (problems.length) return { outcome: 'failed', notes: problems.map((problem) => problem.message) };
    let live: string | null = null;
    try {
      const step = await this.db.inTenant(tenant.tenantId, async (tx): Promise<Step> => {
        const known = await this.imported.find(tx, index.site.baseUrl, item.id);
        if (known?.sourceHash === what.hash && known.itemId) return { outcome: 'unchanged', notes: [] };
        if (known?.sourceHash && !known.itemId) return { outcome: 'keptEdited', notes: ['dihapus di Laman'] };
        let written: { id: string; version: number; slug: string };
        let outcome: Step['outcome'];
        if (known?.itemId) {
          const current = await this.versionOf(tx, known.itemId);
          if (current !== known.importedVersion)
            return {
              outcome: 'keptEdited',
              notes: ['diubah di Laman sejak diimpor: versi Laman dipertahankan'],
            };
          written = await this.content.updateWithin(
            tx,
            tenant,
            what.type,
            known.itemId,
            current,
            what.fields,
            NOTE,
          );
          outcome = 'updated';
        } else {
          written = await this.create(tx, tenant, what);
          outcome = 'created';
        }
        const held = plan.publish ? await this.publish(tx, tenant, written, plan) : [];
        await this.imported.save(tx, {
          ...this.record(run, index, item, plan),
          itemId: written.id,
          mediaId: what.mediaId,
          sourceHash: what.hash,
          importedVersion: (await this.versionOf(tx, written.id))!,
        });
        if (plan.publish && !held.length)
          live = `${library.siteUrl}/${sitePagePath(what.type, written.slug)}`;
        return held.length
          ? { outcome: 'held', notes: [...held, ...what.review] }
          : { outcome, notes: what.review };
      });
      // Links from items later in the export go straight to this page (once it is committed).
      if (live) for (const key of oldPaths(plan)) library.pages.set(key, live);
      return step;
    } catch (error) {
      if (error instanceof DomainError) return { outcome: 'failed', notes: [error.message] };
      throw error;
    }
  }

  /** A new item; under the old slug when it is free, else under one made from the title (and said so). */
  private async create(
    tx: TenantTransaction,
    tenant: TenantContext,
    what: { type: 'berita' | 'halaman' | 'dokumen'; fields: Record<string, unknown>; review: string[] },
  ): Promise<{ id: string; version: number; slug: string }> {
    try {
      return await this.content.createWithin(tx, tenant, what.type, what.fields, NOTE);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'CONTENT_SLUG_TAKEN') throw error;
      const { slug, ...rest } = what.fields;
      what.review.push(
        `alamat lama "${String(slug)}" sudah dipakai konten lain: alamat baru dibuat dari judul`,
      );
      return this.content.createWithin(tx, tenant, what.type, rest, NOTE);
    }
  }

  /**
   * Publishes with the old date, in a savepoint: an item the spam guard or a publishing rule stops stays in as
   * a draft, with the reason (returned).
   */
  private async publish(
    tx: TenantTransaction,
    tenant: TenantContext,
    written: { id: string; version: number },
    plan: PlannedItem,
  ): Promise<string[]> {
    await tx.manager.query('SAVEPOINT imported_publish');
    try {
      const at = plan.publishedAt ? new Date(plan.publishedAt) : new Date();
      const held = await this.publishing.publishImported(tx, tenant, written.id, written.version, at);
      await tx.manager.query('RELEASE SAVEPOINT imported_publish');
      return held.map((finding) => `ditahan penjaga spam: ${finding.reason}`);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await tx.manager.query('ROLLBACK TO SAVEPOINT imported_publish');
      const reasons = error.details?.map((detail) => detail.message) ?? [];
      return [`masuk sebagai draf: ${error.message}`, ...reasons];
    }
  }

  private async versionOf(tx: TenantTransaction, itemId: string): Promise<number | null> {
    const rows: Array<{ version: number }> = await tx.manager.query(
      `SELECT version FROM content_items WHERE tenant_id = $1 AND id = $2`,
      [tx.tenantId, itemId],
    );
    return rows[0]?.version ?? null;
  }
}

async function* itemsOf(input: Readable): AsyncGenerator<WxrItem> {
  for await (const entry of readWxr(input)) if (entry.kind === 'item') yield entry.item;
}

/** The old addresses as the redirects look them up (`oldPathKey`): the front page itself is never one. */
/** An attachment's address on the old site as it answers now (`from`), in place of the export's own. */
function fetchAddress(attachmentUrl: string, index: SourceIndex, from: string): string {
  const base = index.site.baseUrl.replace(/\/$/, '');
  const rest = attachmentUrl.startsWith(base)
    ? attachmentUrl.slice(base.length)
    : new URL(attachmentUrl).pathname;
  return `${from.replace(/\/$/, '')}${rest.startsWith('/') ? rest : `/${rest}`}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

function oldPaths(plan: PlannedItem): string[] {
  return [...new Set(plan.oldUrls.map(oldPathKey).filter((key): key is string => key !== null))];
}
