import { execFileSync } from 'node:child_process';
import { coresOfList, cpuSplit } from '../cpu-split';

describe('the bench’s split of cores between serving and the scheduler', () => {
  it('reads the kernel’s CPU lists', () => {
    expect(coresOfList('0-3,6\n')).toEqual([0, 1, 2, 3, 6]);
    expect(coresOfList('1')).toEqual([1]);
  });

  it('gives the scheduler the last core and serving the others, and nothing on one core', () => {
    expect(cpuSplit([0, 1])).toEqual({ serving: '0', scheduler: '1' });
    expect(cpuSplit([2, 3, 5])).toEqual({ serving: '2,3', scheduler: '5' });
    expect(cpuSplit([0])).toBeNull();
  });

  it('holds a process started through taskset to the scheduler’s core', () => {
    const split = cpuSplit();
    // This machine has two cores or more (the brief's CI has two).
    expect(split).not.toBeNull();
    const allowed = execFileSync('taskset', [
      '-c',
      split!.scheduler,
      process.execPath,
      '-e',
      `process.stdout.write(require('node:fs').readFileSync('/proc/self/status', 'utf8').match(/Cpus_allowed_list:\\s*(\\S+)/)[1])`,
    ]).toString();
    expect(coresOfList(allowed)).toEqual([Number(split!.scheduler)]);
  });
});
