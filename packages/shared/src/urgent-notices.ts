/** An announcement as the site and the portal see it in a snapshot. */
export interface NoticeLike {
  type: string;
  slug: string;
  title: string;
  urgent: boolean;
  validFrom: string | null;
  validUntil: string | null;
}

/**
 * Urgent (serta-merta) announcements in force at `now`: shown at the top of every page of the OPD's site and on
 * the portal. Their start and end are build boundaries (the API rebuilds the site when one passes).
 */
export function urgentNotices<T extends NoticeLike>(items: readonly T[], now = Date.now()): T[] {
  return items.filter(
    (item) =>
      item.type === 'pengumuman' &&
      item.urgent &&
      (!item.validFrom || Date.parse(item.validFrom) <= now) &&
      (!item.validUntil || Date.parse(item.validUntil) > now),
  );
}
