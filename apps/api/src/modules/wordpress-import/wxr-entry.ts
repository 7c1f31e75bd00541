/** The exporting site, from the export's channel. */
export interface WxrSite {
  title: string;
  /** The site's address as WordPress knew it (`wp:base_site_url`, else the channel's link). */
  baseUrl: string;
  /** `wp:wxr_version`: 1.0 to 1.2 (WordPress 3 to 6). */
  wxrVersion: string;
}

export interface WxrAuthor {
  login: string;
  displayName: string;
}

export interface WxrTerm {
  name: string;
  /** WordPress's slug of the term (`nicename`). */
  slug: string;
}

/** One `<item>` of the export: a post, page, attachment or anything else WordPress stores as a post. */
export interface WxrItem {
  id: number;
  type: string;
  status: string;
  title: string;
  /** `wp:post_name`: the slug (empty for drafts never saved with one). */
  slug: string;
  link: string;
  guid: string;
  /** `wp:post_date` (site time) and `wp:post_date_gmt` (UTC), as WordPress writes them: `YYYY-MM-DD hh:mm:ss`. */
  postDate: string;
  postDateGmt: string;
  creator: string;
  content: string;
  excerpt: string;
  parentId: number;
  menuOrder: number;
  /** A password-protected post's password is never kept: only whether it had one. */
  passwordProtected: boolean;
  attachmentUrl: string;
  categories: WxrTerm[];
  tags: WxrTerm[];
  /** The post meta the import reads (thumbnail, alt text, file path); other meta is dropped while reading. */
  meta: Record<string, string>;
}

export type WxrEntry =
  { kind: 'site'; site: WxrSite } | { kind: 'author'; author: WxrAuthor } | { kind: 'item'; item: WxrItem };
