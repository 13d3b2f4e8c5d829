// What a sandbox process holds, read from outside (Linux /proc): its threads, open files and
// resident memory. A process is reused for another job only when these are back to what they were
// after its first start, so a job cannot leave a thread (a worker it started) or a file
// descriptor behind for the next one, whatever it did inside; memory may vary a little between
// interpreters, so it only may not have grown by half.
import fs from 'node:fs';

export interface ProcessFootprint {
  threads: number;
  openFiles: number;
  residentBytes: number;
}

/** The process's threads and open file descriptors, or null when they cannot be read. */
export function processFootprint(pid: number): ProcessFootprint | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const threads = Number(/Threads:\s+(\d+)/.exec(status)?.[1]);
    const residentBytes = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1]) * 1024;
    const openFiles = fs.readdirSync(`/proc/${pid}/fd`).length;
    return Number.isFinite(threads) && Number.isFinite(residentBytes) ? { threads, openFiles, residentBytes } : null;
  } catch {
    return null;
  }
}

/** Whether `now` holds no more threads or open files than `baseline`, and not half as much memory again. */
export function unchangedSince(baseline: ProcessFootprint, now: ProcessFootprint): boolean {
  return now.threads <= baseline.threads && now.openFiles <= baseline.openFiles && now.residentBytes <= baseline.residentBytes * 1.5;
}
