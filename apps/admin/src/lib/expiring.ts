import type { ApiClient } from './api';

export interface Expiring {
  title: string;
  slug: string;
  validUntil: string;
}

const WEEK_MS = 7 * 24 * 3_600_000;

/** Announcements on the site that stop showing within a week: extend them, or let them go knowingly. */
export async function expiringSoon(api: ApiClient, slug: string, now = new Date()): Promise<Expiring[]> {
  const answer = await api.get<{ items: Expiring[] }>(
    `/api/v1/public/${slug}/content?type=pengumuman&pageSize=50`,
  );
  return answer.items
    .filter((item) => item.validUntil && new Date(item.validUntil).getTime() - now.getTime() <= WEEK_MS)
    .sort((a, b) => a.validUntil.localeCompare(b.validUntil));
}
