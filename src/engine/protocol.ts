// Protocol-level commands that only log and spend time: comment, pause/resume, delay.
import { delayParts, pyFloat, pyInt } from './pyfloat.ts';
import type { EngineState } from './state.ts';

/** `ctx.comment(msg)`; `msg` is the already-formatted text (the caller applies Python's `str.format`). */
export function comment(st: EngineState, msg: string): void {
  st.log.before('command.COMMENT', msg);
  st.log.after();
}

export function pause(st: EngineState, msg: string | null = null): void {
  st.log.before('command.PAUSE', msg ? `Pausing robot operation: ${msg}` : 'Pausing robot operation');
  st.paused = true;
  st.log.after();
}

export function resume(st: EngineState): void {
  st.log.before('command.RESUME', 'Resuming robot operation');
  st.paused = false;
  st.log.after();
}

export function delay(st: EngineState, seconds = 0, minutes = 0, msg: string | null = null): void {
  const { m, s } = delayParts(seconds, minutes);
  let text = `Delaying for ${pyInt(m)} minutes and ${pyFloat(s)} seconds`;
  if (msg) text += `. ${msg}`;
  st.log.before('command.DELAY', text);
  st.log.advance(seconds + minutes * 60);
  st.log.after();
}
