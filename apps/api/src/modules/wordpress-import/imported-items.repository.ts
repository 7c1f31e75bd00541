import { type TenantTransaction } from '../../core/database/database.service';

/** What one item of an old WordPress site became in Laman, and what it was when it came in. */
export interface ImportedItem {
  /** The old site's address (`wp:base_site_url`): ids are only unique within one site. */
  sourceUrl: string;
  sourceId: number;
  importId: string;
  itemId: string | null;
  mediaId: string | null;
  /** A digest of what the export said of it: a second run updates only what changed there. */
  sourceHash: string;
  /** The item's (else the file's) version right after the import: a higher one means someone edited it since. */
  importedVersion: number;
  /** The old site's paths of it (`/2023/02/slug/`, `/?p=12`, `/wp-content/uploads/…`), each to answer 301. */
  oldPaths: string[];
}

const COLUMNS = `source_url AS "sourceUrl", source_id AS "sourceId", import_id AS "importId", item_id AS "itemId",
  media_id AS "mediaId", source_hash AS "sourceHash", imported_version AS "importedVersion", old_paths AS "oldPaths"`;

/** The OPD's record of what came in from its old site (`imported_items`, row-level secured per OPD). */
export class ImportedItemsRepository {
  async find(tx: TenantTransaction, sourceUrl: string, sourceId: number): Promise<ImportedItem | null> {
    const rows: ImportedItem[] = await tx.manager.query(
      `SELECT ${COLUMNS} FROM imported_items WHERE tenant_id = $1 AND source_url = $2 AND source_id = $3`,
      [tx.tenantId, sourceUrl, sourceId],
    );
    return rows[0] ?? null;
  }

  /** Every file that came in from the site: attachment id → library file (covers and inline images name them). */
  async files(
    tx: TenantTransaction,
    sourceUrl: string,
  ): Promise<Array<{ sourceId: number; mediaId: string }>> {
    return tx.manager.query(
      `SELECT source_id AS "sourceId", media_id AS "mediaId" FROM imported_items
        WHERE tenant_id = $1 AND source_url = $2 AND media_id IS NOT NULL`,
      [tx.tenantId, sourceUrl],
    );
  }

  async save(tx: TenantTransaction, item: ImportedItem): Promise<void> {
    await tx.manager.query(
      `INSERT INTO imported_items
              (tenant_id, source_url, source_id, import_id, item_id, media_id, source_hash, imported_version, old_paths)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (tenant_id, source_url, source_id) DO UPDATE SET
              import_id = EXCLUDED.import_id, item_id = EXCLUDED.item_id, media_id = EXCLUDED.media_id,
              source_hash = EXCLUDED.source_hash, imported_version = EXCLUDED.imported_version,
              old_paths = EXCLUDED.old_paths`,
      [
        tx.tenantId,
        item.sourceUrl,
        item.sourceId,
        item.importId,
        item.itemId,
        item.mediaId,
        item.sourceHash,
        item.importedVersion,
        item.oldPaths,
      ],
    );
  }

  /** What came in from the site and is still there, with the versions it has now. */
  async current(
    tx: TenantTransaction,
    sourceUrl: string,
  ): Promise<
    Array<{
      itemId: string | null;
      itemVersion: number | null;
      mediaId: string | null;
      mediaVersion: number | null;
    }>
  > {
    return tx.manager.query(
      `SELECT i.item_id AS "itemId", c.version AS "itemVersion", i.media_id AS "mediaId", m.version AS "mediaVersion"
         FROM imported_items i
         LEFT JOIN content_items c ON c.id = i.item_id
         LEFT JOIN media m ON m.id = i.media_id
        WHERE i.tenant_id = $1 AND i.source_url = $2 AND (i.item_id IS NOT NULL OR i.media_id IS NOT NULL)`,
      [tx.tenantId, sourceUrl],
    );
  }

  /** What of the site someone changed in Laman since it came in (its title or file name). */
  async editedSince(tx: TenantTransaction, sourceUrl: string): Promise<string[]> {
    const rows: Array<{ name: string }> = await tx.manager.query(
      `SELECT coalesce(c.title, m.file_name) AS name
         FROM imported_items i
         LEFT JOIN content_items c ON c.id = i.item_id
         LEFT JOIN media m ON m.id = i.media_id
        WHERE i.tenant_id = $1 AND i.source_url = $2
          AND ((i.item_id IS NOT NULL AND c.version <> i.imported_version)
            OR (i.item_id IS NULL AND i.media_id IS NOT NULL AND m.version <> i.imported_version))
        ORDER BY 1`,
      [tx.tenantId, sourceUrl],
    );
    return rows.map((row) => row.name);
  }

  /** Forgets everything that came in from the site (after it was removed). */
  async forget(tx: TenantTransaction, sourceUrl: string): Promise<void> {
    await tx.manager.query(`DELETE FROM imported_items WHERE tenant_id = $1 AND source_url = $2`, [
      tx.tenantId,
      sourceUrl,
    ]);
  }

  /** The site's imported items that are live, with their public type and slug and their old addresses. */
  async livePages(
    tx: TenantTransaction,
    sourceUrl: string,
  ): Promise<Array<{ type: string; slug: string; oldPaths: string[] }>> {
    return tx.manager.query(
      `SELECT p.type, p.slug, i.old_paths AS "oldPaths"
         FROM imported_items i JOIN published_content p ON p.item_id = i.item_id
        WHERE i.tenant_id = $1 AND i.source_url = $2`,
      [tx.tenantId, sourceUrl],
    );
  }
}
