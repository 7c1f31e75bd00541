import { Inject, Injectable } from '@nestjs/common';
import { type TenantContext } from '../../core/access/principal';
import { Database, type TenantTransaction } from '../../core/database/database.service';
import { DomainError } from '../../core/errors/domain-error';
import { ContentService } from '../content/content.service';
import { MediaService } from '../media/media.service';
import { ImportedItemsRepository } from './imported-items.repository';
import { type ImportRunRow, ImportRunsRepository } from './import-runs.repository';

/** Names listed in a refusal at most. */
const NAMED = 5;

/**
 * Undoing an import as a whole: everything that came in from the old site — items (live ones leave the site)
 * and files — goes in one transaction through the editor's own deletions (audited), and the site's runs are
 * marked undone. Only while nothing of it changed in Laman since: an item or a file edited since, or a file
 * that content written in Laman now uses, refuses the undo (409, naming them) and nothing is removed.
 */
@Injectable()
export class ImportUndo {
  private readonly imported = new ImportedItemsRepository();
  private readonly runs = new ImportRunsRepository();

  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(ContentService) private readonly content: ContentService,
    @Inject(MediaService) private readonly media: MediaService,
  ) {}

  async undo(context: TenantContext, run: ImportRunRow): Promise<void> {
    if (run.status === 'undone') throw new DomainError('IMPORT_NOT_UNDOABLE', 'Impor ini sudah dibatalkan');
    if (run.status === 'queued' || run.status === 'running')
      throw new DomainError('IMPORT_NOT_UNDOABLE', 'Impor ini belum selesai: batalkan setelah selesai');
    const keys = await this.db.inTenant(context.tenantId, async (tx) => {
      const edited = await this.imported.editedSince(tx, run.sourceUrl);
      if (edited.length) throw changedSince(edited);
      const current = await this.imported.current(tx, run.sourceUrl);
      for (const row of current)
        if (row.itemId && row.itemVersion !== null)
          await this.content.removeWithin(tx, context, row.itemId, row.itemVersion);
      const files = current.filter((row) => row.mediaId && row.mediaVersion !== null);
      const usedBy = await this.stillUsed(
        tx,
        files.map((row) => row.mediaId!),
      );
      if (usedBy.length) throw changedSince(usedBy);
      const keys: string[] = [];
      for (const row of files)
        keys.push(...(await this.media.removeWithin(tx, context, row.mediaId!, row.mediaVersion!)));
      await this.imported.forget(tx, run.sourceUrl);
      await this.runs.undone(tx, run.sourceUrl);
      await this.lastPublishedAgain(tx);
      return keys;
    });
    await this.media.forgetFiles(keys);
  }

  /**
   * Content written in Laman that uses any of the files (by reference or as an inline image), once the imported
   * items are gone: one pass over what is left, however many files came in.
   */
  private async stillUsed(tx: TenantTransaction, mediaIds: string[]): Promise<string[]> {
    if (!mediaIds.length) return [];
    const rows: Array<{ title: string }> = await tx.manager.query(
      `SELECT DISTINCT c.title FROM content_items c
         JOIN content_revisions r ON r.id IN (c.working_revision_id, c.published_revision_id)
         JOIN unnest($2::text[]) AS m(id) ON position(m.id IN r.data::text) > 0
        WHERE c.tenant_id = $1
        ORDER BY c.title LIMIT 100`,
      [tx.tenantId, mediaIds],
    );
    return rows.map((row) => row.title);
  }

  /** The OPD's last update is its last real publish again, now that the old site's dates are gone. */
  private async lastPublishedAgain(tx: TenantTransaction): Promise<void> {
    await tx.manager.query(
      `UPDATE tenants SET last_published_at = (
         SELECT max(published_at) FROM content_items WHERE tenant_id = $1 AND state = 'published')
        WHERE id = $1`,
      [tx.tenantId],
    );
  }
}

function changedSince(names: string[]): DomainError {
  const listed = names
    .slice(0, NAMED)
    .map((name) => `"${name}"`)
    .join(', ');
  const more = names.length > NAMED ? ` dan ${names.length - NAMED} lagi` : '';
  return new DomainError(
    'IMPORT_EDITED',
    `Impor tidak dapat dibatalkan: ${names.length} isi sudah diubah atau dipakai di Laman sejak diimpor (${listed}${more})`,
    [],
    {},
    { edited: names.slice(0, 100) },
  );
}
