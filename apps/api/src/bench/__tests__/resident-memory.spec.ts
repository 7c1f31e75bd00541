import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { treeOf, treeResidentKb } from '../resident-memory';

const rssKb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);

/** The memory figure the media bench holds against its goal: a process tree, shared files once. */
describe('resident memory of a process tree', () => {
  let child: ChildProcess;
  beforeAll(async () => {
    // A second Node: it maps the same executable as this one.
    child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    await new Promise((resolve) => child.once('spawn', resolve));
    while (rssKb(child.pid!) < 20_000) await new Promise((resolve) => setTimeout(resolve, 20));
  });
  afterAll(() => child.kill());

  it('finds the child, and counts the executable both map once', () => {
    expect(treeOf(process.pid)).toContain(child.pid);
    const summed = treeOf(process.pid).reduce((sum, pid) => sum + rssKb(pid), 0);
    const resident = treeResidentKb(process.pid);
    expect(resident).toBeGreaterThan(Math.max(rssKb(process.pid), rssKb(child.pid!)));
    // Node's executable alone is tens of megabytes of shared pages.
    expect(summed - resident).toBeGreaterThan(10_000);
  });
});
