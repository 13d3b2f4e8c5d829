import { Type } from '@sinclair/typebox';
import { temperatureAwait, waitUntil } from '../../modules.ts';
import { engineError, engineModuleOfType } from '../../protocol-engine.ts';
import { defineCommand } from '../command.ts';
import { Id, Maybe, plain, PyNumber } from '../params.ts';

/**
 * `await_temperature(celsius)`. Under the Protocol Engine's rules (JSON v6–8) `celsius` may be
 * left out: it waits for the target set before, and there must be one.
 */
export const waitForTemperature = defineCommand({
  commandType: 'temperatureModule/waitForTemperature',
  params: Type.Object({ moduleId: Id, celsius: Maybe(PyNumber) }),
  execute(params, { state }) {
    if (!state.protocolEngine) return temperatureAwait(state, params.moduleId, plain(params.celsius) ?? 0);
    const m = engineModuleOfType(state, params.moduleId, 'temperatureModuleType');
    if (m.target === null) throw engineError('NoTargetTemperatureSetError', `Module ${m.id} does not have a target temperature set.`);
    waitUntil(state, m, m.reachAt);
  },
});
