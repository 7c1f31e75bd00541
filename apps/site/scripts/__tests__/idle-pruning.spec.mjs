import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IdlePruning } from '../idle-pruning.mjs';

/** Waits until `condition()` holds (polling), or fails after `ms`. */
async function until(condition, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('deleting old builds when the builder is idle', () => {
  let folder;
  const pruned = [];
  const siteWith = async (name, builds) => {
    const tenantDir = path.join(folder, name);
    for (let index = 0; index < builds; index++)
      await mkdir(path.join(tenantDir, 'builds', String(index)), { recursive: true });
    return tenantDir;
  };
  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'laman-pruning-'));
    pruned.length = 0;
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('waits while any build runs, then deletes each waiting site once', async () => {
    const pruning = new IdlePruning(async (dir) => void pruned.push(dir), 10, 30);
    const [a, b] = [await siteWith('a', 4), await siteWith('b', 4)];
    pruning.started();
    pruning.started();
    await pruning.finished(a);
    // Well past the idle time, the other build still runs: nothing is deleted.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(pruned).toEqual([]);
    await pruning.finished(b);
    await until(() => pruned.length === 2);
    expect(pruned.sort()).toEqual([a, b]);
    pruning.started();
    await pruning.finished(a);
    await until(() => pruned.length === 3);
    expect(pruned[2]).toBe(a);
  });

  it('deletes at once when a site has more builds than it may keep, busy or not', async () => {
    const pruning = new IdlePruning(async (dir) => void pruned.push(dir), 5, 60_000);
    const crowded = await siteWith('ramai', 6);
    pruning.started();
    pruning.started();
    await pruning.finished(crowded);
    expect(pruned).toEqual([crowded]);
    pruning.started();
    await pruning.finished(await siteWith('sepi', 2));
    pruning.started();
    await pruning.finished(await siteWith('sepi2', 2));
    expect(pruned).toEqual([crowded]);
  });
});
