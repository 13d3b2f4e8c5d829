// apiLevel 2.16–2.19 on an OT-2 (python-protocol-api 2.12–2.19, §B.2.16–§B.2.19): the fixed trash
// as a TrashBin with its run-log texts and alternating drops, volume 0 meaning 0, the 2.17
// dispense check, prepare_to_aspirate / active_channels / configure_nozzle_layout, TrashBin.top and
// _retract at 2.18, tip lengths unchanged at 2.19. Each item with its exact texts and the version
// error one level below. Run logs compared line for line.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Analysis } from '../../../src/common/index.ts';
import { sharedDefinitions } from '../../../src/definitions/index.ts';
import { ProtocolEngine } from '../../../src/engine/index.ts';
import { analyze, protocol, service } from '../helpers.ts';
import { lines, probeFunction } from './helpers.ts';

const svc = service();
after(() => svc.close());

/** A protocol whose `tryit(f)` comments `ok` or the exception as `{Class}: {message}`. */
function probing(body: string, level: string): string {
  return protocol(`${probeFunction('tryit(f)')}\n${body}`, level);
}

/** The `alternateDropLocation` of each drop into the trash bin, in order. */
function alternations(a: Analysis): unknown[] {
  return (a.commands ?? []).filter((c) => c.commandType === 'moveToAddressableAreaForDropTip').map((c) => c.params.alternateDropLocation);
}

const SETUP = `
tips = ctx.load_labware('opentrons_96_tiprack_300ul', 1)
plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2)
p = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])
`;

const version = (member: string, added: string, level: string): string =>
  `APIVersionError: ${member} was added in ${added}, but your protocol requested version ${level}. You must increase your API version to ${added} to use this functionality.`;

// A real-world-style protocol at 2.16: a distribute blowing out into the trash, drops without a
// location (alternating), a dispense into the trash bin.
const REAL_WORLD = `
tips = ctx.load_labware('opentrons_96_tiprack_300ul', 1)
res = ctx.load_labware('nest_12_reservoir_15ml', 2)
plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 3, 'Dilution Plate')
p300 = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])
p300.distribute(50, res['A1'], [plate['A1'], plate['A2'], plate['A3']], blow_out=True, blowout_location='trash')
for i in range(2):
    p300.pick_up_tip()
    p300.aspirate(100, res['A2'])
    p300.dispense(60, plate.wells()[i * 8])
    p300.dispense(40, ctx.fixed_trash)
    p300.drop_tip()
p300.transfer(30, plate['A1'], plate['A2'], mix_after=(2, 20))
`;

