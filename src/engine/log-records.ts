// Records robot software 7.5.0 writes to its `opentrons` logger, which `opentrons_simulate` prints
// under the run-log entries (spec A.2.4; the run log attaches them, runlog.ts). Levels 2.0–2.11
// keep 4.7.0's output, so records exist only from 2.12 (`release7`).
import { REMOVED } from './removals.ts';
import type { EngineState } from './state.ts';

/** A warning of the module (the Python file) that logs it. */
export function logWarning(st: EngineState, module: string, message: string): void {
  if (st.has('release7')) st.log.record({ level: 'WARNING', module, message });
}

/** The deprecation lines of members that still work (spec A.4.5), by member. */
const DEPRECATIONS = {
  'Well.has_tip.setter': {
    module: 'labware',
    message:
      'Setting the `Well.has_tip` property manually has been deprecated and will raise an error in a future version of the Python Protocol API.',
  },
  'Labware.separate_calibration': {
    module: 'labware',
    message: 'Labware.separate_calibrations is a deprecated internal property. It no longer has meaning, but will always return `False`',
  },
  'ModuleContext.load_labware_object': {
    module: 'module_contexts',
    // The same words as its refusal from 2.14.
    message: REMOVED['ModuleContext.load_labware_object'].text,
  },
  'ProtocolContext._hw_manager': {
    module: 'protocol_context',
    message: 'This function will be deprecated in later versions.Please use with caution.',
  },
} as const;

export type DeprecatedMember = keyof typeof DEPRECATIONS;
export const DEPRECATED_MEMBERS = Object.keys(DEPRECATIONS) as DeprecatedMember[];

/** Logs a deprecated member's line (before its refusal, where a level refuses it). */
export function warnDeprecated(st: EngineState, member: DeprecatedMember): void {
  const { module, message } = DEPRECATIONS[member];
  logWarning(st, module, message);
}

/** The Protocol Engine's line for a failed command (apiLevel ≥ 2.14, spec A.2.5). */
export function logCommandFailed(st: EngineState, commandId: string): void {
  logWarning(st, 'command_executor', `Execution of ${commandId} failed`);
}
