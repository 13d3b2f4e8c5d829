// The rules a Heater-Shaker puts on every pipette move near it (Protocol Engine, JSON v6–8, §7.7;
// the Python API from 2.12): nothing next to it while it shakes, its latch closed before moving
// onto it or beside it, and an 8-channel pipette kept from the slots beside it (and from plates in
// front or behind) — in the Protocol Engine's words and in the Python API's legacy core's (2.13).
// Its load is `loadHeaterShaker` (modules.ts).
import { pyError } from './errors.ts';
import { sideOf } from './deck-conflict.ts';
import type { LabwareState } from './labware.ts';
import type { EngineState, LoadedPipette, ResolvedLocation } from './state.ts';

const HS = 'heaterShakerModuleType';

export { sideOf };

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

/** The slot a move goes to, as the legacy core finds it (`first_parent`), or null (a bare point). */
function destinationSlot(st: EngineState, to: ResolvedLocation): string | null {
  if (to.lw !== null) return to.lw.slot;
  if (to.ref.kind === 'slot') return to.ref.slot;
  if (to.ref.kind === 'module') return st.modules.get(to.ref.moduleId)?.slot ?? null;
  return null;
}

/**
 * The legacy core's rules for a pipette move near a Heater-Shaker (2.13; `flag_unsafe_move`):
 * nothing on or around it while it shakes, its latch closed before going onto it or beside it,
 * an 8-channel pipette kept from beside it and from plates in front of or behind it.
 */
function checkLegacyHeaterShakerMove(st: EngineState, p: LoadedPipette, to: ResolvedLocation): void {
  const slot = destinationSlot(st, to);
  if (slot === null) return;
  for (const m of st.modules.values()) {
    if (m.spec.type !== HS) continue;
    const side = sideOf(m.slot, slot);
    if (side === null) continue;
    const fail = (text: string) => pyError('PipetteMovementRestrictedByHeaterShakerError', text);
    if (m.shakeRpm !== null) throw fail('Cannot move pipette to Heater-Shaker or adjacent slot while module is shaking');
    if (side !== 'northSouth' && m.latch !== 'closed') {
      throw fail('Cannot move pipette to Heater-Shaker or adjacent slot to the left or right while labware latch is open');
    }
    if (p.spec.channels > 1 && side === 'eastWest') throw fail('Cannot move 8-Channel pipette to slot adjacent to the left or right of Heater-Shaker');
    if (p.spec.channels > 1 && side === 'northSouth' && to.lw?.isTiprack !== true) {
      throw fail('Cannot move 8-Channel pipette to non-tip-rack labware directly in front of or behind a Heater-Shaker');
    }
  }
}

/**
 * A Python API move (after its run-log entry): the legacy core's rules at 2.13, the engine's from
 * 2.14, where only moves into labware are checked.
 */
export function checkPythonMoveNearHeaterShaker(st: EngineState, p: LoadedPipette, to: ResolvedLocation): void {
  if (st.has('engineCore')) {
    if (to.lw !== null) checkHeaterShakerMove(st, to.lw, p);
  } else checkLegacyHeaterShakerMove(st, p, to);
}

/** Whether any Heater-Shaker is loaded (moves elsewhere skip its rules). */
export function hasHeaterShaker(st: EngineState): boolean {
  // Asked on every move: most runs have no module at all.
  if (st.modules.size === 0) return false;
  for (const m of st.modules.values()) if (m.spec.type === HS) return true;
  return false;
}