const REAL_WORLD_LOG = [
  'Distributing 50.0 from A1 of NEST 12 Well Reservoir 15 mL on slot 2 to A1 of Dilution Plate on slot 3',
  '\tTransferring 50.0 from A1 of NEST 12 Well Reservoir 15 mL on slot 2 to A1 of Dilution Plate on slot 3',
  '\t\tPicking up tip from A1 of Opentrons OT-2 96 Tip Rack 300 µL on slot 1',
  '\t\tAspirating 170.0 uL from A1 of NEST 12 Well Reservoir 15 mL on slot 2 at 92.86 uL/sec',
  '\t\tDispensing 50.0 uL into A1 of Dilution Plate on slot 3 at 92.86 uL/sec',
  '\t\tDispensing 50.0 uL into A2 of Dilution Plate on slot 3 at 92.86 uL/sec',
  '\t\tDispensing 50.0 uL into A3 of Dilution Plate on slot 3 at 92.86 uL/sec',
  '\t\tBlowing out into Trash Bin on slot 12',
  '\t\tDropping tip into Trash Bin on slot 12',
  'Picking up tip from B1 of Opentrons OT-2 96 Tip Rack 300 µL on slot 1',
  'Aspirating 100.0 uL from A2 of NEST 12 Well Reservoir 15 mL on slot 2 at 92.86 uL/sec',
  'Dispensing 60.0 uL into A1 of Dilution Plate on slot 3 at 92.86 uL/sec',
  'Dispensing 40.0 uL into Trash Bin on slot 12 at 92.86 uL/sec',
  'Dropping tip into Trash Bin on slot 12',
  'Picking up tip from C1 of Opentrons OT-2 96 Tip Rack 300 µL on slot 1',
  'Aspirating 100.0 uL from A2 of NEST 12 Well Reservoir 15 mL on slot 2 at 92.86 uL/sec',
  'Dispensing 60.0 uL into A2 of Dilution Plate on slot 3 at 92.86 uL/sec',
  'Dispensing 40.0 uL into Trash Bin on slot 12 at 92.86 uL/sec',
  'Dropping tip into Trash Bin on slot 12',
  'Transferring 30.0 from A1 of Dilution Plate on slot 3 to A2 of Dilution Plate on slot 3',
  '\tPicking up tip from D1 of Opentrons OT-2 96 Tip Rack 300 µL on slot 1',
  '\tAspirating 30.0 uL from A1 of Dilution Plate on slot 3 at 92.86 uL/sec',
  '\tDispensing 30.0 uL into A2 of Dilution Plate on slot 3 at 92.86 uL/sec',
  '\tMixing 2 times with a volume of 20.0 ul',
  '\t\tAspirating 20.0 uL from A2 of Dilution Plate on slot 3 at 92.86 uL/sec',
  '\t\tDispensing 20.0 uL into A2 of Dilution Plate on slot 3 at 92.86 uL/sec',
  '\t\tAspirating 20.0 uL from A2 of Dilution Plate on slot 3 at 92.86 uL/sec',
  '\t\tDispensing 20.0 uL into A2 of Dilution Plate on slot 3 at 92.86 uL/sec',
  '\tDropping tip into Trash Bin on slot 12',
];

