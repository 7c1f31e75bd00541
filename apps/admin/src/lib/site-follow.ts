import { type ApiClient } from './api';

export type SiteStatus = 'live' | 'waiting' | 'failed' | 'held';

interface Build {
  status: string;
  startedAt: string;
}

/**
 * Where the site stands since an item was published: live once a build that started after the publish went
 * live; failed or held if such a build ended so and nothing newer is on its way; else still waiting.
 */
export async function siteStatus(api: ApiClient, slug: string, publishedAt: string): Promise<SiteStatus> {
  const builds = await api.get<Build[]>(`/api/v1/tenants/${slug}/builds?limit=10`);
  const since = new Date(publishedAt).getTime();
  // Only a build that started after the publish read the new content.
  const after = builds.filter((build) => new Date(build.startedAt).getTime() > since);
  const pending = after.some((build) => build.status === 'queued' || build.status === 'building');
  const problem = after.find((build) => build.status === 'failed' || build.status === 'held');
  if (after.some((build) => build.status === 'live')) return 'live';
  return problem && !pending ? (problem.status as 'failed' | 'held') : 'waiting';
}
