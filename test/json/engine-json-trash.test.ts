// Protocol Designer 8's OT-2 trash idiom under the Protocol Engine's rules, in small JSON v8
// protocols of our own: moves to addressable areas, pipetting and tip drops in place, and the
// pipette commands around them (json-protocols-v6-v8 §5.2, §5.3, §7.2–§7.4): results, state,
// lines for people, modeled time, and the engine's errors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Analysis } from '../../src/common/index.ts';
import { analyze } from './helpers.ts';
import { v8, v7, cmd, labware, type Command } from './engine-json-docs.ts';

const PIPETTE = cmd('loadPipette', { pipetteName: 'p300_single_gen2', mount: 'left', pipetteId: 'p' });
const TIPS = labware('tr', 'opentrons_96_tiprack_300ul', { slotName: '1' });
const PLATE = labware('pl', 'corning_96_wellplate_360ul_flat', { slotName: '3' });
const TRASH_LABWARE = labware('trash', 'opentrons_1_trash_1100ml_fixed', { slotName: '12' });
const PICK = cmd('pickUpTip', { pipetteId: 'p', labwareId: 'tr', wellName: 'A1' });
const ASPIRATE = cmd('aspirate', { pipetteId: 'p', labwareId: 'pl', wellName: 'A1', volume: 50, flowRate: 46.43 });
const TO_TRASH = cmd('moveToAddressableArea', { pipetteId: 'p', addressableAreaName: 'fixedTrash', offset: { x: 0, y: 0, z: 0 } });
const TO_TRASH_FOR_DROP = cmd('moveToAddressableAreaForDropTip', { pipetteId: 'p', addressableAreaName: 'fixedTrash', offset: { x: 0, y: 0, z: 0 }, alternateDropLocation: true });
const DROP_IN_PLACE = cmd('dropTipInPlace', { pipetteId: 'p' });
const BLOW_OUT_IN_PLACE = cmd('blowOutInPlace', { pipetteId: 'p', flowRate: 46.43 });
const aspirateInPlace = (volume: number) => cmd('aspirateInPlace', { pipetteId: 'p', volume, flowRate: 46.43 });
const dispenseInPlace = (volume: number) => cmd('dispenseInPlace', { pipetteId: 'p', volume, flowRate: 46.43 });

const run = (doc: Record<string, unknown>): Promise<Analysis> => analyze('small.json', JSON.stringify(doc));

function failure(a: Analysis): { commandType: string; errorType: string; detail: string } {
  const last = a.commands?.at(-1);
  assert.ok(last !== undefined && last.error !== null, 'the run should fail');
  return { commandType: last.commandType, errorType: last.error.errorType, detail: last.error.detail };
}

function command(a: Analysis, index: number): { commandType: string; params: Record<string, unknown>; result: unknown; seconds: number } {
  const c = a.commands?.[index];
  assert.ok(c !== undefined, `command ${index}`);
  return { commandType: c.commandType, params: c.params, result: c.result, seconds: c.completedAt - c.startedAt };
}