describe('2.16: the fixed trash is a TrashBin (§B.2.16)', () => {
  it('runs a real-world protocol with trash blow-outs, alternating drops and a dispense into the bin', async () => {
    const a = await analyze(svc, protocol(REAL_WORLD, '2.16'));
    assert.deepEqual(a.errors, []);
    assert.deepEqual(lines(a), REAL_WORLD_LOG);
    // Every drop went through the engine's alternating move, right of the centre, then left.
    assert.deepEqual(alternations(a), [true, true, true, true]);
    const spots = (a.commands ?? []).filter((c) => c.commandType === 'moveToAddressableAreaForDropTip').map((c) => (c.result as { position: { x: number } }).position.x);
    assert.deepEqual(spots, [363.895, 331.785, 363.895, 331.785]);
    const dropped = (a.commands ?? []).filter((c) => c.commandType === 'dropTipInPlace');
    assert.equal(dropped.length, 4);
  });

  it('prints the same protocol at 2.19 line for line', async () => {
    const a = await analyze(svc, protocol(REAL_WORLD, '2.19'));
    assert.deepEqual(a.errors, []);
    assert.deepEqual(lines(a), REAL_WORLD_LOG);
    assert.deepEqual(alternations(a), [true, true, true, true]);
  });

  it('is a plain object: not subscriptable, no wells, not loaded labware, not on the deck', async () => {
    const a = await analyze(
      svc,
      probing(
        `${SETUP}
t = ctx.fixed_trash
ctx.comment(type(t).__name__ + ' ' + type(t).__module__)
ctx.comment(str(p.trash_container is t) + ' ' + str(ctx.fixed_trash is t))
ctx.comment(str(str(t).startswith('<opentrons.protocol_api.disposal_locations.TrashBin object at 0x')))
from opentrons.protocol_api import TrashBin
ctx.comment(str(isinstance(t, TrashBin)))
tryit(lambda: t['A1'])
tryit(lambda: t.wells())
tryit(lambda: ctx.loaded_labwares[12])
tryit(lambda: ctx.deck['12'])
tryit(lambda: ctx.load_labware('corning_96_wellplate_360ul_flat', 12))
tryit(lambda: ctx.load_module('temperature module gen2', 12))`,
        '2.16',
      ),
    );
    assert.deepEqual(a.errors, []);
    assert.deepEqual(lines(a), [
      'TrashBin opentrons.protocol_api.disposal_locations',
      'True True',
      'True',
      'True',
      "TypeError: 'TrashBin' object is not subscriptable",
      "AttributeError: 'TrashBin' object has no attribute 'wells'",
      'KeyError: 12',
      'ok',
      'ProtocolCommandFailedError: Error 4000 GENERAL_ERROR (ProtocolCommandFailedError): IncompatibleAddressableAreaError: Cannot use Slot 12, not compatible with one or more of the following fixtures: Slot 12/Fixed Trash',
      'ProtocolCommandFailedError: Error 4000 GENERAL_ERROR (ProtocolCommandFailedError): IncompatibleAddressableAreaError: Cannot use Slot 12, not compatible with one or more of the following fixtures: Slot 12/Fixed Trash',
    ]);
  });

  it('is still the fixed-trash labware at 2.15', async () => {
    const a = await analyze(
      svc,
      probing(
        `${SETUP}
t = ctx.fixed_trash
ctx.comment(type(t).__name__ + ' ' + str(t['A1']) + ' ' + str(ctx.deck['12'] is t) + ' ' + str(12 in ctx.loaded_labwares))
p.pick_up_tip()
p.drop_tip()`,
        '2.15',
      ),
    );
    assert.deepEqual(a.errors, []);
    assert.deepEqual(lines(a), [
      'Labware A1 of Opentrons Fixed Trash on slot 12 True True',
      'Picking up tip from A1 of Opentrons OT-2 96 Tip Rack 300 µL on slot 1',
      'Dropping tip into A1 of Opentrons Fixed Trash on slot 12',
    ]);
  });

  it('takes dispense, blow_out, drop_tip and move_to; aspirate refuses it before any entry', async () => {
    const a = await analyze(
      svc,
      probing(
        `${SETUP}
t = ctx.fixed_trash
p.pick_up_tip()
p.aspirate(100, plate['A1'])
tryit(lambda: p.aspirate(10, t))
p.dispense(50, t)
p.blow_out(t)
p.move_to(t)
p.move_to(t, publish=False)
p.drop_tip(t)`,
        '2.16',
      ),
    );
    assert.deepEqual(a.errors, []);
    assert.deepEqual(lines(a), [
      'Picking up tip from A1 of Opentrons OT-2 96 Tip Rack 300 µL on slot 1',
      'Aspirating 100.0 uL from A1 of Corning 96 Well Plate 360 µL Flat on slot 2 at 92.86 uL/sec',
      'ValueError: Trash Bin and Waste Chute are not acceptable location parameters for Aspirate commands.',
      'Dispensing 50.0 uL into Trash Bin on slot 12 at 92.86 uL/sec',
      'Blowing out into Trash Bin on slot 12',
      'Moving to Trash Bin on slot 12',
      'Dropping tip into Trash Bin on slot 12',
    ]);
    const names = a.runLog.map((e) => e.name);
    assert.deepEqual(names.slice(3), [
      'command.DISPENSE_IN_DISPOSAL_LOCATION',
      'command.BLOW_OUT_IN_DISPOSAL_LOCATION',
      'command.MOVE_TO_DISPOSAL_LOCATION',
      'command.DROP_TIP_IN_DISPOSAL_LOCATION',
    ]);
    // Dispense, blow-out and move_to go to the bin's centre; the engine's commands in place follow.
    const types = (a.commands ?? []).map((c) => c.commandType);
    for (const expected of ['moveToAddressableArea', 'dispenseInPlace', 'blowOutInPlace', 'moveToAddressableAreaForDropTip', 'dropTipInPlace']) {
      assert.ok(types.includes(expected), expected);
    }
  });

  it('uses the first well of a labware trash_container as before', async () => {
    const a = await analyze(
      svc,
      protocol(
        `${SETUP}
res = ctx.load_labware('nest_1_reservoir_195ml', 3)
p.trash_container = res
p.pick_up_tip()
p.drop_tip()
p.trash_container = ctx.fixed_trash
p.pick_up_tip()
p.drop_tip()`,
        '2.16',
      ),
    );
    assert.deepEqual(a.errors, []);
    assert.deepEqual(lines(a), [
      'Picking up tip from A1 of Opentrons OT-2 96 Tip Rack 300 µL on slot 1',
      'Dropping tip into A1 of NEST 1 Well Reservoir 195 mL on slot 3',
      'Picking up tip from B1 of Opentrons OT-2 96 Tip Rack 300 µL on slot 1',
      'Dropping tip into Trash Bin on slot 12',
    ]);
  });

  const DROPS = `${SETUP}
p.pick_up_tip()
p.drop_tip()
p.pick_up_tip()
p.drop_tip(ctx.fixed_trash)
p.pick_up_tip()
p.drop_tip()`;

  it('alternates drop_tip() and, at 2.16–2.17, drop_tip(ctx.fixed_trash)', async () => {
    for (const level of ['2.16', '2.17']) {
      const a = await analyze(svc, protocol(DROPS, level));
      assert.deepEqual(a.errors, []);
      assert.deepEqual(alternations(a), [true, true, true], level);
    }
  });

  it('from 2.18 an explicit trash bin no longer alternates; drop_tip() still does', async () => {
    const a = await analyze(svc, protocol(DROPS, '2.18'));
    assert.deepEqual(a.errors, []);
    assert.deepEqual(alternations(a), [true, false, true]);
    const drops = (a.commands ?? []).filter((c) => c.commandType === 'moveToAddressableAreaForDropTip');
    // The explicit bin goes to its centre; the two implicit drops take the right, then the left spot.
    assert.deepEqual(
      drops.map((c) => (c.result as { position: { x: number } }).position.x),
      [363.895, 347.84, 331.785],
    );
  });
});

