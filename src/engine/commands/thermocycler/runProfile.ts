import { Type } from '@sinclair/typebox';
import { engineTcRunProfile } from '../../engine-thermocycler.ts';
import { thermocyclerExecuteProfile } from '../../thermocycler.ts';
import type { ProfileStep } from '../../types.ts';
import { defineCommand } from '../command.ts';
import { Id, Maybe, plain, PyNumber } from '../params.ts';

const Step = Type.Record(Type.String(), PyNumber);

/**
 * `execute_profile(steps, repetitions)`. `stepsText` is Python's repr of the steps as the protocol
 * wrote them (the run log quotes it); without it the engine writes its own. Under the Protocol
 * Engine's rules (JSON v6–8) the steps are `{celsius, holdSeconds}`, run once.
 */
export const runProfile = defineCommand({
  commandType: 'thermocycler/runProfile',
  params: Type.Object({
    moduleId: Id,
    profile: Type.Array(Step),
    repetitions: Maybe(PyNumber),
    stepsText: Maybe(Type.String()),
    blockMaxVolumeUl: Maybe(PyNumber),
  }),
  execute(params, { state }) {
    if (state.protocolEngine) {
      const profile = params.profile.map((step) => ({ celsius: plain(step.celsius) ?? 0, holdSeconds: plain(step.holdSeconds) ?? 0 }));
      return engineTcRunProfile(state, params.moduleId, profile, plain(params.blockMaxVolumeUl));
    }
    const steps = params.profile.map((step) => {
      const out: Record<string, number> = {};
      for (const [key, value] of Object.entries(step)) out[key] = plain(value) as number;
      return out as ProfileStep;
    });
    thermocyclerExecuteProfile(state, params.moduleId, steps, params.repetitions ?? 1, params.stepsText ?? null);
  },
});
