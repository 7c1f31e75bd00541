import { createServer, type Server } from 'node:http';
import { alternatedP99, summarizeRounds } from '../alternated-p99';

/** A city's API stand-in over real HTTP: answers every read after `delayMs`, noting which city was read. */
function cityServer(name: string, log: string[], delayMs: number, status = 200): Promise<Server> {
  const server = createServer((request, response) => {
    log.push(name);
    setTimeout(() => response.writeHead(status).end('{}'), delayMs);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as { port: number }).port}`;
const plan = { pairs: 4, readsPerRound: 40, warmUpReads: 10, pauseMs: 0 };

describe('one OPD’s public p99 in two cities, alternated', () => {
  const log: string[] = [];
  const servers: Server[] = [];
  afterAll(() => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))));

  it('reads the cities in alternating rounds and reports the slower city as the larger ratio', async () => {
    const small = await cityServer('small', log, 0);
    const large = await cityServer('large', log, 8);
    servers.push(small, large);
    const result = await alternatedP99(
      { api: { url: urlOf(small) }, slug: 'dinas-bench', itemSlug: 'berita-1' },
      { api: { url: urlOf(large) }, slug: 'dinas-bench', itemSlug: 'berita-1' },
      plan,
    );
    // After both warm-ups, rounds of 40 reads: small, large | large, small | small, large | large, small.
    const rounds = log.slice(2 * plan.warmUpReads);
    const blocks = Array.from({ length: 8 }, (_, index) => rounds[index * plan.readsPerRound]);
    expect(blocks).toEqual(['small', 'large', 'large', 'small', 'small', 'large', 'large', 'small']);
    expect(rounds).toHaveLength(8 * plan.readsPerRound);
    expect(result.pairs).toBe(4);
    // A lower bound only: every read of the large city waits 8 ms, and a busy machine adds, never takes away.
    expect(result.large).toBeGreaterThanOrEqual(8);
    expect(result.pairRatios.highest).toBeGreaterThanOrEqual(result.pairRatios.lowest);
  });

  it('reports each city by its median round, the ratio of those, and the spread of the pairs', () => {
    const result = summarizeRounds({ small: [10, 12, 30, 11], large: [11, 13, 12, 40] });
    expect(result).toEqual({
      small: 12,
      large: 13,
      ratio: 1.08,
      pairRatios: { lowest: 0.4, highest: 3.64 },
      pairs: 4,
    });
  });

  it('fails rather than timing an error answer', async () => {
    const small = await cityServer('small', [], 0);
    const broken = await cityServer('broken', [], 0, 404);
    servers.push(small, broken);
    await expect(
      alternatedP99(
        { api: { url: urlOf(small) }, slug: 'a', itemSlug: 'b' },
        { api: { url: urlOf(broken) }, slug: 'a', itemSlug: 'b' },
        plan,
      ),
    ).rejects.toThrow(/404/);
  });
});