describe('2.16: volume 0 means 0', () => {
  const BODY = `${SETUP}
p.pick_up_tip()
p.aspirate(100, plate['A1'])
p.aspirate(0, plate['A1'])
ctx.comment(repr(p.current_volume))
p.dispense(0, plate['A2'])
ctx.comment(repr(p.current_volume))
p.mix(2, 0, plate['A3'])
ctx.comment(repr(p.current_volume))`;

  it('at 2.16 aspirate(0), dispense(0) and mix(volume=0) move no liquid', async () => {
    const a = await analyze(svc, protocol(BODY, '2.16'));
    assert.deepEqual(a.errors, []);
    assert.deepEqual(lines(a), [
      'Picking up tip from A1 of Opentrons OT-2 96 Tip Rack 300 µL on slot 1',
      'Aspirating 100.0 uL from A1 of Corning 96 Well Plate 360 µL Flat on slot 2 at 92.86 uL/sec',
      'Aspirating 0.0 uL from A1 of Corning 96 Well Plate 360 µL Flat on slot 2 at 92.86 uL/sec',
      '100.0',
      'Dispensing 0.0 uL into A2 of Corning 96 Well Plate 360 µL Flat on slot 2 at 92.86 uL/sec',
      '100.0',
      'Mixing 2 times with a volume of 0.0 ul',
      '\tAspirating 0.0 uL from A3 of Corning 96 Well Plate 360 µL Flat on slot 2 at 92.86 uL/sec',
      '\tDispensing 0.0 uL into A3 of Corning 96 Well Plate 360 µL Flat on slot 2 at 92.86 uL/sec',
      '\tAspirating 0.0 uL from A3 of Corning 96 Well Plate 360 µL Flat on slot 2 at 92.86 uL/sec',
      '\tDispensing 0.0 uL into A3 of Corning 96 Well Plate 360 µL Flat on slot 2 at 92.86 uL/sec',
      '100.0',
    ]);
  });

  it('at 2.15 a volume of 0 is still the default (fill the tip, empty it)', async () => {
    const a = await analyze(svc, protocol(BODY.split('\np.mix')[0], '2.15'));
    assert.deepEqual(a.errors, []);
    assert.deepEqual(lines(a), [
      'Picking up tip from A1 of Opentrons OT-2 96 Tip Rack 300 µL on slot 1',
      'Aspirating 100.0 uL from A1 of Corning 96 Well Plate 360 µL Flat on slot 2 at 92.86 uL/sec',
      'Aspirating 200.0 uL from A1 of Corning 96 Well Plate 360 µL Flat on slot 2 at 92.86 uL/sec',
      '300.0',
      'Dispensing 300.0 uL into A2 of Corning 96 Well Plate 360 µL Flat on slot 2 at 92.86 uL/sec',
      '0',
    ]);
  });
});

