import { Type } from '@sinclair/typebox';
import { thermocyclerExecuteProfile } from '../../thermocycler.ts';
import type { ProfileStep } from '../../types.ts';
import { defineCommand } from '../command.ts';
import { Id, Maybe, plain, PyNumber } from '../params.ts';

const Step = Type.Record(Type.String(), PyNumber);

/**
 * `execute_profile(steps, repetitions)`. `stepsText` is Python's repr of the steps as the protocol
 * wrote them (the run log quotes it); without it the engine writes its own.
 */
export const runProfile = defineCommand({
  commandType: 'thermocycler/runProfile',
  params: Type.Object({ moduleId: Id, profile: Type.Array(Step), repetitions: PyNumber, stepsText: Maybe(Type.String()) }),
  execute(params, { state }) {
    const steps = params.profile.map((step) => {
      const out: Record<string, number> = {};
      for (const [key, value] of Object.entries(step)) out[key] = plain(value) as number;
      return out as ProfileStep;
    });
    thermocyclerExecuteProfile(state, params.moduleId, steps, params.repetitions, params.stepsText ?? null);
  },
});
