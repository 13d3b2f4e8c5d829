import { Type } from '@sinclair/typebox';
import { magneticEngage } from '../../modules.ts';
import { engineModuleOfType } from '../../protocol-engine.ts';
import { defineCommand } from '../command.ts';
import { Id, Maybe, plain, PyNumber } from '../params.ts';

/**
 * `mag.engage(height, offset, height_from_base)`: at most one of them decides the height. Under
 * the Protocol Engine's rules (JSON v6–8) `height` is measured from the labware's base.
 */
export const engage = defineCommand({
  commandType: 'magneticModule/engage',
  params: Type.Object({ moduleId: Id, height: Maybe(PyNumber), offset: Maybe(PyNumber), heightFromBase: Maybe(PyNumber) }),
  execute(params, { state }) {
    if (state.protocolEngine) {
      engineModuleOfType(state, params.moduleId, 'magneticModuleType');
      return magneticEngage(state, params.moduleId, { heightFromBase: plain(params.height) });
    }
    return magneticEngage(state, params.moduleId, {
      height: plain(params.height),
      offset: plain(params.offset),
      heightFromBase: plain(params.heightFromBase),
    });
  },
});