describe('2.17: dispensing more than the tip holds raises (§B.2.17)', () => {
  const BODY = `${SETUP}
p.pick_up_tip()
p.aspirate(150, plate['A1'])
tryit(lambda: p.dispense(200, plate['A2']))
ctx.comment(repr(p.current_volume))
p.aspirate(50, plate['A1'])
tryit(lambda: p.dispense(250, ctx.fixed_trash))`;

  it('at 2.17 InvalidDispenseVolumeError follows the entry', async () => {
    const a = await analyze(svc, probing(BODY, '2.17'));
    assert.deepEqual(a.errors, []);
    const texts = a.runLog.map((e) => e.text);
    assert.deepEqual(texts, [
      'Picking up tip from A1 of Opentrons OT-2 96 Tip Rack 300 µL on slot 1',
      'Aspirating 150.0 uL from A1 of Corning 96 Well Plate 360 µL Flat on slot 2 at 92.86 uL/sec',
      'Dispensing 200.0 uL into A2 of Corning 96 Well Plate 360 µL Flat on slot 2 at 92.86 uL/sec',
      'ProtocolCommandFailedError: Error 4000 GENERAL_ERROR (ProtocolCommandFailedError): InvalidDispenseVolumeError: Cannot dispense 200.0 µL when only 150.0 µL has been aspirated.',
      '150.0',
      'Aspirating 50.0 uL from A1 of Corning 96 Well Plate 360 µL Flat on slot 2 at 92.86 uL/sec',
      'Dispensing 250.0 uL into Trash Bin on slot 12 at 92.86 uL/sec',
      'ProtocolCommandFailedError: Error 4000 GENERAL_ERROR (ProtocolCommandFailedError): InvalidDispenseVolumeError: Cannot dispense 250.0 µL when only 200.0 µL has been aspirated.',
    ]);
  });

  it('at 2.16 the entry shows the volume asked for and the tip is emptied', async () => {
    const a = await analyze(svc, probing(BODY, '2.16'));
    assert.deepEqual(a.errors, []);
    assert.deepEqual(lines(a), [
      'Picking up tip from A1 of Opentrons OT-2 96 Tip Rack 300 µL on slot 1',
      'Aspirating 150.0 uL from A1 of Corning 96 Well Plate 360 µL Flat on slot 2 at 92.86 uL/sec',
      'Dispensing 200.0 uL into A2 of Corning 96 Well Plate 360 µL Flat on slot 2 at 92.86 uL/sec',
      'ok',
      '0',
      'Aspirating 50.0 uL from A1 of Corning 96 Well Plate 360 µL Flat on slot 2 at 92.86 uL/sec',
      'Dispensing 250.0 uL into Trash Bin on slot 12 at 92.86 uL/sec',
      'ok',
    ]);
  });
});

