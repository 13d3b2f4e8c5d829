// The Protocol Engine's pipetting "in place" (JSON v8): aspirate, dispense, blow out and drop a tip
// where the pipette already is, with the engine's checks and words. Protocol Designer 8 writes
// these after a move to an addressable area (the OT-2's fixed trash). Liquid goes to or comes from
// the well the pipette is over, if it is over one; the time is the plunger's, as for a well.
import { cachedLocation } from './motion.ts';
import { invalidDispenseVolume, ledgerOp, preparePlunger } from './pipetting.ts';
import { plungerSpeed, recordPlungerMove, recordPlungerVolume } from './plunger.ts';
import { checkAspirateVolume } from './engine-errors.ts';
import { engineError, requireTip } from './protocol-engine.ts';
import type { EngineState, LoadedPipette } from './state.ts';
import { TIMING } from './timing.ts';
import { ejectTip } from './tips.ts';
import { applyUpdate } from './stores/index.ts';

export { checkAspirateVolume };

/** The engine's dispense checks: a tip, a known volume in it (not after a blow-out), no more than it holds. */
export function checkDispense(st: EngineState, p: LoadedPipette, volume: number, pushOut: number | null): number {
  if (!p.hasTip) throw engineError('TipNotAttachedError', 'Cannot perform dispense without a tip attached');
  if (pushOut !== null && pushOut < 0) throw engineError('InvalidPushOutVolumeError', 'push out value cannot have a negative value.');
  if (st.blownOut.has(p.id)) throw engineError('InvalidDispenseVolumeError', 'Cannot perform a dispense if there is no volume in attached tip.');
  if (volume > p.currentVolume + 1e-9) throw invalidDispenseVolume(volume, p.currentVolume);
  return Math.min(volume, p.currentVolume);
}

/** The liquid bookkeeping of a plunger action where the pipette is (nothing over the trash or an empty slot). */
function ledgerHere(st: EngineState, p: LoadedPipette, volume: number, aspirate: boolean, entryName: string): void {
  const here = cachedLocation(st);
  if (here === null || here.well === null || volume <= 0) return;
  const entry = st.log.before(entryName, aspirate ? 'Aspirating in place' : 'Dispensing in place');
  ledgerOp(st, p, here, volume, entry.index, aspirate);
  st.log.after();
}

/** `aspirateInPlace`: a tip, a plunger ready (no blow-out since), and room in the tip. */
export function aspirateInPlace(st: EngineState, p: LoadedPipette, volume: number, flowRate: number): void {
  requireTip(p);
  if (st.blownOut.has(p.id)) {
    throw engineError(
      'PipetteNotReadyToAspirateError',
      'Pipette cannot aspirate in place because of a previous blow out. The first aspirate following a blow-out must be from a specific well so the plunger can be reset in a known safe position.',
    );
  }
  const taken = checkAspirateVolume(p, volume);
  const after = p.currentVolume + taken;
  if (taken > 0) {
    const seconds = taken / flowRate;
    st.log.advance(seconds);
    if (st.actions !== null) recordPlungerVolume(st, p, after, flowRate, 'aspirate', seconds);
    ledgerHere(st, p, taken, true, 'command.ASPIRATE');
  }
  applyUpdate(st, { type: 'pipette/volumeSet', pipetteId: p.id, volume: after });
}

/** `dispenseInPlace`: as `dispense`, where the pipette is. */
export function dispenseInPlace(st: EngineState, p: LoadedPipette, volume: number, flowRate: number, pushOut: number | null): void {
  const given = checkDispense(st, p, volume, pushOut);
  if (given > 0) {
    const seconds = given / flowRate;
    st.log.advance(seconds);
    if (st.actions !== null) recordPlungerVolume(st, p, p.currentVolume - given, flowRate, 'dispense', seconds);
    ledgerHere(st, p, given, false, 'command.DISPENSE');
  }
  const left = p.currentVolume - given;
  applyUpdate(st, { type: 'pipette/volumeSet', pipetteId: p.id, volume: left < 1e-12 ? 0 : left });
}

/** `blowOutInPlace`: what is left goes where the pipette is; the engine no longer knows the volume. */
export function blowOutInPlace(st: EngineState, p: LoadedPipette, flowRate: number): void {
  requireTip(p);
  st.log.advance(TIMING.blowOutS);
  if (st.actions !== null) recordPlungerMove(st, p, p.spec.plunger.blowout, plungerSpeed(p, flowRate, 'dispense'), TIMING.blowOutS);
  ledgerHere(st, p, p.currentVolume, false, 'command.BLOW_OUT');
  applyUpdate(st, { type: 'pipette/blownOut', pipetteId: p.id });
  applyUpdate(st, { type: 'pipette/volumeUnknownSet', pipetteId: p.id, unknown: true });
}

/** `dropTipInPlace`: the tip comes off where the pipette is. */
export function dropTipInPlace(st: EngineState, p: LoadedPipette, homeAfter: boolean): void {
  requireTip(p);
  ejectTip(st, p, homeAfter);
  if (st.blownOut.has(p.id)) applyUpdate(st, { type: 'pipette/volumeUnknownSet', pipetteId: p.id, unknown: false });
}

/**
 * `InstrumentContext.prepare_to_aspirate()` (Python, 2.16) refuses before any command while the
 * tip holds liquid; `str(pipette)` is `{display name} on {mount} mount`.
 */
export function checkPrepareToAspirate(p: LoadedPipette): void {
  if (p.currentVolume > 0) {
    throw engineError(
      'CommandPreconditionViolated',
      `Error 4004 COMMAND_PRECONDITION_VIOLATED (CommandPreconditionViolated): Cannot prepare ${p.spec.displayName} on ${p.mount} mount for aspirate while it contains liquid.`,
    );
  }
}

/** `prepareToAspirate`: the plunger to its bottom; the tip holds nothing the engine counts, and may aspirate in place again. */
export function prepareToAspirate(st: EngineState, p: LoadedPipette): void {
  if (!p.hasTip) throw engineError('TipNotAttachedError', 'Cannot perform prepare for aspirate without a tip attached');
  preparePlunger(st, p);
  applyUpdate(st, { type: 'pipette/volumeSet', pipetteId: p.id, volume: 0 });
  if (st.blownOut.has(p.id)) applyUpdate(st, { type: 'pipette/volumeUnknownSet', pipetteId: p.id, unknown: false });
}
