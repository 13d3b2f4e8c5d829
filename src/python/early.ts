// An interpreter started before the command line has loaded the rest of itself: the child boots
// from the cached snapshot (most of a later `analyze` run's time) while the parent loads its
// modules and reads the protocol, instead of after. It serves exactly one job like any other
// (the first pool that starts an interpreter with the same files takes it); until taken it does
// not keep the parent alive, so a command that never needs it ends as it would have, and the
// child, disconnected, ends itself.
import { DEFAULT_SANDBOX_LIMITS } from '../analysis/index.ts';
import type { SandboxLimits } from '../analysis/index.ts';
import { cachedSandboxFiles } from './bundle.ts';
import type { SandboxFiles } from './bundle.ts';
import { SandboxProcess } from './sandbox-process.ts';

let early: { child: SandboxProcess; files: SandboxFiles } | null = null;

/** Starts one interpreter from the user's cache, if its bundle and snapshot are there. */
export function startInterpreterEarly(): void {
  if (early !== null) return;
  const files = cachedSandboxFiles();
  if (files === null) return;
  const child = new SandboxProcess(files, DEFAULT_SANDBOX_LIMITS, { useSnapshot: true });
  child.holdParent(false);
  early = { child, files };
}

/**
 * The early interpreter, for a pool about to start one with these files from the snapshot; it is
 * given the pool's limits and keeps the parent alive from now on. Null when there is none to take.
 */
export function takeEarlyInterpreter(files: SandboxFiles, useSnapshot: boolean, limits: SandboxLimits): SandboxProcess | null {
  if (early === null || !useSnapshot || early.files.dir !== files.dir) return null;
  const { child } = early;
  early = null;
  child.useLimits(limits);
  child.holdParent(true);
  return child;
}