describe('2.16: prepare_to_aspirate, active_channels, configure_nozzle_layout', () => {
  it('gives their results and exact errors at 2.16', async () => {
    const a = await analyze(
      svc,
      probing(
        `
tips = ctx.load_labware('opentrons_96_tiprack_20ul', 1)
plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2)
m = ctx.load_instrument('p20_multi_gen2', 'left', tip_racks=[tips])
s = ctx.load_instrument('p300_single_gen2', 'right')
from opentrons.protocol_api import COLUMN, ALL
ctx.comment(repr(m.active_channels) + ' ' + str(s.active_channels == 1))
tryit(lambda: m.configure_nozzle_layout(COLUMN))
tryit(lambda: m.configure_nozzle_layout(COLUMN, start='B1'))
tryit(lambda: m.configure_nozzle_layout(COLUMN, start='A1', tip_racks=[tips]))
ctx.comment(repr([r.load_name for r in m.tip_racks]))
tryit(lambda: m.configure_nozzle_layout(ALL))
ctx.comment(repr(m.tip_racks))
m.tip_racks = [tips]
m.pick_up_tip()
tryit(lambda: m.configure_nozzle_layout(ALL))
tryit(lambda: m.prepare_to_aspirate())
m.aspirate(10, plate['A1'])
tryit(lambda: m.prepare_to_aspirate())
m.dispense(10, plate['A2'])
tryit(lambda: m.prepare_to_aspirate())`,
        '2.16',
      ),
    );
    assert.deepEqual(a.errors, []);
    const texts = a.runLog.map((e) => e.text);
    assert.deepEqual(texts, [
      '8 True',
      'ValueError: Cannot configure a nozzle layout of style COLUMN without a starting nozzle.',
      "ValueError: Starting nozzle specified is not one of ['A1', 'H1', 'A12', 'H12']",
      'ok',
      "['opentrons_96_tiprack_20ul']",
      'ok',
      '[]',
      'Picking up tip from A1 of Opentrons OT-2 96 Tip Rack 20 µL on slot 1',
      texts[8],
      'ok',
      'Aspirating 10.0 uL from A1 of Corning 96 Well Plate 360 µL Flat on slot 2 at 7.6 uL/sec',
      'CommandPreconditionViolated: Error 4004 COMMAND_PRECONDITION_VIOLATED (CommandPreconditionViolated): Cannot prepare P20 8-Channel GEN2 on left mount for aspirate while it contains liquid.',
      'Dispensing 10.0 uL into A2 of Corning 96 Well Plate 360 µL Flat on slot 2 at 7.6 uL/sec',
      'ok',
    ]);
    assert.match(texts[8], /^ProtocolCommandFailedError: Error 4000 GENERAL_ERROR \(ProtocolCommandFailedError\): CommandPreconditionViolated: Cannot configure nozzle layout of <.+> while it has tips attached\.$/);
    assert.ok(a.runLog.every((e) => !e.text.startsWith('Preparing')), 'prepare_to_aspirate logs nothing');
  });

  it('are version errors at 2.15', async () => {
    const a = await analyze(
      svc,
      probing(
        `${SETUP}
from opentrons.protocol_api import ALL
tryit(lambda: p.prepare_to_aspirate())
tryit(lambda: p.active_channels)
tryit(lambda: p.configure_nozzle_layout(ALL))`,
        '2.15',
      ),
    );
    assert.deepEqual(lines(a), [
      version('InstrumentContext.prepare_to_aspirate', '2.16', '2.15'),
      version('InstrumentContext.active_channels', '2.16', '2.15'),
      version('InstrumentContext.configure_nozzle_layout', '2.16', '2.15'),
    ]);
  });
});

