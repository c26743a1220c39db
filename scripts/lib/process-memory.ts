/**
 * Samples the resident memory of a process and all its descendants (Astro's build spawns
 * Pagefind's binary, for example) from /proc, and keeps the largest total. Linux only; elsewhere
 * it reports 0. Node only.
 */
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_SIZE = 4096;

/** Parent pid of every process, from /proc/<pid>/stat (the command name may contain spaces and parentheses). */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      out.set(Number(name), ppid);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return out;
}

/** Bytes resident in `root` and its descendants right now. */
export function treeRss(root: number): number {
  const byParent = new Map<number, number[]>();
  for (const [pid, ppid] of parents()) byParent.set(ppid, [...(byParent.get(ppid) ?? []), pid]);
  let total = 0;
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift() as number;
    try {
      const resident = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
      total += resident * PAGE_SIZE;
    } catch {
      // Gone already.
    }
    queue.push(...(byParent.get(pid) ?? []));
  }
  return total;
}

/** Samples `root`'s tree every `intervalMs` until `stop()`, which returns the peak in bytes. */
export function sampleTreeRss(root: number, intervalMs = 100): { stop(): number } {
  let peak = 0;
  const supported = process.platform === 'linux' && root > 0;
  const sample = () => {
    if (supported) peak = Math.max(peak, treeRss(root));
  };
  const timer = setInterval(sample, intervalMs);
  sample();
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}
