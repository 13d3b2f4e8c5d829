import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProtocolApiError } from '../../src/engine/index.ts';
import { basic, engine, texts, throwsPy, well } from './helpers.ts';

describe('liquid handling texts and rules', () => {
  it('aspirate/dispense texts, defaults and flow rates by apiLevel', () => {
    const { e, p, plate } = basic('2.11');
    e.pickUpTip(p);
    e.aspirate(p, 100, well(plate, 'A1'));
    e.dispense(p, null, well(plate, 'B1'), 0.3);
    e.aspirate(p, 10.123456789, well(plate, 'A1'));
    e.aspirate(p, 10, null);
    e.dispense(p, 50, well(plate, 'B1'), 2);
    assert.deepEqual(texts(e).slice(1), [
      'Aspirating 100.0 uL from A1 of Corning 96 Well Plate 360 µL Flat on 1 at 92.86 uL/sec',
      'Dispensing 100.0 uL into B1 of Corning 96 Well Plate 360 µL Flat on 1 at 27.858 uL/sec',
      'Aspirating 10.123456789 uL from A1 of Corning 96 Well Plate 360 µL Flat on 1 at 92.86 uL/sec',
      'Aspirating 10.0 uL from A1 of Corning 96 Well Plate 360 µL Flat on 1 at 92.86 uL/sec',
      'Dispensing 50.0 uL into B1 of Corning 96 Well Plate 360 µL Flat on 1 at 185.72 uL/sec',
    ]);
    assert.equal(e.pipetteState(p).currentVolume, 0);
    const old = basic('2.5');
    assert.equal(old.e.pipetteState(old.p).flowRate.aspirate, 46.43);
  });

  it('aspirate() with no volume fills the tip; errors and their order', () => {
    const { e, p, plate, tips } = basic();
    throwsPy(() => e.aspirate(p, 10), 'RuntimeError', /^If aspirate is called without an explicit location/);
    throwsPy(() => e.aspirate(p, 10, well(plate, 'A1')), 'NoTipAttachedError', 'Cannot perform PREPARE_ASPIRATE without a tip attached');
    e.pickUpTip(p);
    throwsPy(() => e.aspirate(p, 10, well(tips, 'A1')), 'RuntimeError', 'Cannot aspirate a tiprack');
    e.aspirate(p, 0, well(plate, 'A1'));
    assert.equal(texts(e).at(-1), 'Aspirating 300.0 uL from A1 of Corning 96 Well Plate 360 µL Flat on 1 at 92.86 uL/sec');
    throwsPy(() => e.aspirate(p, 1), 'AssertionError', 'Cannot aspirate more than pipette max volume');
    throwsPy(
      () => e.aspirate(p, 1, { kind: 'location', point: { x: 1, y: 2, z: 3 }, ref: { kind: 'none' } }),
      'AttributeError',
      "'NoneType' object has no attribute 'parent'",
    );
  });

  it('mix nests its aspirates and dispenses', () => {
    const { e, p, plate } = basic();
    e.pickUpTip(p);
    e.mix(p, 2, 5, well(plate, 'A1'));
    assert.deepEqual(texts(e).slice(1), [
      'Mixing 2 times with a volume of 5.0 ul',
      '\tAspirating 5.0 uL from A1 of Corning 96 Well Plate 360 µL Flat on 1 at 92.86 uL/sec',
      '\tDispensing 5.0 uL into A1 of Corning 96 Well Plate 360 µL Flat on 1 at 92.86 uL/sec',
      '\tAspirating 5.0 uL from A1 of Corning 96 Well Plate 360 µL Flat on 1 at 92.86 uL/sec',
      '\tDispensing 5.0 uL into A1 of Corning 96 Well Plate 360 µL Flat on 1 at 92.86 uL/sec',
    ]);
    const fresh = basic();
    throwsPy(() => fresh.e.mix(fresh.p, 1, 5, well(fresh.plate, 'A1')), 'NoTipAttachedError', 'Pipette has no tip. Aborting mix()');
    assert.equal(fresh.e.runLog.length, 0);
  });

  it('an exception inside a logged command leaves the level raised', () => {
    const { e, p, plate } = basic();
    e.pickUpTip(p);
    e.beginCommand('command.TRANSFER', 'Transferring 50.0 from A1 to B1');
    assert.throws(() => e.aspirate(p, 500, well(plate, 'A1')), ProtocolApiError);
    e.comment('after');
    e.dispense(p, 1, well(plate, 'B1'));
    assert.deepEqual(texts(e).slice(1), [
      'Transferring 50.0 from A1 to B1',
      '\tAspirating 500.0 uL from A1 of Corning 96 Well Plate 360 µL Flat on 1 at 92.86 uL/sec',
      '\t\tafter',
      '\t\tDispensing 1.0 uL into B1 of Corning 96 Well Plate 360 µL Flat on 1 at 92.86 uL/sec',
    ]);
  });

  it('air gap, blow out, touch tip, move_to, home', () => {
    const { e, p, plate } = basic();
    e.pickUpTip(p);
    e.aspirate(p, 50, well(plate, 'A1'));
    e.airGap(p, 10);
    e.touchTip(p);
    e.blowOut(p, well(plate, 'B1'));
    e.moveTo(p, { kind: 'location', point: { x: 100, y: 100, z: 50 }, ref: { kind: 'none', text: '(100, 100, 50)' } });
    e.moveTo(p, { kind: 'location', point: e.slotPosition(5), ref: { kind: 'slot', slot: '5' } });
    e.homePipette(p);
    assert.deepEqual(texts(e).slice(2), [
      'Air gap',
      '\tAspirating 10.0 uL from A1 of Corning 96 Well Plate 360 µL Flat on 1 at 92.86 uL/sec',
      'Touching tip',
      'Blowing out at B1 of Corning 96 Well Plate 360 µL Flat on 1',
      'Moving to (100, 100, 50)',
      'Moving to 5',
      'Homing pipette plunger on mount right',
    ]);
  });

  it('touch_tip logs before failing without a tip', () => {
    const { e, p, plate } = basic();
    throwsPy(() => e.touchTip(p, well(plate, 'A1')), 'NoTipAttachedError', 'Pipette has no tip to touch_tip()');
    assert.deepEqual(texts(e), ['Touching tip']);
  });

  it('protocol commands: comment, pause, resume, delay', () => {
    const e = engine();
    e.comment('hello');
    e.pause();
    e.pause('why');
    e.resume();
    e.delay();
    e.delay(90, 0, 'hi');
    e.delay(125.12345, 2);
    assert.deepEqual(texts(e), [
      'hello',
      'Pausing robot operation',
      'Pausing robot operation: why',
      'Resuming robot operation',
      'Delaying for 0 minutes and 0.0 seconds',
      'Delaying for 1 minutes and 30.0 seconds. hi',
      'Delaying for 4 minutes and 5.123 seconds',
    ]);
    assert.equal(e.runLog[6].startS, 90);
    assert.ok(Math.abs(e.runLog[6].durationS - 245.12345) < 1e-9);
  });
});

