// The shape of a store: one function per update type of its concern.
import type { EngineState } from '../state.ts';

export type UpdateHandlers<U extends { type: string }> = {
  readonly [K in U['type']]: (state: EngineState, update: Extract<U, { type: K }>) => void;
};
