import { readFileSync } from 'node:fs';

/**
 * Resident memory of a process tree, with each mapped file's pages counted once. Summing VmRSS counts the
 * Node executable twice when the API and its image child both map it (about 39 MB of shared, clean pages):
 * here anonymous memory is summed and each file (device and inode) counts with its largest resident size in
 * any one process of the tree. A lower bound of the tree's distinct pages when two processes hold different
 * parts of one file; measured, the API and the child hold the same ones (Node's text and libraries).
 */
export function treeResidentKb(pid: number): number {
  let anonymousKb = 0;
  const fileKb = new Map<string, number>();
  for (const member of treeOf(pid)) {
    const perFile = new Map<string, number>();
    for (const mapping of mappingsOf(member)) {
      if (mapping.file === null) anonymousKb += mapping.rssKb;
      else perFile.set(mapping.file, (perFile.get(mapping.file) ?? 0) + mapping.rssKb);
    }
    for (const [file, kb] of perFile) fileKb.set(file, Math.max(fileKb.get(file) ?? 0, kb));
  }
  return anonymousKb + [...fileKb.values()].reduce((sum, kb) => sum + kb, 0);
}

/** A process and all its descendants. */
export function treeOf(pid: number): number[] {
  return [pid, ...childrenOf(pid).flatMap((child) => treeOf(child))];
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // the process has just exited
  }
}

/** Each mapping's resident size; `file` is "device inode" for a file-backed one, null for anonymous memory. */
function mappingsOf(pid: number): Array<{ file: string | null; rssKb: number }> {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/smaps`, 'utf8');
  } catch {
    return []; // the process has just exited
  }
  const mappings: Array<{ file: string | null; rssKb: number }> = [];
  let current: { file: string | null; rssKb: number } | null = null;
  for (const line of text.split('\n')) {
    const header = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ (\S+) (\d+)/.exec(line);
    if (header) {
      current = { file: header[2] === '0' ? null : `${header[1]} ${header[2]}`, rssKb: 0 };
      mappings.push(current);
    } else if (current && line.startsWith('Rss:')) current.rssKb = Number(line.replace(/\D+/g, ''));
  }
  return mappings;
}
