import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { treeOf, treeResidentKb } from '../resident-memory';

const rssKb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);

/** The memory figure the media bench holds against its goal: a process tree, shared files once. */
describe('resident memory of a process tree', () => {
  let parent: ChildProcess;
  beforeAll(async () => {
    // Two idle Node processes, one started by the other (as the API starts its image child): both map the same
    // executable, and neither's memory moves while it is measured.
    parent = spawn(
      process.execPath,
      [
        '-e',
        `require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
         setInterval(() => {}, 1000);`,
      ],
      { stdio: 'ignore' },
    );
    const deadline = Date.now() + 30_000;
    while (treeOf(parent.pid!).length < 2 || treeOf(parent.pid!).some((pid) => rssKb(pid) < 20_000)) {
      if (Date.now() > deadline) throw new Error('the two processes did not start');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  afterAll(() => {
    for (const pid of treeOf(parent.pid!).reverse()) process.kill(pid);
  });

  it('finds the child, and counts the executable both map once', () => {
    const [first, second] = treeOf(parent.pid!);
    expect(second).toBeGreaterThan(0);
    const summed = rssKb(first!) + rssKb(second!);
    const resident = treeResidentKb(parent.pid!);
    expect(resident).toBeGreaterThan(Math.max(rssKb(first!), rssKb(second!)));
    // Node's executable alone is tens of megabytes of shared pages.
    expect(summed - resident).toBeGreaterThan(10_000);
  });
});
