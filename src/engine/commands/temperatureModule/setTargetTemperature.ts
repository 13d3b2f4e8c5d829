import { Type } from '@sinclair/typebox';
import { temperatureSetTemperature } from '../../modules.ts';
import { temperatureTarget } from '../../engine-errors.ts';
import { engineModuleOfType } from '../../protocol-engine.ts';
import { defineCommand } from '../command.ts';
import { Id, plain, PyNumber } from '../params.ts';

/**
 * `set_temperature` (waits) and `start_set_temperature` (`wait: false`), each with its own text.
 * Under the Protocol Engine's rules (JSON v6–8) it does not wait, the target is rounded to an
 * integer and checked against the module's range, and the result is that target.
 */
export const setTargetTemperature = defineCommand({
  commandType: 'temperatureModule/setTargetTemperature',
  params: Type.Object({ moduleId: Id, celsius: PyNumber, wait: Type.Optional(Type.Boolean()) }),
  execute(params, { state }) {
    const celsius = plain(params.celsius) ?? 0;
    if (!state.protocolEngine) return temperatureSetTemperature(state, params.moduleId, celsius, params.wait !== false);
    engineModuleOfType(state, params.moduleId, 'temperatureModuleType');
    const target = temperatureTarget(celsius);
    temperatureSetTemperature(state, params.moduleId, target, false);
    return { targetTemperature: target };
  },
});
