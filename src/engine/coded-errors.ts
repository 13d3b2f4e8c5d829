// Robot software 7.5.0's hardware errors with numbered codes (python-protocol-api 2.12–2.19,
// A.4.2): their `str()` carries the code, the name and the class before the message.
import { pyError } from './errors.ts';
import type { ProtocolApiError } from './errors.ts';
import type { EngineState } from './state.ts';

export function tipRemovalError(action: string): ProtocolApiError {
  return pyError('UnexpectedTipRemovalError', `Error 3005 UNEXPECTED_TIP_REMOVAL (UnexpectedTipRemovalError): Cannot perform ${action} without a tip attached.`);
}

export function tipAttachError(action: string): ProtocolApiError {
  return pyError('UnexpectedTipAttachError', `Error 3012 UNEXPECTED_TIP_ATTACH (UnexpectedTipAttachError): Cannot perform ${action} with a tip already attached.`);
}

/** A command without a tip: 4.7.0's error below 2.12, the coded one from it. */
export function noTip(st: EngineState, action: string, before: ProtocolApiError): ProtocolApiError {
  return st.has('release7') ? tipRemovalError(action) : before;
}