describe('loading', () => {
  it('labware lookup errors and deck conflicts', () => {
    const e = engine();
    throwsPy(() => e.loadLabware('no_such_labware_xyz', 1), 'FileNotFoundError', /^Unable to find a labware\n {8}definition for "no_such_labware_xyz",\n {8}version 1, in the opentrons namespace\./);
    throwsPy(() => e.loadLabware('biorad_384_wellplate_50ul', 1), 'FileNotFoundError', /definition for "biorad_384_wellplate_50ul"/);
    throwsPy(
      () => e.loadLabware('corning_96_wellplate_360ul_flat', 1, null, 'opentrons', 2),
      'FileNotFoundError',
      'Labware "corning_96_wellplate_360ul_flat" not found with version 2 in namespace "opentrons".',
    );
    const lw = e.loadLabware('Corning_96_Wellplate_360ul_Flat', '3', 'My Plate');
    assert.equal(lw.displayName, 'My Plate on 3');
    assert.equal(lw.wells[0].displayName, 'A1 of My Plate on 3');
    assert.deepEqual(lw.wells[0].top, { x: 265 + 14.38, y: 74.24, z: 14.219999999999999 });
    throwsPy(() => e.loadLabware('corning_96_wellplate_360ul_flat', 13), 'ValueError', 'Unknown slot: 13');
    throwsPy(() => e.loadLabware('corning_96_wellplate_360ul_flat', 3), 'ValueError', /^Deck location 3 already {2}has an item: <opentrons/);
    // Slot 12 replaces the fixed trash.
    const trash = e.loadLabware('opentrons_1_trash_1100ml_fixed', 12, 'Trash');
    assert.equal(e.fixedTrash(), trash.labwareId);
  });

  it('pipettes: names, mounts, replacement', () => {
    const e = engine();
    throwsPy(() => e.loadInstrument('p300_single_v2.0', 'left'), 'RuntimeError', 'p300_single_v2.0 is not a valid pipette name');
    throwsPy(() => e.loadInstrument('p300_single', 'middle'), 'ValueError', /should be either'left' or 'right' .* not middle$/);
    const p = e.loadInstrument('p300_multi_gen2', 'LEFT');
    assert.equal(p.model, 'p300_multi_v2.0');
    assert.equal(p.returnTipHeight, 0.4);
    assert.equal(e.pipetteState(p.pipetteId).flowRate.aspirate, 94);
    throwsPy(() => e.loadInstrument('p10_single', 'left'), 'RuntimeError', 'Instrument already present in left mount: p300_multi_gen2');
    assert.equal(e.loadInstrument('p10_single', 'left', null, true).model, 'p10_single_v1');
  });

  it('modules: aliases, slots, display names by apiLevel', () => {
    const e = engine('2.2');
    assert.equal(e.loadModule('MagDeck', 1).displayName, 'Magnetic Module on 1');
    throwsPy(() => e.loadModule('magnetic module gen2', 2), 'NoSuchModuleError', /does not support the module Magnetic Module GEN2/);
    const e2 = engine('2.11');
    throwsPy(() => e2.loadModule('tempdeck'), 'AssertionError', 'Temperature Modules do not have default location, you must specify a slot');
    throwsPy(() => e2.loadModule('thermocycler', 1), 'AssertionError', 'A Thermocycler cannot be loaded into slot 1');
    const tc = e2.loadModule('thermocycler');
    assert.equal(tc.displayName, 'Thermocycler Module on 7');
    throwsPy(() => e2.loadLabware('corning_96_wellplate_360ul_flat', 8), 'ValueError', /is obscured by Thermocycler Module on 7$/);
    const lw = e2.moduleLoadLabware(tc.moduleId, 'nest_96_wellplate_100ul_pcr_full_skirt');
    assert.equal(lw.displayName, 'NEST 96 Well Plate 100 µL PCR Full Skirt on Thermocycler Module on 7');
    throwsPy(() => e2.moduleLoadLabware(tc.moduleId, 'nest_96_wellplate_100ul_pcr_full_skirt'), 'AssertionError', /is already on this module$/);
    assert.deepEqual(e2.requiredEquipment().labware.map((l) => [l.label, l.location]), [
      ['nest_96_wellplate_100ul_pcr_full_skirt', 7],
      ['opentrons_1_trash_1100ml_fixed', 12],
    ]);
  });
});