describe('2.18: TrashBin.top and _retract (§B.2.18)', () => {
  it('TrashBin.top(x, y, z) is a bin at that offset with the same texts', async () => {
    const a = await analyze(
      svc,
      probing(
        `${SETUP}
t = ctx.fixed_trash.top(x=5, z=-3)
from opentrons.protocol_api import TrashBin
ctx.comment(str(isinstance(t, TrashBin)) + ' ' + str(t is ctx.fixed_trash))
p.pick_up_tip()
p.aspirate(50, plate['A1'])
p.dispense(20, t)
p.blow_out(t)
p.move_to(t)
p.drop_tip(t)
tryit(lambda: p._retract())`,
        '2.18',
      ),
    );
    assert.deepEqual(a.errors, []);
    assert.deepEqual(lines(a), [
      'True False',
      'Picking up tip from A1 of Opentrons OT-2 96 Tip Rack 300 µL on slot 1',
      'Aspirating 50.0 uL from A1 of Corning 96 Well Plate 360 µL Flat on slot 2 at 92.86 uL/sec',
      'Dispensing 20.0 uL into Trash Bin on slot 12 at 92.86 uL/sec',
      'Blowing out into Trash Bin on slot 12',
      'Moving to Trash Bin on slot 12',
      'Dropping tip into Trash Bin on slot 12',
      'ok',
    ]);
    const drop = (a.commands ?? []).find((c) => c.commandType === 'moveToAddressableAreaForDropTip');
    assert.deepEqual(drop?.params.offset, { x: 5, y: 0, z: -3 });
    assert.equal(drop?.params.alternateDropLocation, false);
    assert.deepEqual((drop?.result as { position: unknown }).position, { x: 352.84, y: 351.5, z: 79 });
  });

  it('are version errors at 2.17', async () => {
    const a = await analyze(svc, probing(`${SETUP}\ntryit(lambda: ctx.fixed_trash.top())\ntryit(lambda: p._retract())`, '2.17'));
    assert.deepEqual(lines(a), [version('TrashBin.top', '2.18', '2.17'), version('InstrumentContext._retract', '2.18', '2.17')]);
  });
});

describe('2.19: tip-overlap v1 changes nothing for OT-2 pipettes (§B.2.19)', () => {
  // The spec's verified lengths of the attached tip after a pick-up, at 2.18 and 2.19 alike.
  const CASES: [string, string, number][] = [
    ['p300_single_gen2', 'opentrons_96_tiprack_300ul', 51.1],
    ['p20_multi_gen2', 'opentrons_96_tiprack_20ul', 30.95],
    ['p1000_single_gen2', 'opentrons_96_filtertiprack_1000ul', 76.5],
    ['p300_single', 'opentrons_96_tiprack_300ul', 51.83],
  ];

  it('gives the same tip lengths after pick-up at 2.18 and 2.19', () => {
    for (const [pipette, rack, length] of CASES) {
      for (const apiLevel of ['2.18', '2.19']) {
        const e = new ProtocolEngine({ apiLevel, definitions: sharedDefinitions() });
        const tips = e.run({ commandType: 'loadLabware', params: { location: { slotName: 1 }, loadName: rack } }) as { labwareId: string };
        const p = e.run({ commandType: 'loadPipette', params: { pipetteName: pipette, mount: 'right', tipRackIds: [tips.labwareId] } }) as { pipetteId: string };
        e.run({ commandType: 'pickUpTip', params: { pipetteId: p.pipetteId } });
        assert.ok(Math.abs(e.pipetteState(p.pipetteId).tipLength - length) < 1e-9, `${pipette} at ${apiLevel}: ${e.pipetteState(p.pipetteId).tipLength}`);
      }
    }
  });
});

