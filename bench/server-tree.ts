// A `labwright serve` process seen from outside (Linux /proc), for the benches: its sandbox
// children, their resident memory, and a wait until the whole tree is idle (the pool has its
// interpreters ready and nothing else runs) instead of a fixed pause.
import { readdirSync, readFileSync } from 'node:fs';

function read(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces): [0] is the state. */
function statFields(pid: number): string[] | null {
  const stat = read(`/proc/${pid}/stat`);
  return stat === null ? null : stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** Every process below `pid` (children, their children, ...). */
export function descendants(pid: number): number[] {
  const childrenOf = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const fields = statFields(Number(name));
    if (fields === null) continue;
    const parent = Number(fields[1]);
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), Number(name)]);
  }
  const out: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of childrenOf.get(queue.shift()!) ?? []) {
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

/** The sandbox children of a server (node under the permission model, src/python/sandbox-process.ts). */
export function sandboxChildren(serverPid: number): number[] {
  return descendants(serverPid).filter((pid) => (read(`/proc/${pid}/cmdline`) ?? '').split('\0').includes('--experimental-permission'));
}

/** Resident memory in MiB (VmRSS), or null when the process is gone. */
export function residentMiB(pid: number): number | null {
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(read(`/proc/${pid}/status`) ?? '');
  return match ? Number(match[1]) / 1024 : null;
}

/**
 * A process's memory in MiB: resident (VmRSS), its proportional share (PSS: pages shared with
 * other processes, such as node's own code, divided among them) and what is its own (private
 * pages: what the machine gives back when it ends). Null when the process is gone.
 */
export interface ProcessMemory {
  residentMiB: number;
  proportionalMiB: number;
  privateMiB: number;
}
export function processMemory(pid: number | undefined): ProcessMemory | null {
  if (pid === undefined) return null;
  const rollup = read(`/proc/${pid}/smaps_rollup`);
  if (rollup === null) return null;
  const kib = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? NaN);
  return {
    residentMiB: kib('Rss') / 1024,
    proportionalMiB: kib('Pss') / 1024,
    privateMiB: (kib('Private_Clean') + kib('Private_Dirty')) / 1024,
  };
}

/** "129 MiB resident (PSS 97, private 88)". */
export function memoryText(memory: ProcessMemory | null): string {
  if (memory === null) return 'gone';
  return `${memory.residentMiB.toFixed(0)} MiB resident (PSS ${memory.proportionalMiB.toFixed(0)}, private ${memory.privateMiB.toFixed(0)})`;
}

// Linux reports process times in USER_HZ, which is 100 on every architecture Node supports.
const TICK_MS = 10;

/**
 * CPU time (user + system) of a process and everything below it, in ms: each live process's own
 * and that of its children which ended (a sandbox process stopped after its job counts still).
 */
export function treeCpuMs(pid: number): number {
  let ticks = 0;
  for (const p of [pid, ...descendants(pid)]) {
    const fields = statFields(p);
    if (fields !== null) ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  }
  return ticks * TICK_MS;
}

/**
 * Resolves once the tree used under 5 % of one core over `quietMs` (interpreters started or
 * prepared, nothing left running), or after `timeoutMs` whatever it does. Answers the ms waited.
 */
export async function untilIdle(pid: number, quietMs = 400, timeoutMs = 30_000): Promise<number> {
  const started = performance.now();
  let before = treeCpuMs(pid);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const now = treeCpuMs(pid);
    if (now - before <= quietMs * 0.05 || performance.now() - started > timeoutMs) return performance.now() - started;
    before = now;
  }
}
