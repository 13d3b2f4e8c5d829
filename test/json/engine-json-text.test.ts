// Text for people in JSON v6–8 run logs: one line per command, rendered as the Opentrons App
// renders it (json-protocols-v6-v8 §9.2). Every command type the OT-2 fixtures use, with the exact
// text; then whole fixtures as their run logs read.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { executeEngineJson } from '../../src/json/engine-json/index.ts';
import { commandText, entryName } from '../../src/json/engine-json/text.ts';
import type { TextLabware, TextState } from '../../src/json/engine-json/text.ts';
import { jsonProtocolFixture } from '../helpers/original.ts';
import { bundleOf, lines } from './helpers.ts';

const PLATE_COLUMNS = Array.from({ length: 12 }, (_, c) => 'ABCDEFGH'.split('').map((r) => `${r}${c + 1}`));

const LABWARE: Record<string, TextLabware> = {
  plate: { displayName: 'Source Plate', definitionName: 'Armadillo 96 Well Plate 200 µL PCR Full Skirt', fixedTrash: false, isTipRack: false, location: { moduleId: 'temp' }, columns: PLATE_COLUMNS },
  dest: { displayName: null, definitionName: 'Corning 96 Well Plate 360 µL Flat', fixedTrash: false, isTipRack: false, location: { slotName: '2' }, columns: PLATE_COLUMNS },
  tcPlate: { displayName: null, definitionName: 'NEST 96 Well Plate 100 µL PCR Full Skirt', fixedTrash: false, isTipRack: false, location: { moduleId: 'tc' }, columns: PLATE_COLUMNS },
  tips: { displayName: null, definitionName: 'Opentrons 96 Tip Rack 10 µL', fixedTrash: false, isTipRack: true, location: { slotName: '8' }, columns: PLATE_COLUMNS },
  fixedTrash: { displayName: 'Trash', definitionName: 'Opentrons Fixed Trash', fixedTrash: true, isTipRack: false, location: { slotName: '12' }, columns: [['A1']] },
};

const STATE: TextState = {
  labware: (id) => LABWARE[id],
  pipette: (id) => (id === 'p10' ? { displayName: 'P10 Single-Channel GEN1', channels: 1 } : id === 'm300' ? { displayName: 'P300 8-Channel GEN2', channels: 8 } : undefined),
  module: (id) =>
    ({ temp: { model: 'temperatureModuleV2', slot: '1' }, mag: { model: 'magneticModuleV2', slot: '3' }, tc: { model: 'thermocyclerModuleV1', slot: '7' }, hs: { model: 'heaterShakerModuleV1', slot: '6' } })[id],
  liquid: (id) => (id === 'water' ? { displayName: 'Water' } : undefined),
};

const text = (commandType: string, params: Record<string, unknown>) => commandText({ commandType, params }, STATE);

