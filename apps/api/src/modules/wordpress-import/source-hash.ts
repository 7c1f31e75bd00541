import { createHash } from 'node:crypto';
import { type WxrItem } from './wxr-entry';

/**
 * A digest of everything of an item the import reads: when the export says the same again, a second run
 * leaves the item alone; when any of it changed, the item is updated.
 */
export function sourceHash(item: WxrItem): string {
  const { id, type, status, title, slug, postDateGmt, creator, content, excerpt, parentId, menuOrder } = item;
  const read = {
    ...{ id, type, status, title, slug, postDateGmt, creator, content, excerpt, parentId, menuOrder },
    protected: item.passwordProtected,
    file: item.attachmentUrl,
    categories: item.categories.map((term) => term.name),
    tags: item.tags.map((term) => term.name),
    meta: Object.entries(item.meta).sort(([a], [b]) => a.localeCompare(b)),
  };
  return createHash('sha256').update(JSON.stringify(read)).digest('base64url');
}
