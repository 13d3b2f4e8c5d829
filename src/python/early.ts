// An interpreter started before the command line has loaded the rest of itself: the child boots
// from the cached snapshot (most of a later `analyze` run's time; on a version's first run it
// boots cold and makes the snapshot) while the parent loads its
// modules and reads the protocol, instead of after. It serves exactly one job like any other
// (the first pool that starts an interpreter with the same files takes it); until taken it does
// not keep the parent alive, so a command that never needs it ends as it would have, and the
// child, disconnected, ends itself.
import { DEFAULT_SANDBOX_LIMITS } from '../analysis/index.ts';
import type { SandboxLimits } from '../analysis/index.ts';
import { cachedSandboxBundle } from './bundle.ts';
import type { SandboxFiles } from './bundle.ts';
import { SandboxProcess } from './sandbox-process.ts';

let early: { child: SandboxProcess; files: SandboxFiles; makesSnapshot: boolean } | null = null;

/**
 * Starts one interpreter from the user's cache if its bundle is there: restored from the snapshot,
 * or, on a version's first run, the one that makes the snapshot (pool.ts).
 */
export function startInterpreterEarly(): void {
  if (early !== null) return;
  const found = cachedSandboxBundle();
  if (found === null) return;
  const makesSnapshot = !found.hasSnapshot;
  const child = new SandboxProcess(found.files, DEFAULT_SANDBOX_LIMITS, makesSnapshot ? { makeSnapshot: true, useSnapshot: true } : { useSnapshot: true });
  child.holdParent(false);
  early = { child, files: found.files, makesSnapshot };
}

function take(files: SandboxFiles, makesSnapshot: boolean, limits: SandboxLimits): SandboxProcess | null {
  if (early === null || early.makesSnapshot !== makesSnapshot || early.files.dir !== files.dir) return null;
  const { child } = early;
  early = null;
  child.useLimits(limits);
  child.holdParent(true);
  return child;
}

/**
 * The early interpreter, for a pool about to start one with these files from the snapshot; it is
 * given the pool's limits and keeps the parent alive from now on. Null when there is none to take.
 */
export function takeEarlyInterpreter(files: SandboxFiles, useSnapshot: boolean, limits: SandboxLimits): SandboxProcess | null {
  return useSnapshot ? take(files, false, limits) : null;
}

/** The early snapshot maker, for a pool about to start one with these files; null when there is none. */
export function takeEarlySnapshotMaker(files: SandboxFiles, limits: SandboxLimits): SandboxProcess | null {
  return take(files, true, limits);
}
