import { ContentItem } from './content-item.entity';
import { ContentRevision } from './content-revision.entity';
import { PublishedContent } from './published-content.entity';

/** The content module's tables (items, revisions, the public projection), as TypeORM maps them. */
export const CONTENT_ENTITIES = [ContentItem, ContentRevision, PublishedContent];
