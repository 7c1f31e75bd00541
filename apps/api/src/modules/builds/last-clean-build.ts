import { type SiteBuild } from './site-build.entity';

/**
 * The build to put back when a live site must be cleaned in one action: the newest build that went live with
 * clean checks (no spam, no gambling mentions) and is still kept on disk, other than what is live now (the
 * newest live record, rollbacks included). Null when there is none.
 */
export function lastCleanBuild(builds: SiteBuild[], isKept: (output: string) => boolean): SiteBuild | null {
  const live = builds
    .filter((build) => build.status === 'live' && build.output)
    .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime());
  const current = live[0]?.output;
  return (
    live.find(
      (build) =>
        build.output !== current &&
        build.trigger !== 'rollback' &&
        (build.checks?.counts.spam ?? 0) === 0 &&
        (build.checks?.counts.gamblingMentions ?? 0) === 0 &&
        isKept(build.output!),
    ) ?? null
  );
}
