// Ids the engine gives loaded items when the protocol names none: `<kind>-<n>`, one counter per run.
import type { EngineState } from './state.ts';
import { applyUpdate } from './stores/index.ts';

export function issueId(state: EngineState, prefix: string): string {
  const id = `${prefix}-${state.nextId}`;
  applyUpdate(state, { type: 'run/idIssued' });
  return id;
}
