import { readdirSync, readFileSync } from 'node:fs';

/**
 * A process and its descendants, and the memory they hold, read from /proc (Linux; elsewhere nothing
 * is found). The browser pool reads its Chromium's tree; the bench reads CPU time and memory.
 */

const TICK_MS = 1000 / 100; // USER_HZ
const PAGE_KB = 4;

export interface ProcEntry {
  pid: number;
  ppid: number;
  /** utime + stime + cutime + cstime (children the process reaped count too). */
  cpuMs: number;
  /** utime + stime: this process alone. */
  ownCpuMs: number;
  /** Start time in clock ticks since boot: with the pid, names a process even if the pid is reused. */
  startTime: number;
  rssKb: number;
  name: string;
}

function readEntry(pid: number): ProcEntry | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
    return {
      pid,
      ppid: Number(fields[1]),
      cpuMs: ticks * TICK_MS,
      ownCpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS,
      startTime: Number(fields[19]),
      rssKb: Number(fields[21]) * PAGE_KB,
      name,
    };
  } catch {
    return null; // ended while reading
  }
}

export function procAvailable(): boolean {
  return readEntry(process.pid) !== null;
}

/** `root` and every live process below it. */
export function processTree(root: number): ProcEntry[] {
  const all: ProcEntry[] = [];
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return []; // no /proc: not Linux
  }
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    const entry = readEntry(Number(name));
    if (entry) all.push(entry);
  }
  const children = new Map<number, ProcEntry[]>();
  for (const entry of all) {
    const list = children.get(entry.ppid) ?? [];
    list.push(entry);
    children.set(entry.ppid, list);
  }
  const rootEntry = all.find((e) => e.pid === root);
  if (!rootEntry) return [];
  const out: ProcEntry[] = [];
  const stack = [rootEntry];
  while (stack.length) {
    const entry = stack.pop()!;
    out.push(entry);
    stack.push(...(children.get(entry.pid) ?? []));
  }
  return out;
}

/** Proportional set size (kB) of one process: shared pages split among the processes that map them. */
function pssKb(pid: number): number | null {
  try {
    const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const m = /^Pss:\s+(\d+) kB/m.exec(text);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

export interface TreeMemory {
  /** RSS of the root process alone (the Node worker). */
  rootRssMb: number;
  /** Sum of PSS over the root and every descendant (Chromium's processes); RSS where PSS is unreadable. */
  treePssMb: number;
  /** Sum of PSS over the descendants only. */
  childrenPssMb: number;
  processes: number;
}

/** Memory of a process tree now. PSS, not RSS, for the sum: Chromium's processes share most of their pages. */
export function treeMemory(root: number): TreeMemory | null {
  const tree = processTree(root);
  const rootEntry = tree.find((e) => e.pid === root);
  if (!rootEntry) return null;
  let treeKb = 0;
  let childrenKb = 0;
  for (const entry of tree) {
    const kb = pssKb(entry.pid) ?? entry.rssKb;
    treeKb += kb;
    if (entry.pid !== root) childrenKb += kb;
  }
  return {
    rootRssMb: rootEntry.rssKb / 1024,
    treePssMb: treeKb / 1024,
    childrenPssMb: childrenKb / 1024,
    processes: tree.length,
  };
}
