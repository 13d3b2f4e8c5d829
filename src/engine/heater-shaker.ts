// The Heater-Shaker on an OT-2 deck (Protocol Engine, JSON v6–8, §7.7; the Python API of 4.x knows
// none): its load, and the rules it puts on every pipette move near it — nothing next to it while
// it shakes, its latch closed before moving onto it or beside it, and an 8-channel pipette kept
// from the slots beside it (and from plates in front or behind).
import { pyError } from './errors.ts';
import { sideOf } from './deck-conflict.ts';
import { placeModule } from './modules.ts';
import type { LabwareState } from './labware.ts';
import type { EngineState, LoadedPipette } from './state.ts';
import { TIMING } from './timing.ts';
import type { ModuleInfo } from './types.ts';

const HS = 'heaterShakerModuleType';

export { sideOf };

/** Loads a Heater-Shaker into a slot the caller has checked; its labware sits on its plate. */
export function loadHeaterShaker(st: EngineState, slot: string): ModuleInfo {
  const spec = st.defs.module('heaterShakerModuleV1', false);
  if (spec === null) throw pyError('PythonException', 'KeyError: heaterShakerModuleV1');
  // In slots 3, 6 and 9 the module is turned round: its labware offset is mirrored in x and y.
  const turned = spec.slotXTransform[slot] !== undefined;
  const off = turned ? { x: -spec.labwareOffset.x, y: -spec.labwareOffset.y, z: spec.labwareOffset.z } : { ...spec.labwareOffset };
  return placeModule(st, spec, slot, { contextClass: 'HeaterShakerContext', labwareOffset: off, configuration: null, temperature: TIMING.ambientC, lid: 'open' });
}

/** The engine's rules for a pipette moving to a labware near a Heater-Shaker (OT-2). */
export function checkHeaterShakerMove(st: EngineState, lw: LabwareState, pipette: LoadedPipette | undefined): void {
  for (const m of st.modules.values()) {
    if (m.spec.type !== HS) continue;
    const side = sideOf(m.slot, lw.slot);
    if (side === null) continue;
    const fail = (detail: string) => pyError('PipetteMovementRestrictedByHeaterShakerError', detail);
    if (m.shakeRpm !== null) throw fail('Cannot move pipette to Heater-Shaker or adjacent slot while module is shaking');
    if (m.latch !== 'closed' && side === 'on') {
      throw fail(`Cannot move pipette to Heater-Shaker while labware latch ${m.latch === 'open' ? 'is open' : 'has not been closed'}.`);
    }
    if (m.latch !== 'closed' && side === 'eastWest') {
      // Two spaces after "latch", as the original writes it.
      throw fail(`Cannot move pipette to left or right of Heater-Shaker while labware latch  ${m.latch === 'open' ? 'is open' : 'has not been closed'}.`);
    }
    const multi = (pipette?.spec.channels ?? 1) > 1;
    if (multi && side === 'eastWest') throw fail('Cannot move 8-Channel pipette to slot adjacent to the left or right of Heater-Shaker');
    if (multi && side === 'northSouth' && !lw.isTiprack) {
      throw fail('Cannot move 8-Channel pipette to non-tip-rack labware directly in front of or behind a Heater-Shaker');
    }
  }
}

