// Robot software 7.5.0's hardware errors with numbered codes (python-protocol-api 2.12–2.19,
// A.4.2): their `str()` carries the code, the name and the class before the message, and their
// details (`errorInfo` of an error occurrence, spec D.2) name the pipette and its mount.
import { pyError } from './errors.ts';
import type { ProtocolApiError } from './errors.ts';
import type { EngineState, LoadedPipette } from './state.ts';

/**
 * The details `{pipette_name, mount}`. The hardware and the legacy core name the mount by its enum
 * name (`RIGHT`); the Python API's own check of `mix` passes `InstrumentContext.mount` (`right`).
 */
function tipDetails(p: LoadedPipette, action: string): Record<string, string> {
  return { pipette_name: p.spec.name, mount: action === 'mix' ? p.mount : p.mount.toUpperCase() };
}

export function tipRemovalError(action: string, p: LoadedPipette): ProtocolApiError {
  const error = pyError('UnexpectedTipRemovalError', `Error 3005 UNEXPECTED_TIP_REMOVAL (UnexpectedTipRemovalError): Cannot perform ${action} without a tip attached.`);
  error.info = tipDetails(p, action);
  return error;
}

export function tipAttachError(action: string, p: LoadedPipette): ProtocolApiError {
  const error = pyError('UnexpectedTipAttachError', `Error 3012 UNEXPECTED_TIP_ATTACH (UnexpectedTipAttachError): Cannot perform ${action} with a tip already attached.`);
  error.info = tipDetails(p, action);
  return error;
}

/** A command without a tip: 4.7.0's error below 2.12, the coded one from it. */
export function noTip(st: EngineState, action: string, before: ProtocolApiError, p: LoadedPipette): ProtocolApiError {
  return st.has('release7') ? tipRemovalError(action, p) : before;
}
