import { Type } from '@sinclair/typebox';
import { setFlowRate as setRates } from '../../instruments.ts';
import { defineCommand } from '../command.ts';
import { Id, Maybe, plain, PyNumber } from '../params.ts';

const Rates = { aspirate: Maybe(PyNumber), dispense: Maybe(PyNumber), blowOut: Maybe(PyNumber) };

function given(rates: { aspirate?: unknown; dispense?: unknown; blowOut?: unknown }): { aspirate?: number; dispense?: number; blowOut?: number } {
  const out: { aspirate?: number; dispense?: number; blowOut?: number } = {};
  for (const key of ['aspirate', 'dispense', 'blowOut'] as const) {
    const value = plain(rates[key] as Parameters<typeof plain>[0]);
    if (value !== null) out[key] = value;
  }
  return out;
}

/** `pipette.flow_rate.aspirate = x` (and dispense, blow_out), µL/s. */
export const setFlowRate = defineCommand({
  commandType: 'labwright/setFlowRate',
  params: Type.Object({ pipetteId: Id, ...Rates }),
  execute: (params, { state }) => setRates(state, params.pipetteId, given(params)),
});

export { given as givenRates, Rates };
