// The protocol session's lifecycle (http-api.md §3.8) as explicit states, and every transition
// between them. What used to be a phase plus side flags (a simulation in progress, a cancel in
// progress, the active run, the errors) is one value: a state that holds a run cannot exist
// without one, and a cancel in progress cannot be mistaken for a plain run.
import type { ProtocolErrorInfo } from '../analysis/index.ts';
import type { SessionPhase } from '../store/index.ts';
import type { ProtocolCommandName } from './commands.ts';
import type { ActiveRun } from './run.ts';

/** What clients see in `details.currentState`. */
export type CurrentState = 'stopped' | 'loaded' | 'running' | 'paused' | 'finished' | 'error';

/** The state a re-simulation (startSimulate) started from; clients keep seeing it meanwhile. */
export type SimulatedFrom = 'loaded' | 'finished';

export type SessionState =
  /** The load simulation at creation (shown `stopped`, the original's placeholder; stored as itself). */
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded' }
  /** startSimulate: a simulation in progress, shown (and stored) as the state it started from. */
  | { readonly kind: 'simulating'; readonly from: SimulatedFrom }
  | { readonly kind: 'running'; readonly run: ActiveRun }
  | { readonly kind: 'paused'; readonly run: ActiveRun }
  /** A cancel is winding the run down, shown (and stored) as the state it was cancelled in. */
  | { readonly kind: 'cancelling'; readonly run: ActiveRun; readonly from: 'running' | 'paused' }
  /** A run the server's restart cut off, shown as it was until `restore` stops it (at once). */
  | { readonly kind: 'interrupted'; readonly from: 'running' | 'paused' }
  | { readonly kind: 'finished' }
  | { readonly kind: 'stopped' }
  | { readonly kind: 'error'; readonly errors: readonly ProtocolErrorInfo[] | null };

/** The state a stored session comes back in (`restore` then decides what a cut-off one becomes). */
export function stateFromStored(phase: SessionPhase, errors: readonly ProtocolErrorInfo[] | null): SessionState {
  switch (phase) {
    case 'loading':
    case 'loaded':
    case 'finished':
    case 'stopped':
      return { kind: phase };
    case 'error':
      return { kind: 'error', errors };
    case 'running':
    case 'paused':
      return { kind: 'interrupted', from: phase };
  }
}

/** What clients see. */
export function currentStateOf(state: SessionState): CurrentState {
  switch (state.kind) {
    case 'loading':
      return 'stopped';
    case 'simulating':
    case 'cancelling':
    case 'interrupted':
      return state.from;
    default:
      return state.kind;
  }
}

/** What the store keeps: what clients see, except that a load keeps its own name (it is redone after a restart). */
export function phaseOf(state: SessionState): SessionPhase {
  return state.kind === 'loading' ? 'loading' : currentStateOf(state);
}

/** The run a state holds, if any. */
export function runOf(state: SessionState): ActiveRun | null {
  return state.kind === 'running' || state.kind === 'paused' || state.kind === 'cancelling' ? state.run : null;
}

/** Errors to report, in `error` only. */
export function errorsOf(state: SessionState): readonly ProtocolErrorInfo[] | null {
  return state.kind === 'error' ? state.errors : null;
}

const ALLOWED: Record<CurrentState, readonly ProtocolCommandName[]> = {
  stopped: [],
  loaded: ['protocol.startRun', 'protocol.startSimulate'],
  running: ['protocol.pause', 'protocol.cancel'],
  paused: ['protocol.resume', 'protocol.cancel'],
  finished: ['protocol.startRun', 'protocol.startSimulate'],
  error: [],
};

/**
 * Whether the session accepts `command` now. The table is the original's, by what clients see; a
 * simulation or a cancel in progress accepts nothing (both show a state whose commands would
 * start or stop work that is already being started or stopped).
 */
export function accepts(state: SessionState, command: string): command is ProtocolCommandName {
  if (state.kind === 'simulating' || state.kind === 'cancelling' || state.kind === 'interrupted') return false;
  return (ALLOWED[currentStateOf(state)] as readonly string[]).includes(command);
}

// ---- Transitions: each takes the state it applies to and returns the next one. ----------------

/** startRun: a new run begins. */
export const startRun = (run: ActiveRun): SessionState => ({ kind: 'running', run });

/** startSimulate from `loaded` or `finished`. */
export const startSimulation = (from: SimulatedFrom): SessionState => ({ kind: 'simulating', from });

/** A client's pause, the protocol's own pause(), or the door: the run holds (a no-op when there is none). */
export function pause(state: SessionState): SessionState {
  return state.kind === 'running' ? { kind: 'paused', run: state.run } : state;
}

/** resume: the run continues. */
export function resume(state: SessionState): SessionState {
  return state.kind === 'paused' ? { kind: 'running', run: state.run } : state;
}

/** cancel: the run is being wound down; the state clients see stays until it is `stopped`. */
export function cancel(state: SessionState): SessionState {
  return state.kind === 'running' || state.kind === 'paused' ? { kind: 'cancelling', run: state.run, from: state.kind } : state;
}

/** A simulation (load or startSimulate) ended well. */
export const simulated = (): SessionState => ({ kind: 'loaded' });

/** The protocol ran to its end. */
export const finished = (): SessionState => ({ kind: 'finished' });

/** A cancel wound the run down, or a restart cut it off. */
export const stopped = (): SessionState => ({ kind: 'stopped' });

/** The protocol (or its simulation, or the robot around it) failed. */
export const failed = (errors: readonly ProtocolErrorInfo[]): SessionState => ({ kind: 'error', errors });