describe('the fixed trash as an addressable area (JSON v8)', () => {
  it('moves over the trash, pipettes there in place and drops the tip: results, lines and time', async () => {
    const a = await run(v8([PIPETTE, TIPS, PLATE, PICK, ASPIRATE, TO_TRASH, dispenseInPlace(20), aspirateInPlace(5), BLOW_OUT_IN_PLACE, TO_TRASH_FOR_DROP, DROP_IN_PLACE]));
    assert.equal(a.ok, true, JSON.stringify(a.errors));
    const move = command(a, 6);
    assert.deepEqual(move.params, { pipetteId: 'p', addressableAreaName: 'fixedTrash', offset: { x: 0, y: 0, z: 0 }, stayAtHighestPossibleZ: false, minimumZHeight: null, forceDirect: false, speed: null });
    assert.deepEqual(move.result, { position: { x: 347.84, y: 351.5, z: 82 } });
    assert.ok(move.seconds > 0, 'the move takes time');
    assert.deepEqual(command(a, 7).result, { volume: 20 });
    assert.ok(Math.abs(command(a, 7).seconds - 20 / 46.43) < 1e-9, 'a dispense in place takes volume / flow rate');
    assert.deepEqual(command(a, 8).result, { volume: 5 });
    assert.deepEqual(command(a, 9).result, {});
    const forDrop = command(a, 10);
    assert.deepEqual(forDrop.params, {
      pipetteId: 'p', addressableAreaName: 'fixedTrash', offset: { x: 0, y: 0, z: 0 }, alternateDropLocation: true, ignoreTipConfiguration: true,
      minimumZHeight: null, forceDirect: false, speed: null,
    });
    assert.deepEqual(forDrop.result, { position: { x: 363.895, y: 351.5, z: 82 } });
    assert.deepEqual(command(a, 11), { commandType: 'dropTipInPlace', params: { pipetteId: 'p', homeAfter: null }, result: {}, seconds: command(a, 11).seconds });
    assert.ok(command(a, 11).seconds > 0);
    assert.deepEqual(a.runLog.slice(6).map((e) => e.text), [
      'Moving to Fixed Trash',
      'Dispensing 20 µL in place at 46.43 µL/sec',
      'Aspirating 5 µL in place at 46.43 µL/sec ',
      'Blowing out in place at 46.43 µL/sec',
      'Moving to Fixed Trash',
      'Dropping tip in place',
    ]);
    assert.equal(a.runLog[11].name, 'command.DROP_TIP', 'the robot backend sees the tip come off');
    // The trash area is no equipment.
    assert.deepEqual(a.engineRun?.equipment.labware.map((l) => l.id), ['tr', 'pl']);
  });

  it('alternate drops go right of the trash centre, then left, then right again', async () => {
    const again = [PICK, TO_TRASH_FOR_DROP, DROP_IN_PLACE];
    const a = await run(v8([PIPETTE, TIPS, ...again, ...again, ...again]));
    assert.equal(a.ok, true, JSON.stringify(a.errors));
    const xs = [4, 7, 10].map((i) => (command(a, i).result as { position: { x: number } }).position.x);
    assert.deepEqual(xs, [363.895, 331.785, 363.895]);
    const plain = await run(v8([PIPETTE, TIPS, PICK, cmd('moveToAddressableAreaForDropTip', { pipetteId: 'p', addressableAreaName: 'fixedTrash', offset: { x: 1, y: 2, z: 3 } })]));
    assert.deepEqual(command(plain, 4).result, { position: { x: 348.84, y: 353.5, z: 85 } });
  });

  it('a dropTip into trash labware with alternateDropLocation alternates right and left of the well’s centre', async () => {
    const drop = (alternateDropLocation: boolean) => cmd('dropTip', { pipetteId: 'p', labwareId: 'fixedTrash', wellName: 'A1', alternateDropLocation });
    const a = await run(v7([PIPETTE, TIPS, PICK, drop(false), PICK, drop(true), PICK, drop(true)]));
    assert.equal(a.ok, true, JSON.stringify(a.errors));
    const [centre, right, left] = [4, 6, 8].map((i) => (command(a, i).result as { position: { x: number; y: number; z: number } }).position);
    assert.ok(Math.abs(right.x - centre.x - 16.055) < 1e-9 && Math.abs(centre.x - left.x - 16.055) < 1e-9, JSON.stringify([centre, right, left]));
    assert.deepEqual([right.y, right.z, left.y, left.z], [centre.y, centre.z, centre.y, centre.z]);
  });

  it('the deck slots are areas too: slot 5 is its centre at deck height', async () => {
    const a = await run(v8([PIPETTE, cmd('moveToAddressableArea', { pipetteId: 'p', addressableAreaName: '5' })]));
    assert.equal(a.ok, true, JSON.stringify(a.errors));
    assert.deepEqual(command(a, 2).result, { position: { x: 196.5, y: 133.5, z: 0 } });
    assert.equal(a.runLog[2].text, 'Moving to Slot 5');
  });

  it('slot 12 and the fixed trash exclude each other, whichever comes first', async () => {
    assert.deepEqual(failure(await run(v8([PIPETTE, TRASH_LABWARE, TO_TRASH]))), {
      commandType: 'moveToAddressableArea',
      errorType: 'IncompatibleAddressableAreaError',
      detail: 'Cannot use Slot 12/Fixed Trash, not compatible with one or more of the following fixtures: Slot 12',
    });
    assert.deepEqual(failure(await run(v8([PIPETTE, TO_TRASH, labware('pl12', 'corning_96_wellplate_360ul_flat', { slotName: '12' })]))), {
      commandType: 'loadLabware',
      errorType: 'IncompatibleAddressableAreaError',
      detail: 'Cannot use Slot 12, not compatible with one or more of the following fixtures: Slot 12/Fixed Trash',
    });
    // Dropping into trash labware loaded in slot 12 works, as simpleV8.json does.
    const labwareTrash = await run(v8([PIPETTE, TIPS, TRASH_LABWARE, PICK, cmd('dropTip', { pipetteId: 'p', labwareId: 'trash', wellName: 'A1', alternateDropLocation: true })]));
    assert.equal(labwareTrash.ok, true, JSON.stringify(labwareTrash.errors));
  });

  it('the engine’s other refusals of areas', async () => {
    assert.deepEqual(failure(await run(v8([PIPETTE, cmd('moveToAddressableArea', { pipetteId: 'p', addressableAreaName: 'movableTrashA3' })]))), {
      commandType: 'moveToAddressableArea',
      errorType: 'AddressableAreaDoesNotExistError',
      detail: 'movableTrashA3 is not provided by any cutout fixtures in deck definition ot2_standard',
    });
    assert.deepEqual(failure(await run(v8([labware('pl', 'corning_96_wellplate_360ul_flat', { addressableAreaName: 'fixedTrash' })]))), {
      commandType: 'loadLabware',
      errorType: 'LabwareIsNotAllowedInLocationError',
      detail: 'Cannot load corning_96_wellplate_360ul_flat onto addressable area fixedTrash',
    });
    // Nothing is pre-loaded in schema 8: the trash is no labware.
    assert.deepEqual(failure(await run(v8([PIPETTE, TIPS, PICK, cmd('dropTip', { pipetteId: 'p', labwareId: 'fixedTrash', wellName: 'A1' })]))), {
      commandType: 'dropTip',
      errorType: 'LabwareNotLoadedError',
      detail: 'Labware fixedTrash not found.',
    });
  });

  it('schemas 6 and 7 cannot name an area: the translation fails', async () => {
    const a = await run(v7([PIPETTE, TO_TRASH]));
    assert.equal(a.commands?.length, 0);
    assert.match(a.errors[0].description, /__root__ -> MoveToAddressableAreaCreate -> params -> addressableAreaName\n {2}field required \(type=value_error\.missing\)$/);
  });
});

