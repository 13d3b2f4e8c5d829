// What a sandbox process holds besides memory, read from outside (Linux /proc): its threads and
// open files. A process is reused for another job only when these are back to what they were
// after its first start, so a job cannot leave a thread (a worker it started) or a file
// descriptor behind for the next one, whatever it did inside.
import fs from 'node:fs';

export interface ProcessFootprint {
  threads: number;
  openFiles: number;
}

/** The process's threads and open file descriptors, or null when they cannot be read. */
export function processFootprint(pid: number): ProcessFootprint | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const threads = Number(/Threads:\s+(\d+)/.exec(status)?.[1]);
    const openFiles = fs.readdirSync(`/proc/${pid}/fd`).length;
    return Number.isFinite(threads) ? { threads, openFiles } : null;
  } catch {
    return null;
  }
}

/** Whether `now` holds no more threads or open files than `baseline`. */
export function unchangedSince(baseline: ProcessFootprint, now: ProcessFootprint): boolean {
  return now.threads <= baseline.threads && now.openFiles <= baseline.openFiles;
}
