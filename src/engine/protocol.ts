// Protocol-level commands that only log and spend time: comment, pause/resume, delay.
import { recordAction } from './actions.ts';
import { delayParts, delayTotalSeconds, pyFloat, pyInt } from './pyfloat.ts';
import type { EngineState } from './state.ts';
import { applyUpdate } from './stores/index.ts';

/** `ctx.comment(msg)`; `msg` is the already-formatted text (the caller applies Python's `str.format`). */
export function comment(st: EngineState, msg: string): void {
  st.log.before('command.COMMENT', msg);
  st.log.after();
}

/** The pause's run-log text (before the protocol's own `str.format` of the message, see below). */
export function pauseText(msg: string | null): string {
  return msg ? `Pausing robot operation: ${msg}` : 'Pausing robot operation';
}

export function pause(st: EngineState, msg: string | null = null): void {
  st.log.before('command.PAUSE', pauseText(msg));
  applyUpdate(st, { type: 'run/pausedSet', paused: true });
  st.log.after();
}

export function resume(st: EngineState): void {
  st.log.before('command.RESUME', 'Resuming robot operation');
  st.refuseRemoved('ProtocolContext.resume');
  applyUpdate(st, { type: 'run/pausedSet', paused: false });
  st.log.after();
}

/** The delay's run-log text (before the protocol's own `str.format` of the message, see below). */
export function delayText(seconds: number, minutes: number, msg: string | null): string {
  const { m, s } = delayParts(seconds, minutes);
  const text = `Delaying for ${pyInt(m)} minutes and ${pyFloat(s)} seconds`;
  return msg ? `${text}. ${msg}` : text;
}

/**
 * What the original's run log formats a pause or delay text with (`text.format(**payload)`, which
 * is how a message's braces are read): the text before formatting and, for a delay,
 * `divmod(timedelta(...).total_seconds(), 60)` as floats. Callers that format messages themselves
 * (Python's own `str.format`) ask for it; the commands then take the formatted message.
 */
export function delayPayload(seconds: number, minutes: number, msg: string | null): { text: string; minutes: number; seconds: number } {
  const total = delayTotalSeconds(seconds, minutes);
  // Python's float divmod: fmod, then the remainder takes the divisor's sign.
  let remainder = total % 60;
  if (remainder < 0) remainder += 60;
  return { text: delayText(seconds, minutes, msg), minutes: (total - remainder) / 60, seconds: remainder };
}

export function pausePayload(msg: string | null): { text: string; userMessage: string | null } {
  return { text: pauseText(msg), userMessage: msg };
}

export function delay(st: EngineState, seconds = 0, minutes = 0, msg: string | null = null): void {
  st.log.before('command.DELAY', delayText(seconds, minutes, msg));
  const total = seconds + minutes * 60;
  st.log.advance(total);
  if (st.actions !== null) recordAction(st, { kind: 'delay', seconds: total });
  st.log.after();
}