describe('pipetting in place', () => {
  it('after a blow-out: no aspirate in place, no dispense, until an aspirate from a well or prepareToAspirate', async () => {
    assert.deepEqual(failure(await run(v8([PIPETTE, TIPS, PLATE, PICK, ASPIRATE, TO_TRASH, BLOW_OUT_IN_PLACE, aspirateInPlace(5)]))), {
      commandType: 'aspirateInPlace',
      errorType: 'PipetteNotReadyToAspirateError',
      detail:
        'Pipette cannot aspirate in place because of a previous blow out. The first aspirate following a blow-out must be from a specific well so the plunger can be reset in a known safe position.',
    });
    assert.deepEqual(failure(await run(v8([PIPETTE, TIPS, PLATE, PICK, ASPIRATE, TO_TRASH, BLOW_OUT_IN_PLACE, dispenseInPlace(5)]))), {
      commandType: 'dispenseInPlace',
      errorType: 'InvalidDispenseVolumeError',
      detail: 'Cannot perform a dispense if there is no volume in attached tip.',
    });
    const prepared = await run(v8([PIPETTE, TIPS, PLATE, PICK, ASPIRATE, TO_TRASH, BLOW_OUT_IN_PLACE, cmd('prepareToAspirate', { pipetteId: 'p' }), aspirateInPlace(5), dispenseInPlace(5)]));
    assert.equal(prepared.ok, true, JSON.stringify(prepared.errors));
    assert.deepEqual(command(prepared, 8).result, {});
    assert.ok(command(prepared, 8).seconds > 0, 'the plunger moves');
    const fromWell = await run(v8([PIPETTE, TIPS, PLATE, PICK, ASPIRATE, TO_TRASH, BLOW_OUT_IN_PLACE, ASPIRATE, TO_TRASH, aspirateInPlace(5)]));
    assert.equal(fromWell.ok, true, JSON.stringify(fromWell.errors));
  });

  it('the tip and volume checks', async () => {
    assert.deepEqual(failure(await run(v8([PIPETTE, TO_TRASH, aspirateInPlace(5)]))), {
      commandType: 'aspirateInPlace',
      errorType: 'TipNotAttachedError',
      detail: 'Pipette should have a tip attached, but does not.',
    });
    assert.deepEqual(failure(await run(v8([PIPETTE, TO_TRASH, dispenseInPlace(5)]))), {
      commandType: 'dispenseInPlace',
      errorType: 'TipNotAttachedError',
      detail: 'Cannot perform dispense without a tip attached',
    });
    assert.deepEqual(failure(await run(v8([PIPETTE, TO_TRASH, DROP_IN_PLACE]))), {
      commandType: 'dropTipInPlace',
      errorType: 'TipNotAttachedError',
      detail: 'Pipette should have a tip attached, but does not.',
    });
    assert.deepEqual(failure(await run(v8([PIPETTE, TIPS, PICK, TO_TRASH, aspirateInPlace(301)]))), {
      commandType: 'aspirateInPlace',
      errorType: 'InvalidAspirateVolumeError',
      detail: 'Cannot aspirate 301.0 µL when only 300.0 is available.',
    });
    assert.deepEqual(failure(await run(v8([PIPETTE, TIPS, PLATE, PICK, ASPIRATE, TO_TRASH, dispenseInPlace(51)]))), {
      commandType: 'dispenseInPlace',
      errorType: 'InvalidDispenseVolumeError',
      detail: 'Cannot dispense 51.0 µL when only 50.0 µL has been aspirated.',
    });
    assert.deepEqual(failure(await run(v8([PIPETTE, TIPS, PLATE, PICK, ASPIRATE, TO_TRASH, cmd('dispenseInPlace', { pipetteId: 'p', volume: 5, flowRate: 10, pushOut: -1 })]))), {
      commandType: 'dispenseInPlace',
      errorType: 'InvalidPushOutVolumeError',
      detail: 'push out value cannot have a negative value.',
    });
  });

  it('over a well, liquid goes into it', async () => {
    const doc = v8([PIPETTE, TIPS, PLATE, PICK, ASPIRATE, cmd('moveToWell', { pipetteId: 'p', labwareId: 'pl', wellName: 'B1' }), dispenseInPlace(30)]);
    const a = await run(doc);
    assert.equal(a.ok, true, JSON.stringify(a.errors));
    const b1 = (a.liquidHistory ?? []).filter((h) => JSON.stringify(h).includes('B1'));
    assert.ok(b1.length > 0, JSON.stringify(a.liquidHistory));
  });
});

