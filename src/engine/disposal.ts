// Pipetting into the Python API's trash bin (apiLevel ≥ 2.16), as robot software 7.5.0 does it:
// the legacy run-log entry (`… Trash Bin on slot 12`, under its own `…_IN_DISPOSAL_LOCATION` name),
// then the Protocol Engine's commands run as children — a move to the trash's addressable area and
// the plunger or tip action in place. The engine's rules for those commands exist once (in-place.ts,
// addressable-areas.ts); this module only chooses them and their params.
import type { CommandContext } from './commands/command.ts';
import { pyError } from './errors.ts';
import { pyFloat } from './pyfloat.ts';
import { TRASH_BIN_AREA, TRASH_BIN_TEXT } from './trash-bin.ts';
import type { TrashBinArg } from './trash-bin.ts';
import type { Point } from './types.ts';

const NO_OFFSET: Point = { x: 0, y: 0, z: 0 };

/** Motion options of `move_to` that the engine's move takes over. */
export interface AreaMoveOptions {
  forceDirect?: boolean;
  minimumZHeight?: number | null;
  speed?: number | null;
}

function moveOverTrash(ctx: CommandContext, pipetteId: string, bin: TrashBinArg | null, options: AreaMoveOptions = {}): void {
  ctx.runChild({
    commandType: 'moveToAddressableArea',
    params: {
      pipetteId,
      addressableAreaName: TRASH_BIN_AREA,
      offset: bin?.offset ?? NO_OFFSET,
      forceDirect: options.forceDirect ?? false,
      minimumZHeight: options.minimumZHeight ?? null,
      speed: options.speed ?? null,
    },
  });
}

/** `aspirate(v, trash_bin)`: refused before anything is logged. */
export function refuseAspirateFromTrash(): never {
  throw pyError('ValueError', 'Trash Bin and Waste Chute are not acceptable location parameters for Aspirate commands.');
}

/**
 * `dispense(volume, trash_bin, rate)`: no volume is everything in the tip, 0 is nothing. Below
 * 2.17 more than the tip holds is clamped (the entry shows what was asked); from 2.17 the
 * engine's dispense refuses it after the entry.
 */
export function dispenseIntoTrashBin(ctx: CommandContext, pipetteId: string, volume: number | null, bin: TrashBinArg, rate: number): void {
  const st = ctx.state;
  const p = st.pipette(pipetteId);
  const asked = volume ?? p.currentVolume;
  const flowRate = rate * p.dispenseFlowRate;
  st.log.before('command.DISPENSE_IN_DISPOSAL_LOCATION', `Dispensing ${pyFloat(asked)} uL into ${TRASH_BIN_TEXT} at ${pyFloat(flowRate)} uL/sec`);
  const given = st.has('dispenseVolumeChecked') ? asked : Math.min(asked, p.currentVolume);
  moveOverTrash(ctx, pipetteId, bin);
  ctx.runChild({ commandType: 'dispenseInPlace', params: { pipetteId, volume: given, flowRate, pushOut: null } });
  st.log.after();
}

/** `blow_out(trash_bin)`, and the blow-outs into the trash of transfer plans. */
export function blowOutIntoTrashBin(ctx: CommandContext, pipetteId: string, bin: TrashBinArg | null): void {
  const st = ctx.state;
  const p = st.pipette(pipetteId);
  st.log.before('command.BLOW_OUT_IN_DISPOSAL_LOCATION', `Blowing out into ${TRASH_BIN_TEXT}`);
  moveOverTrash(ctx, pipetteId, bin);
  ctx.runChild({ commandType: 'blowOutInPlace', params: { pipetteId, flowRate: p.blowOutFlowRate } });
  st.log.after();
}

/**
 * `drop_tip()` into a trash bin, `drop_tip(trash_bin)` and the drops of transfer plans. A drop
 * without a location alternates between two spots in the bin; so does an explicit trash bin
 * at 2.16–2.17, while from 2.18 it goes to the bin's given offset.
 */
export function dropTipIntoTrashBin(ctx: CommandContext, pipetteId: string, bin: TrashBinArg | null, homeAfter: boolean): void {
  const st = ctx.state;
  st.pipette(pipetteId);
  const alternate = bin === null || !st.has('runtimeParameters');
  st.log.before('command.DROP_TIP_IN_DISPOSAL_LOCATION', `Dropping tip into ${TRASH_BIN_TEXT}`);
  ctx.runChild({
    commandType: 'moveToAddressableAreaForDropTip',
    params: {
      pipetteId,
      addressableAreaName: TRASH_BIN_AREA,
      offset: bin?.offset ?? NO_OFFSET,
      alternateDropLocation: alternate,
      ignoreTipConfiguration: true,
    },
  });
  ctx.runChild({ commandType: 'dropTipInPlace', params: { pipetteId, homeAfter } });
  st.log.after();
}

/** `move_to(trash_bin)`; `publish=False` moves without an entry. */
export function moveToTrashBin(ctx: CommandContext, pipetteId: string, bin: TrashBinArg, publish: boolean, options: AreaMoveOptions): void {
  const st = ctx.state;
  st.pipette(pipetteId);
  if (publish) st.log.before('command.MOVE_TO_DISPOSAL_LOCATION', `Moving to ${TRASH_BIN_TEXT}`);
  moveOverTrash(ctx, pipetteId, bin, options);
  if (publish) st.log.after();
}
