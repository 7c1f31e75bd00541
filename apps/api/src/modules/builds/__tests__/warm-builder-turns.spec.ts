import { type BuildRequest, type BuilderRun, WarmBuilder } from '../builder-process';

describe('the warm builder taking turns', () => {
  it('builds one at a time, and a waiting OPD site goes before a waiting portal build', async () => {
    const builder = new WarmBuilder();
    const order: string[] = [];
    let running = 0;
    let finishFirst: () => void = () => undefined;
    const first = new Promise<void>((resolve) => (finishFirst = resolve));
    // The child process is replaced by a stand-in that records what it builds and whether builds overlap.
    Object.assign(builder, {
      buildNow: async (request: BuildRequest): Promise<BuilderRun> => {
        running += 1;
        expect(running).toBe(1);
        const name = 'portal' in request ? 'portal' : request.tenant;
        order.push(name);
        if (name === 'disdukcapil') await first;
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        return { outcome: 'live', log: '', summary: null };
      },
    });
    const site = (tenant: string) =>
      builder.build({ api: 'http://api', out: '/sites', tenant, spamTerms: [], trustedHosts: [] });
    const builds = [
      site('disdukcapil'),
      builder.build({ api: 'http://api', out: '/sites', portal: true }),
      site('dinkes'),
    ];
    finishFirst();
    await Promise.all(builds);
    expect(order).toEqual(['disdukcapil', 'dinkes', 'portal']);
  });
});