describe('configureForVolume and retractAxis on an OT-2', () => {
  it('succeed; the retract takes the pipette up', async () => {
    const a = await run(v8([PIPETTE, cmd('moveToAddressableArea', { pipetteId: 'p', addressableAreaName: '5' }), cmd('configureForVolume', { pipetteId: 'p', volume: 10 }), cmd('retractAxis', { axis: 'leftZ' })]));
    assert.equal(a.ok, true, JSON.stringify(a.errors));
    assert.deepEqual(command(a, 3), { commandType: 'configureForVolume', params: { pipetteId: 'p', volume: 10, tipOverlapNotAfterVersion: null }, result: {}, seconds: 0 });
    assert.equal(a.runLog[3].text, 'Configure P300 Single-Channel GEN2 to aspirate 10 µL');
    assert.deepEqual(command(a, 4).result, {});
    assert.ok(command(a, 4).seconds > 0, 'the Z axis rises from the deck');
  });

  it('translation: a negative volume and an unknown axis fail', async () => {
    const volume = await run(v8([PIPETTE, cmd('configureForVolume', { pipetteId: 'p', volume: -1 })]));
    assert.match(volume.errors[0].description, /ConfigureForVolumeCreate -> params -> volume\n {2}ensure this value is greater than or equal to 0/);
    const axis = await run(v8([cmd('retractAxis', { axis: 'w' })]));
    assert.match(axis.errors[0].description, /RetractAxisCreate -> params -> axis\n {2}value is not a valid enumeration member/);
  });
});