describe('the text of each command type the OT-2 fixtures use', () => {
  it('loads', () => {
    assert.equal(text('home', { axes: null }), 'Homing all gantry, pipette, and plunger axes');
    assert.equal(text('loadPipette', { pipetteId: 'p10', pipetteName: 'p10_single', mount: 'left' }), 'Load P10 Single-Channel GEN1 in Left Mount');
    assert.equal(text('loadPipette', { pipetteId: 'm300', pipetteName: 'p300_multi_gen2', mount: 'right' }), 'Load P300 8-Channel GEN2 in Right Mount');
    assert.equal(text('loadPipette', { pipetteId: 'nope', pipetteName: 'p1000_96', mount: 'left' }), 'Load p1000_96 in Left Mount');
    assert.equal(text('loadModule', { moduleId: 'temp', model: 'temperatureModuleV2', location: { slotName: '1' } }), 'Load Temperature Module GEN2 in Slot 1');
    assert.equal(text('loadModule', { moduleId: 'hs', model: 'heaterShakerModuleV1', location: { slotName: '6' } }), 'Load Heater-Shaker Module GEN1 in Slot 6');
    assert.equal(text('loadModule', { moduleId: 'tc', model: 'thermocyclerModuleV1', location: { slotName: '7' } }), 'Load Thermocycler Module in Slot 7');
    assert.equal(text('loadLabware', { labwareId: 'plate', location: { moduleId: 'temp' } }), 'Load Source Plate in Temperature Module GEN2 in Slot 1');
    assert.equal(text('loadLabware', { labwareId: 'dest', location: { slotName: '2' } }), 'Load Corning 96 Well Plate 360 µL Flat in Slot 2');
    // A thermocycler covers several slots: the App names it alone.
    assert.equal(text('loadLabware', { labwareId: 'tcPlate', location: { moduleId: 'tc' } }), 'Load NEST 96 Well Plate 100 µL PCR Full Skirt in Thermocycler Module');
    assert.equal(text('loadLabware', { labwareId: 'fixedTrash', location: { slotName: '12' } }), 'Load Fixed Trash in Slot 12');
    // A load that failed: the protocol's own name for it.
    assert.equal(text('loadLabware', { labwareId: 'nope', loadName: 'x_plate', displayName: null, location: { slotName: '4' } }), 'Load x_plate in Slot 4');
    assert.equal(text('loadLabware', { labwareId: 'nope', loadName: 'x_plate', location: 'offDeck' }), 'Load x_plate off deck');
    assert.equal(text('loadLiquid', { liquidId: 'water', labwareId: 'plate', volumeByWell: { A1: 100 } }), 'Load Water into Source Plate');
  });

  it('tips', () => {
    assert.equal(text('pickUpTip', { pipetteId: 'p10', labwareId: 'tips', wellName: 'B1' }), 'Picking up tip(s) from B1 of Opentrons 96 Tip Rack 10 µL in Slot 8');
    assert.equal(text('pickUpTip', { pipetteId: 'm300', labwareId: 'tips', wellName: 'A3' }), 'Picking up tip(s) from A3 - H3 of Opentrons 96 Tip Rack 10 µL in Slot 8');
    assert.equal(text('dropTip', { pipetteId: 'p10', labwareId: 'fixedTrash', wellName: 'A1' }), 'Dropping tip in A1 of Fixed Trash');
    assert.equal(text('dropTip', { pipetteId: 'p10', labwareId: 'tips', wellName: 'B1' }), 'Returning tip to B1 of Opentrons 96 Tip Rack 10 µL in Slot 8');
  });

  it('liquid handling', () => {
    assert.equal(
      text('aspirate', { pipetteId: 'p10', labwareId: 'plate', wellName: 'A1', volume: 5, flowRate: 3 }),
      'Aspirating 5 µL from well A1 of Source Plate in Temperature Module GEN2 in Slot 1 at 3 µL/sec',
    );
    assert.equal(
      text('dispense', { pipetteId: 'p10', labwareId: 'dest', wellName: 'B1', volume: 4.5, flowRate: 2.5, pushOut: null }),
      'Dispensing 4.5 µL into well B1 of Corning 96 Well Plate 360 µL Flat in Slot 2 at 2.5 µL/sec',
    );
    assert.equal(
      text('dispense', { pipetteId: 'p10', labwareId: 'dest', wellName: 'B1', volume: 4.5, flowRate: 2.5, pushOut: 1 }),
      'Dispensing 4.5 µL into well B1 of Corning 96 Well Plate 360 µL Flat in Slot 2 at 2.5 µL/sec and pushing out 1 µL',
    );
    assert.equal(text('blowout', { pipetteId: 'p10', labwareId: 'dest', wellName: 'B1', flowRate: 2 }), 'Blowing out at well B1 of Corning 96 Well Plate 360 µL Flat in Slot 2 at 2 µL/sec');
    assert.equal(text('touchTip', { pipetteId: 'p10', labwareId: 'dest', wellName: 'B1' }), 'Touching tip');
    assert.equal(text('aspirateInPlace', { pipetteId: 'p10', volume: 2, flowRate: 3 }), 'Aspirating 2 µL in place at 3 µL/sec ');
    assert.equal(text('dispenseInPlace', { pipetteId: 'p10', volume: 2, flowRate: 3 }), 'Dispensing 2 µL in place at 3 µL/sec');
    assert.equal(text('blowOutInPlace', { pipetteId: 'p10', flowRate: 3 }), 'Blowing out in place at 3 µL/sec');
    assert.equal(text('dropTipInPlace', { pipetteId: 'p10' }), 'Dropping tip in place');
  });

  it('movement', () => {
    assert.equal(text('moveToWell', { pipetteId: 'p10', labwareId: 'tcPlate', wellName: 'B2' }), 'Moving to well B2 of NEST 96 Well Plate 100 µL PCR Full Skirt in Thermocycler Module');
    assert.equal(text('moveToCoordinates', { pipetteId: 'p10', coordinates: { x: 100, y: 100.5, z: 0 } }), 'Moving to (X: 100, Y: 100.5, Z: 0)');
    assert.equal(text('moveRelative', { pipetteId: 'p10', axis: 'y', distance: 0.1 }), 'Moving 0.1 mm along y axis');
    assert.equal(text('savePosition', { pipetteId: 'p10', positionId: null }), 'Saving position');
    assert.equal(text('moveToAddressableArea', { pipetteId: 'p10', addressableAreaName: 'fixedTrash' }), 'Moving to Fixed Trash');
    assert.equal(text('moveToAddressableAreaForDropTip', { pipetteId: 'p10', addressableAreaName: 'fixedTrash' }), 'Moving to Fixed Trash');
    assert.equal(
      text('moveLabware', { labwareId: 'dest', newLocation: { moduleId: 'mag' }, strategy: 'manualMoveWithPause' }),
      'Manually move Corning 96 Well Plate 360 µL Flat from Slot 2 to Magnetic Module GEN2 in Slot 3',
    );
    assert.equal(text('moveLabware', { labwareId: 'plate', newLocation: 'offDeck', strategy: 'manualMoveWithoutPause' }), 'Manually move Source Plate from Temperature Module GEN2 in Slot 1 to off deck');
    assert.equal(text('moveLabware', { labwareId: 'dest', newLocation: { slotName: '5' }, strategy: 'usingGripper' }), 'Moving Corning 96 Well Plate 360 µL Flat using gripper from Slot 2 to Slot 5');
  });

  it('flow: waits and pauses (JSON `delay` arrives as one of them)', () => {
    assert.equal(text('waitForDuration', { seconds: 42, message: null }), 'Pausing for 42 seconds. ');
    assert.equal(text('waitForDuration', { seconds: 61.5, message: 'let it settle' }), 'Pausing for 61.5 seconds. let it settle');
    assert.equal(text('waitForResume', { message: 'pause command' }), 'pause command');
    assert.equal(text('waitForResume', { message: null }), 'Pausing protocol');
    assert.equal(text('comment', { message: 'hello' }), 'hello');
  });

  it('modules', () => {
    assert.equal(text('temperatureModule/setTargetTemperature', { moduleId: 'temp', celsius: 4.4 }), 'Setting Temperature Module to 4.4°C (rounded to nearest integer)');
    assert.equal(text('temperatureModule/waitForTemperature', { moduleId: 'temp', celsius: 40 }), 'Waiting for Temperature Module to reach 40°C');
    assert.equal(text('temperatureModule/deactivate', { moduleId: 'temp' }), 'Deactivating Temperature Module');
    assert.equal(text('magneticModule/engage', { moduleId: 'mag', height: 10 }), 'Engaging Magnetic Module');
    assert.equal(text('magneticModule/disengage', { moduleId: 'mag' }), 'Disengaging Magnetic Module');
    assert.equal(text('thermocycler/openLid', { moduleId: 'tc' }), 'Opening Thermocycler lid');
    assert.equal(text('thermocycler/closeLid', { moduleId: 'tc' }), 'Closing Thermocycler lid');
    assert.equal(text('thermocycler/setTargetLidTemperature', { moduleId: 'tc', celsius: 40 }), 'Setting Thermocycler lid temperature to 40°C');
    assert.equal(text('thermocycler/waitForLidTemperature', { moduleId: 'tc' }), 'Waiting for Thermocycler lid to reach target temperature');
    assert.equal(
      text('thermocycler/setTargetBlockTemperature', { moduleId: 'tc', celsius: 4, holdTimeSeconds: null }),
      'Setting Thermocycler block temperature to 4°C with hold time of 0 seconds after target reached',
    );
    assert.equal(text('thermocycler/waitForBlockTemperature', { moduleId: 'tc' }), 'Waiting for Thermocycler block to reach target temperature and holding for specified time');
    assert.equal(text('thermocycler/deactivateBlock', { moduleId: 'tc' }), 'Deactivating Thermocycler block');
    assert.equal(text('thermocycler/deactivateLid', { moduleId: 'tc' }), 'Deactivating Thermocycler lid');
    assert.equal(
      text('thermocycler/runProfile', { moduleId: 'tc', profile: [{ celsius: 95, holdSeconds: 30 }, { celsius: 55.5, holdSeconds: 45 }], blockMaxVolumeUl: null }),
      'Thermocycler starting 2 repetitions of cycle composed of the following steps: temperature: 95°C, seconds: 30 temperature: 55.5°C, seconds: 45',
    );
    assert.equal(text('heaterShaker/setTargetTemperature', { moduleId: 'hs', celsius: 40 }), 'Setting Target Temperature of Heater-Shaker to 40°C');
    assert.equal(text('heaterShaker/waitForTemperature', { moduleId: 'hs', celsius: null }), 'Waiting for Heater-Shaker to reach target temperature');
    assert.equal(text('heaterShaker/setAndWaitForShakeSpeed', { moduleId: 'hs', rpm: 500 }), 'Setting Heater-Shaker to shake at 500 rpm and waiting until reached');
    assert.equal(text('heaterShaker/deactivateShaker', { moduleId: 'hs' }), 'Deactivating shaker');
    assert.equal(text('heaterShaker/deactivateHeater', { moduleId: 'hs' }), 'Deactivating heater');
    assert.equal(text('heaterShaker/closeLabwareLatch', { moduleId: 'hs' }), 'Latching labware on Heater-Shaker');
    assert.equal(text('heaterShaker/openLabwareLatch', { moduleId: 'hs' }), 'Unlatching labware on Heater-Shaker');
  });

  it('the entry names the robot backend goes by: tips on and off, pauses', () => {
    assert.equal(entryName({ commandType: 'pickUpTip', params: {} }), 'command.PICK_UP_TIP');
    assert.equal(entryName({ commandType: 'dropTip', params: {} }), 'command.DROP_TIP');
    assert.equal(entryName({ commandType: 'waitForResume', params: {} }), 'command.PAUSE');
    assert.equal(entryName({ commandType: 'moveLabware', params: { strategy: 'manualMoveWithPause' } }), 'command.PAUSE');
    assert.equal(entryName({ commandType: 'moveLabware', params: { strategy: 'manualMoveWithoutPause' } }), 'command.moveLabware');
    assert.equal(entryName({ commandType: 'aspirate', params: {} }), 'command.aspirate');
  });
});