describe('Part E: Flex-only features refused on an OT-2', () => {
  it('refuses each at its level with the exact texts', async () => {
    const a = await analyze(
      svc,
      probing(
        `
tryit(lambda: ctx.load_instrument('flex_1channel_1000', 'left'))
tryit(lambda: ctx.load_instrument('flex_8channel_50', 'left'))
tryit(lambda: ctx.load_instrument('flex_96channel_1000', 'left'))
ctx.load_instrument('p300_single_gen2', 'right')
tryit(lambda: ctx.load_instrument('flex_96channel_1000', 'left'))
tryit(lambda: ctx.load_module('magneticBlockV1', 1))
tryit(lambda: ctx.load_trash_bin('A3'))
tryit(lambda: ctx.load_waste_chute())
tryit(lambda: ctx.load_labware('corning_96_wellplate_360ul_flat', 'A4'))
tryit(lambda: ctx.load_labware('corning_96_wellplate_360ul_flat', 'D4'))`,
        '2.16',
      ),
    );
    assert.deepEqual(lines(a), [
      'ProtocolCommandFailedError: Error 4000 GENERAL_ERROR (ProtocolCommandFailedError): InvalidSpecificationForRobotTypeError: Cannot load a Flex pipette on an OT-2.',
      'ProtocolCommandFailedError: Error 4000 GENERAL_ERROR (ProtocolCommandFailedError): InvalidSpecificationForRobotTypeError: Cannot load a Flex pipette on an OT-2.',
      'ProtocolCommandFailedError: Error 4000 GENERAL_ERROR (ProtocolCommandFailedError): InvalidSpecificationForRobotTypeError: Cannot load a Flex pipette on an OT-2.',
      'RuntimeError: Instrument already present on right: p300_single_gen2. In order to load a 96-channel pipette, both mounts need to be available.',
      'ProtocolCommandFailedError: Error 4000 GENERAL_ERROR (ProtocolCommandFailedError): PythonException: ValueError: A magneticBlockType cannot be loaded into slot 1',
      'InvalidTrashBinLocationError: Cannot load trash on OT-2.',
      'AddressableAreaDoesNotExistError: Error 4000 GENERAL_ERROR (AddressableAreaDoesNotExistError): 1ChannelWasteChute is not provided by any cutout fixtures in deck definition ot2_standard',
      'ProtocolCommandFailedError: Error 4000 GENERAL_ERROR (ProtocolCommandFailedError): AddressableAreaDoesNotExistError: A4 is not provided by any cutout fixtures in deck definition ot2_standard',
      'ProtocolCommandFailedError: Error 4000 GENERAL_ERROR (ProtocolCommandFailedError): AddressableAreaDoesNotExistError: D4 is not provided by any cutout fixtures in deck definition ot2_standard',
    ]);
  });

  it('gives the version errors one level below', async () => {
    const at15 = await analyze(
      svc,
      probing(
        `
tryit(lambda: ctx.load_trash_bin('A3'))
tryit(lambda: ctx.load_waste_chute())
tryit(lambda: ctx.load_labware('corning_96_wellplate_360ul_flat', 'A4'))
tryit(lambda: ctx.load_module('magneticBlockV1', 1))`,
        '2.15',
      ),
    );
    assert.deepEqual(lines(at15), [
      version('ProtocolContext.load_trash_bin', '2.16', '2.15'),
      version('ProtocolContext.load_waste_chute', '2.16', '2.15'),
      'APIVersionError: Using a staging deck slot requires apiLevel 2.16.',
      'ProtocolCommandFailedError: Error 4000 GENERAL_ERROR (ProtocolCommandFailedError): PythonException: ValueError: A magneticBlockType cannot be loaded into slot 1',
    ]);
    const at14 = await analyze(svc, probing("tryit(lambda: ctx.load_module('magneticBlockV1', 1))", '2.14'));
    assert.deepEqual(lines(at14), ['APIVersionError: Module of type magneticBlockV1 is only available in versions 2.15 and above.']);
  });
});

describe('2.18: Labware.set_offset restored (§B.2.18, §B.2.12)', () => {
  const BODY = `
plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2)
a1 = plate['A1']
tryit(lambda: plate.set_offset(1, 2, 3))
ctx.comment(repr(tuple(round(v, 2) for v in a1.top().point)) + ' ' + repr(round(plate.highest_z, 2)))
plate.set_offset(0, 0, 0) if plate.highest_z != 14.22 else None
ctx.comment(repr(tuple(round(v, 2) for v in plate['A1'].top().point)))`;

  it('moves the labware and its wells at 2.18 (replacing, not adding)', async () => {
    const a = await analyze(svc, probing(BODY, '2.18'));
    assert.deepEqual(a.errors, []);
    assert.deepEqual(lines(a), ['ok', '(147.88, 76.24, 17.22) 17.22', '(146.88, 74.24, 14.22)']);
  });

  it('is refused at 2.17 with the 2.14–2.17 text', async () => {
    const a = await analyze(svc, probing(BODY, '2.17'));
    assert.deepEqual(lines(a).slice(0, 2), [
      "APIVersionError: Labware.set_offset() is not supported when apiLevel is 2.14, 2.15, 2.16, or 2.17. Use apilevel 2.13 or below, or 2.18 or above to set offset, or use the Opentrons App's Labware Position Check.",
      '(146.88, 74.24, 14.22) 14.22',
    ]);
  });
});