describe('module commands', () => {
  it('temperature module texts round half to even', () => {
    const e = engine();
    const t = e.loadModule('temperature module gen2', 3).moduleId;
    e.temperatureSetTemperature(t, 37.5);
    e.temperatureSetTemperature(t, 4.5, false);
    e.temperatureAwait(t, 4);
    e.temperatureDeactivate(t);
    assert.deepEqual(texts(e), [
      'Setting Temperature Module temperature to 38.0 °C (rounded off to nearest integer)',
      'Setting Temperature Module temperature to 4.0 °C (rounded off to nearest integer)',
      'Waiting for Temperature Module to reach temperature 4.0 °C (rounded off to nearest integer)',
      'Deactivating Temperature Module',
    ]);
    assert.ok(e.runLog[0].durationS > 0, 'heating takes modeled time');
  });

  it('start_set_temperature below 2.3 logs, then raises APIVersionError', () => {
    const e = engine('2.2');
    const t = e.loadModule('tempdeck', 3).moduleId;
    throwsPy(() => e.temperatureSetTemperature(t, 4, false), 'APIVersionError', /^TemperatureModuleContext\.start_set_temperature was added in 2\.3/);
    assert.equal(texts(e).length, 1);
  });

  it('magnetic engage heights and limits', () => {
    const e = engine();
    const m = e.loadModule('magnetic module gen2', 1).moduleId;
    e.moduleLoadLabware(m, 'nest_96_wellplate_100ul_pcr_full_skirt');
    e.magneticEngage(m);
    const s = e.moduleState(m);
    assert.deepEqual(s, { kind: 'magnetic', height: 10, status: 'engaged' });
    throwsPy(() => e.magneticEngage(m, { height: 30 }), 'ValueError', 'Invalid engage height for magneticModuleV2: 30 mm. Must be 0 - 25 mm');
    assert.deepEqual(texts(e), ['Engaging Magnetic Module', 'Engaging Magnetic Module']);
  });

  it('thermocycler texts and the nested clearance move', () => {
    const e = engine();
    e.loadInstrument('p300_single_gen2', 'left');
    const tc = e.loadModule('thermocycler').moduleId;
    e.thermocyclerCloseLid(tc);
    e.thermocyclerSetBlockTemperature(tc, 95, 30);
    e.thermocyclerSetBlockTemperature(tc, 4, null, 5);
    e.thermocyclerSetBlockTemperature(tc, 72, 10, 1.5);
    e.thermocyclerSetLidTemperature(tc, 105);
    e.thermocyclerExecuteProfile(tc, [{ temperature: 95, hold_time_seconds: 10 }, { temperature: 60, hold_time_minutes: 0.5 }], 2);
    throwsPy(() => e.thermocyclerExecuteProfile(tc, [], 0), 'ValueError', 'repetitions must be a positive integer');
    assert.deepEqual(texts(e).slice(0, 7), [
      'Closing Thermocycler lid',
      '\tMoving to (347.84000000000003, 351.5, 247.45)',
      'Setting Thermocycler well block temperature to 95.0 °C with a hold time of 30 seconds',
      'Setting Thermocycler well block temperature to 4.0 °C with a hold time of 5.0 minutes and 0 seconds',
      'Setting Thermocycler well block temperature to 72.0 °C with a hold time of 1.0 minutes and 40.0 seconds',
      'Setting Thermocycler lid temperature to 105.0 °C',
      "Thermocycler starting 2 repetitions of cycle composed of the following steps: [{'temperature': 95, 'hold_time_seconds': 10}, {'temperature': 60, 'hold_time_minutes': 0.5}]",
    ]);
  });
});
