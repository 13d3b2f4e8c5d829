// The protocol session's state machine (http-api.md §3.8): which command each state accepts.
import type { SessionPhase } from '../store/index.ts';
import type { ProtocolCommandName } from './commands.ts';

/** What clients see in `details.currentState`. */
export type CurrentState = 'stopped' | 'loaded' | 'running' | 'paused' | 'finished' | 'error';

export function currentStateOf(phase: SessionPhase): CurrentState {
  return phase === 'loading' ? 'stopped' : phase;
}

const ALLOWED: Record<CurrentState, readonly ProtocolCommandName[]> = {
  stopped: [],
  loaded: ['protocol.startRun', 'protocol.startSimulate'],
  running: ['protocol.pause', 'protocol.cancel'],
  paused: ['protocol.resume', 'protocol.cancel'],
  finished: ['protocol.startRun', 'protocol.startSimulate'],
  error: [],
};

export function isAllowed(state: CurrentState, command: string): command is ProtocolCommandName {
  return (ALLOWED[state] as readonly string[]).includes(command);
}
