import { existsSync, readFileSync } from 'node:fs';

/** Which cores serve citizens and which one runs the periodic work, as `taskset -c` lists. */
export interface CpuSplit {
  serving: string;
  scheduler: string;
}

/** The cores of a kernel CPU list such as `0-3,6`. */
export function coresOfList(list: string): number[] {
  return list
    .trim()
    .split(',')
    .filter(Boolean)
    .flatMap((range) => {
      const [first, last = first] = range.split('-').map(Number) as [number, number?];
      return Array.from({ length: last! - first + 1 }, (_, index) => first + index);
    });
}

/** The cores this process may run on, from the kernel's view of it (a container's cpuset included). */
function allowedCores(): number[] {
  const line = readFileSync('/proc/self/status', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('Cpus_allowed_list:'));
  return line ? coresOfList(line.slice('Cpus_allowed_list:'.length)) : [];
}

/**
 * In production the scheduler runs in a pod of its own (deploy/kubernetes/scheduler.yaml), so its passes never
 * take a core from an API replica. On one machine the bench gives it the last core and the API replicas the
 * others. Null where that cannot be done (one core, or no `taskset`): everything then shares every core.
 */
export function cpuSplit(cores = existsSync('/proc/self/status') ? allowedCores() : []): CpuSplit | null {
  if (cores.length < 2 || !existsSync('/usr/bin/taskset')) return null;
  return { serving: cores.slice(0, -1).join(','), scheduler: String(cores.at(-1)) };
}
