import { existsSync, readFileSync } from 'node:fs';
import { eventually } from './eventually';

/** The processes a process started (a worker's warm builders), from /proc. */
export function childrenOf(pid: number): number[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);
}

/** Waits until none of these processes is left (or the time is up): answers the ones still alive. */
export function untilGone(pids: number[], withinMs = 15_000): Promise<number[]> {
  return eventually(
    async () => pids.filter((pid) => existsSync(`/proc/${pid}`)),
    (alive) => alive.length === 0,
    { withinMs },
  );
}
