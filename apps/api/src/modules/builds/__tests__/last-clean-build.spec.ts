import { lastCleanBuild } from '../last-clean-build';
import { type SiteBuild } from '../site-build.entity';

function build(id: string, minutesAgo: number, extra: Partial<SiteBuild> = {}): SiteBuild {
  return {
    id,
    status: 'live',
    trigger: 'publish',
    output: id,
    startedAt: new Date(Date.UTC(2026, 10, 29, 12) - minutesAgo * 60_000),
    checks: {
      pages: 3,
      counts: { brokenLinks: 0, untitled: 0, missingAlt: 0, spam: 0, gamblingMentions: 0 },
    },
    ...extra,
  } as SiteBuild;
}
const dirty = (count: number) =>
  ({
    pages: 3,
    counts: { brokenLinks: 0, untitled: 0, missingAlt: 0, spam: 0, gamblingMentions: count },
  }) as never;

describe('the last clean build', () => {
  const kept = () => true;

  it('is the newest clean build other than the live one', () => {
    const builds = [build('3', 1, { checks: dirty(2) }), build('2', 10), build('1', 20)];
    expect(lastCleanBuild(builds, kept)?.id).toBe('2');
  });

  it('skips builds with gambling mentions or spam, failed or held builds, and builds no longer kept', () => {
    const builds = [
      build('5', 1, { checks: dirty(1) }),
      build('4', 5, { status: 'held' }),
      build('3', 10, { checks: dirty(4) }),
      build('2', 15),
      build('1', 20),
    ];
    expect(lastCleanBuild(builds, (output) => output !== '2')?.id).toBe('1');
  });

  it('never picks a rollback record, nor what is live now (after a rollback, the live output)', () => {
    const builds = [build('r', 1, { trigger: 'rollback', output: '1' }), build('2', 10), build('1', 20)];
    expect(lastCleanBuild(builds, kept)?.id).toBe('2');
    expect(lastCleanBuild([build('1', 1)], kept)).toBeNull();
  });
});