describe('run logs of whole fixtures', () => {
  const run = (id: string) => executeEngineJson(bundleOf(id.split('/')[1], readFileSync(jsonProtocolFixture(id))), { mode: 'analyze' });

  it('8/simpleV8: one line per command, the engine’s initial home first', async () => {
    const a = await run('8/simpleV8.json');
    assert.deepEqual(lines(a), [
      'Homing all gantry, pipette, and plunger axes',
      'Load P10 Single-Channel GEN1 in Left Mount',
      'Load Magnetic Module GEN2 in Slot 3',
      'Load Temperature Module GEN2 in Slot 1',
      'Load Source Plate in Temperature Module GEN2 in Slot 1',
      'Load Sample Collection Plate in Magnetic Module GEN2 in Slot 3',
      'Load Opentrons 96 Tip Rack 10 µL in Slot 8',
      'Load Fixed Trash in Slot 12',
      'Load Water into Source Plate',
      'Homing all gantry, pipette, and plunger axes',
      'Picking up tip(s) from B1 of Opentrons 96 Tip Rack 10 µL in Slot 8',
      'Aspirating 5 µL from well A1 of Source Plate in Temperature Module GEN2 in Slot 1 at 3 µL/sec',
      'Pausing for 42 seconds. ',
      'Dispensing 4.5 µL into well B1 of Sample Collection Plate in Magnetic Module GEN2 in Slot 3 at 2.5 µL/sec',
      'Touching tip',
      'Blowing out at well B1 of Sample Collection Plate in Magnetic Module GEN2 in Slot 3 at 2 µL/sec',
      'Moving to (X: 100, Y: 100, Z: 100)',
      'Moving to well B2 of Sample Collection Plate in Magnetic Module GEN2 in Slot 3',
      'Moving to well B2 of Sample Collection Plate in Magnetic Module GEN2 in Slot 3',
      'Dropping tip in A1 of Fixed Trash',
      'pause command',
      'Moving to (X: 0, Y: 0, Z: 0)',
      'Moving 1 mm along x axis',
      'Moving 0.1 mm along y axis',
      'Saving position',
      'Moving 10 mm along z axis',
      'Saving position',
    ]);
    assert.equal(a.runLog.length, a.commandCount);
    assert.ok(a.runLog.every((e, i) => e.index === i && e.level === 0 && e.line === null));
  });

  it('each line carries its command’s modeled time; together they are the estimate', async () => {
    const a = await run('8/simpleV8.json');
    const wait = a.runLog[12];
    assert.equal(wait.name, 'command.waitForDuration');
    assert.ok(Math.abs(wait.durationS - 42) < 1e-9, String(wait.durationS));
    assert.equal(a.runLog[0].durationS, 12, 'the initial home');
    assert.equal(a.runLog[1].durationS, 0, 'a load takes no time');
    for (let i = 1; i < a.runLog.length; i++) {
      const prev = a.runLog[i - 1];
      assert.ok(Math.abs(a.runLog[i].startS - (prev.startS + prev.durationS)) < 1e-9, `entry ${i} starts where ${i - 1} ends`);
    }
    const last = a.runLog.at(-1);
    assert.ok(last !== undefined && Math.abs(last.startS + last.durationS - a.estimatedDurationSeconds) < 1e-9);
    assert.ok(a.estimatedDurationSeconds > 84 && a.estimatedDurationSeconds < 86, String(a.estimatedDurationSeconds));
  });

  it('a failed command has its line, and it is the last', async () => {
    const a = await run('6/oneTiprack.json');
    assert.equal(a.runLog.length, 3);
    assert.equal(a.runLog[2].text, 'Load Fixed Trash in Slot 12');
  });
});
