// apiLevel 2.15 on an OT-2 (python-protocol-api 2.12–2.19, §B.2.15): manual `move_labware`,
// `OFF_DECK`, adapters and stacking, coordinate slot names, `push_out`, `configure_for_volume`,
// alternating tip drops, and the equipment a run needs. Texts compared exactly; each addition
// refused at 2.14 with its own APIVersionError.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Analysis } from '../../../src/common/index.ts';
import { analyze, protocol, service } from '../helpers.ts';
import { caught, lines } from './helpers.ts';

const svc = service();
after(() => svc.close());

async function run(body: string, level = '2.15'): Promise<Analysis> {
  const a = await analyze(svc, `from opentrons.protocol_api import OFF_DECK\n${protocol(body, level)}`);
  return a;
}

describe('2.15: move_labware (manual on an OT-2)', () => {
  it('logs `Moving {name} to {destination}` and moves the labware, its wells following', async () => {
    const a = await run(`
src = ctx.load_labware('nest_12_reservoir_15ml', 2, 'Src')
plate = ctx.load_labware('nest_96_wellplate_100ul_pcr_full_skirt', 1)
block = ctx.load_adapter('opentrons_96_well_aluminum_block', 4)
temp = ctx.load_module('temperature module gen2', 3)
w = src['A1']
ctx.move_labware(src, 5)
ctx.comment(str(w) + '|' + str(src.parent))
ctx.move_labware(src, 'D2')
ctx.move_labware(src, OFF_DECK)
ctx.comment(str(w) + '|' + str(src.parent) + '|' + str(ctx.loaded_labwares.get(5)))
ctx.move_labware(plate, block)
ctx.comment(str(plate['A1']) + '|' + repr(plate.parent) + '|' + repr(block.child))
ctx.move_labware(src, temp)
ctx.comment(str(w) + '|' + str(temp.labware))
ctx.move_labware(src, '6')
ctx.comment(str(temp.labware))
`);
    assert.deepEqual(a.errors, []);
    assert.deepEqual(lines(a), [
      'Moving Src to slot 5',
      'A1 of Src on slot 5|5',
      'Moving Src to slot D2',
      'Moving Src to off-deck',
      'A1 of Src on [off-deck]|OffDeckType.OFF_DECK|None',
      'Moving nest_96_wellplate_100ul_pcr_full_skirt to opentrons_96_well_aluminum_block',
      'A1 of NEST 96 Well Plate 100 µL PCR Full Skirt on Opentrons 96 Well Aluminum Block on slot 4|Opentrons 96 Well Aluminum Block|NEST 96 Well Plate 100 µL PCR Full Skirt',
      'Moving Src to TemperatureModuleContext at Temperature Module GEN2 on 3 lw None',
      'A1 of Src on Temperature Module GEN2 on slot 3|Src',
      'Moving Src to slot 6',
      'None',
    ]);
    const moves = (a.commands ?? []).filter((c) => c.commandType === 'moveLabware');
    assert.equal(moves.length, 6);
    assert.ok(moves.every((c) => c.params.strategy === 'manualMoveWithPause' && c.status === 'succeeded'));
  });

  it('refuses what is not labware, bad offsets, occupied places and the gripper with the exact texts', async () => {
    const a = await run(`
src = ctx.load_labware('nest_12_reservoir_15ml', 2, 'Src')
other = ctx.load_labware('corning_96_wellplate_360ul_flat', 1)
${caught("ctx.move_labware('Src', 5)")}
${caught("ctx.move_labware(src, 5, pick_up_offset={'x': 1, 'y': 2})")}
${caught('ctx.move_labware(src, 5, drop_offset=[1, 2, 3])')}
${caught("ctx.move_labware(src, 5, drop_offset={'x': 1, 'y': 'a', 'z': 3})")}
${caught('ctx.move_labware(src, 1)')}
${caught('ctx.move_labware(src, 5, use_gripper=True)')}
ctx.comment(str(src['A1']))
`);
    assert.deepEqual(a.errors, []);
    assert.deepEqual(lines(a), [
      "ValueError: Expected labware of type 'Labware' but got <class 'str'>.",
      "TypeError: Labware offset vector is expected to be a dictionary with with floating point offset values for all 3 axes. For example: {'x': 1.1, 'y': 2.2, 'z': 3.3}",
      'TypeError: Labware offset must be a dictionary.',
      'TypeError: Offset values should be a number (int or float).',
      'Moving Src to slot 1',
      "ProtocolCommandFailedError: Error 4000 GENERAL_ERROR (ProtocolCommandFailedError): LocationIsOccupiedError: Labware corning_96_wellplate_360ul_flat is already present at slotName=<DeckSlotName.SLOT_1: '1'>.",
      'Moving Src to slot 5 with gripper',
      'ProtocolCommandFailedError: Error 4000 GENERAL_ERROR (ProtocolCommandFailedError): NotSupportedOnRobotType: Labware movement using a gripper is not supported on the OT-2',
      'A1 of Src on slot 2',
    ]);
  });

  it('is refused at 2.14', async () => {
    const a = await run(`
src = ctx.load_labware('nest_12_reservoir_15ml', 2)
ctx.move_labware(src, 5)
`, '2.14');
    assert.equal(a.errors.length, 1);
    assert.ok(
      a.errors[0].description.endsWith(
        'ProtocolContext.move_labware was added in 2.15, but your protocol requested version 2.14. You must increase your API version to 2.15 to use this functionality.',
      ),
      a.errors[0].description,
    );
  });
});

describe('2.15: OFF_DECK', () => {
  it('loads labware off the deck, absent from loaded_labwares; del ctx.deck[slot] moves labware off', async () => {
    const a = await run(`
plate = ctx.load_labware('corning_96_wellplate_360ul_flat', OFF_DECK)
res = ctx.load_labware('nest_12_reservoir_15ml', 2)
ctx.comment(str(plate['A1']) + '|' + str(plate.parent) + '|' + str(sorted(ctx.loaded_labwares)))
del ctx.deck[2]
ctx.comment(str(res['A1']) + '|' + str(res.parent) + '|' + str(ctx.deck[2]) + '|' + str(sorted(ctx.loaded_labwares)))
ctx.load_labware('nest_96_wellplate_2ml_deep', 2)
`);
    assert.deepEqual(a.errors, []);
    assert.deepEqual(lines(a), [
      'A1 of Corning 96 Well Plate 360 µL Flat on [off-deck]|OffDeckType.OFF_DECK|[2, 12]',
      'A1 of NEST 12 Well Reservoir 15 mL on [off-deck]|OffDeckType.OFF_DECK|None|[12]',
    ]);
  });

  it('is refused at 2.14', async () => {
    const a = await run("ctx.load_labware('corning_96_wellplate_360ul_flat', OFF_DECK)", '2.14');
    assert.equal(a.errors.length, 1);
    assert.ok(a.errors[0].description.endsWith('Loading a labware off-deck requires apiLevel 2.15 or higher.'), a.errors[0].description);
  });
});

describe('2.15: adapters and stacking', () => {
  it('chains parents in location strings and answers child, is_adapter and parent', async () => {
    const a = await run(`
temp = ctx.load_module('temperature module gen2', 4)
pcr = temp.load_labware('opentrons_96_wellplate_200ul_pcr_full_skirt', adapter='opentrons_96_well_aluminum_block')
plate = ctx.load_labware('nest_96_wellplate_100ul_pcr_full_skirt', 2, 'PCR', adapter='opentrons_96_well_aluminum_block')
flat = ctx.load_adapter('opentrons_aluminum_flat_bottom_plate', 5)
block = temp.labware
ctx.comment(str(pcr['A1']))
ctx.comment(str(plate['A1']))
ctx.comment(repr(block) + '|' + repr(block.child) + '|' + str(block.is_adapter) + '|' + str(pcr.is_adapter) + '|' + repr(pcr.parent) + '|' + repr(block.parent))
ctx.comment(repr(flat.child) + '|' + str(flat.parent))
`);
    assert.deepEqual(a.errors, []);
    assert.deepEqual(lines(a), [
      'A1 of Opentrons Tough 96 Well Plate 200 µL PCR Full Skirt on Opentrons 96 Well Aluminum Block on Temperature Module GEN2 on slot 4',
      'A1 of PCR on Opentrons 96 Well Aluminum Block on slot 2',
      'Opentrons 96 Well Aluminum Block|Opentrons Tough 96 Well Plate 200 µL PCR Full Skirt|True|False|Opentrons 96 Well Aluminum Block|TemperatureModuleContext at Temperature Module GEN2 on 4 lw Opentrons 96 Well Aluminum Block',
      'None|5',
    ]);
  });

  it('stacks with Labware.load_labware and refuses wrong roles, unstackable labware and pipetting into adapters', async () => {
    const a = await run(`
tips = ctx.load_labware('opentrons_96_tiprack_300ul', 1)
p = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])
block = ctx.load_adapter('opentrons_96_well_aluminum_block', 2)
${caught("ctx.load_adapter('corning_96_wellplate_360ul_flat', 3)")}
${caught("ctx.load_labware('opentrons_96_well_aluminum_block', 6)")}
${caught("block.load_labware('corning_96_wellplate_360ul_flat')")}
pcr = block.load_labware('nest_96_wellplate_100ul_pcr_full_skirt')
${caught("block.load_labware('nest_96_wellplate_100ul_pcr_full_skirt')")}
p.pick_up_tip()
${caught("p.aspirate(10, block['A1'])")}
${caught("p.dispense(10, block['A1'])")}
p.aspirate(10, pcr['A1'])
`);
    assert.deepEqual(a.errors, []);
    assert.deepEqual(lines(a), [
      'LabwareDefinitionIsNotAdapterError: Labware corning_96_wellplate_360ul_flat is not an adapter.',
      'LabwareDefinitionIsNotLabwareError: Labware opentrons_96_well_aluminum_block is not defined as a normal labware.',
      'ProtocolCommandFailedError: Error 4000 GENERAL_ERROR (ProtocolCommandFailedError): LabwareCannotBeStackedError: Labware corning_96_wellplate_360ul_flat cannot be loaded onto labware opentrons_96_well_aluminum_block',
      "ProtocolCommandFailedError: Error 4000 GENERAL_ERROR (ProtocolCommandFailedError): LocationIsOccupiedError: Labware nest_96_wellplate_100ul_pcr_full_skirt is already present at labwareId='labware-3'.",
      'Picking up tip from A1 of Opentrons OT-2 96 Tip Rack 300 µL on slot 1',
      'ValueError: Cannot aspirate/dispense to an adapter',
      'ValueError: Cannot aspirate/dispense to an adapter',
      'Aspirating 10.0 uL from A1 of NEST 96 Well Plate 100 µL PCR Full Skirt on Opentrons 96 Well Aluminum Block on slot 2 at 92.86 uL/sec',
    ]);
  });

  it('refuses adapters, stacking and the new members at 2.14 with their own texts', async () => {
    const a = await run(`
plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 1)
temp = ctx.load_module('temperature module gen2', 3)
${caught("ctx.load_labware('nest_96_wellplate_100ul_pcr_full_skirt', 2, adapter='opentrons_96_well_aluminum_block')")}
${caught("temp.load_labware('nest_96_wellplate_100ul_pcr_full_skirt', adapter='opentrons_96_well_aluminum_block')")}
${caught("ctx.load_adapter('opentrons_96_well_aluminum_block', 4)")}
${caught("temp.load_adapter('opentrons_96_well_aluminum_block')")}
${caught('plate.child')}
${caught('plate.is_adapter')}
${caught("plate.load_labware('nest_96_wellplate_100ul_pcr_full_skirt')")}
`, '2.14');
    assert.deepEqual(a.errors, []);
    const added = (member: string) =>
      `APIVersionError: ${member} was added in 2.15, but your protocol requested version 2.14. You must increase your API version to 2.15 to use this functionality.`;
    assert.deepEqual(lines(a), [
      'APIVersionError: Loading a labware on an adapter requires apiLevel 2.15 or higher.',
      'APIVersionError: Loading a labware on an adapter requires apiLevel 2.15 or higher.',
      added('ProtocolContext.load_adapter'),
      added('ModuleContext.load_adapter'),
      added('Labware.child'),
      added('Labware.is_adapter'),
      added('Labware.load_labware'),
    ]);
  });
});

describe('2.15: coordinate slot names', () => {
  it('maps D1…A3 to OT-2 slots and prints the number', async () => {
    const a = await run(`
plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 'D3')
res = ctx.load_labware('nest_12_reservoir_15ml', 'C2')
tc = ctx.load_module('thermocycler', 'B1')
mag = ctx.load_module('magnetic module gen2', 'C1')
ctx.comment(str(plate['A1']) + '|' + str(res['A1']) + '|' + str(tc) + '|' + str(mag.load_labware('nest_96_wellplate_100ul_pcr_full_skirt')['A1']))
ctx.comment(str(sorted(ctx.loaded_labwares)))
`);
    assert.deepEqual(a.errors, []);
    assert.deepEqual(lines(a), [
      'A1 of Corning 96 Well Plate 360 µL Flat on slot 3|A1 of NEST 12 Well Reservoir 15 mL on slot 5|ThermocyclerContext at Thermocycler Module GEN1 on 7 lw None|A1 of NEST 96 Well Plate 100 µL PCR Full Skirt on Magnetic Module GEN2 on slot 4',
      '[3, 4, 5, 12]',
    ]);
  });

  it('is refused at 2.14 with the slot number to use', async () => {
    const a = await run(`
${caught("ctx.load_labware('corning_96_wellplate_360ul_flat', 'A1')")}
${caught("ctx.load_module('temperature module gen2', 'D2')")}
`, '2.14');
    assert.deepEqual(a.errors, []);
    assert.deepEqual(lines(a), [
      'APIVersionError: Specifying a deck slot like "A1" requires apiLevel 2.15. Increase your protocol\'s apiLevel, or use slot "10" instead.',
      'APIVersionError: Specifying a deck slot like "D2" requires apiLevel 2.15. Increase your protocol\'s apiLevel, or use slot "2" instead.',
    ]);
  });
});

describe('2.15: push_out, configure_for_volume, alternating drops', () => {
  const BODY = `
tips = ctx.load_labware('opentrons_96_tiprack_300ul', 1)
plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2)
p = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])
p.configure_for_volume(100)
p.pick_up_tip()
p.aspirate(100, plate['A1'])
${caught('p.configure_for_volume(50)')}
p.dispense(100, plate['A2'], push_out=5)
p.drop_tip()
p.pick_up_tip()
p.drop_tip()
p.pick_up_tip()
p.drop_tip(ctx.fixed_trash['A1'])
`;

  it('takes push_out and configure_for_volume without a visible effect; alternates implicit drops in the fixed trash', async () => {
    const a = await run(BODY);
    assert.deepEqual(a.errors, []);
    assert.deepEqual(lines(a), [
      'Picking up tip from A1 of Opentrons OT-2 96 Tip Rack 300 µL on slot 1',
      'Aspirating 100.0 uL from A1 of Corning 96 Well Plate 360 µL Flat on slot 2 at 92.86 uL/sec',
      'CommandPreconditionViolated: Error 4004 COMMAND_PRECONDITION_VIOLATED (CommandPreconditionViolated): Cannot switch modes of P300 Single-Channel GEN2 on right mount while it contains liquid',
      'Dispensing 100.0 uL into A2 of Corning 96 Well Plate 360 µL Flat on slot 2 at 92.86 uL/sec',
      'Dropping tip into A1 of Opentrons Fixed Trash on slot 12',
      'Picking up tip from B1 of Opentrons OT-2 96 Tip Rack 300 µL on slot 1',
      'Dropping tip into A1 of Opentrons Fixed Trash on slot 12',
      'Picking up tip from C1 of Opentrons OT-2 96 Tip Rack 300 µL on slot 1',
      'Dropping tip into A1 of Opentrons Fixed Trash on slot 12',
    ]);
    const drops = (a.commands ?? []).filter((c) => c.commandType === 'dropTip');
    assert.deepEqual(
      drops.map((c) => c.params.alternateDropLocation ?? false),
      [true, true, false],
    );
    assert.ok((a.commands ?? []).some((c) => c.commandType === 'configureForVolume' && c.status === 'succeeded'));
  });

  it('refuses push_out and configure_for_volume at 2.14, and does not alternate there', async () => {
    const a = await run(`
tips = ctx.load_labware('opentrons_96_tiprack_300ul', 1)
plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2)
p = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])
${caught('p.configure_for_volume(100)')}
p.pick_up_tip()
p.aspirate(100, plate['A1'])
${caught("p.dispense(100, plate['A2'], push_out=5)")}
p.dispense(100, plate['A2'], push_out=0)
p.drop_tip()
`, '2.14');
    assert.deepEqual(a.errors, []);
    assert.deepEqual(lines(a), [
      'APIVersionError: InstrumentContext.configure_for_volume was added in 2.15, but your protocol requested version 2.14. You must increase your API version to 2.15 to use this functionality.',
      'Picking up tip from A1 of Opentrons OT-2 96 Tip Rack 300 µL on slot 1',
      'Aspirating 100.0 uL from A1 of Corning 96 Well Plate 360 µL Flat on slot 2 at 92.86 uL/sec',
      'APIVersionError: Unsupported parameter push_out. Change your API version to 2.15 or above to use this parameter.',
      'Dispensing 100.0 uL into A2 of Corning 96 Well Plate 360 µL Flat on slot 2 at 92.86 uL/sec',
      'Dropping tip into A1 of Opentrons Fixed Trash on slot 12',
    ]);
    const drop = (a.commands ?? []).find((c) => c.commandType === 'dropTip');
    assert.equal(drop?.params.alternateDropLocation, undefined);
  });
});

describe('2.15: a real-world-style protocol', () => {
  // A PCR setup: plate on an aluminium block on a temperature module, samples handed in and out
  // by manual moves, coordinate slot names throughout.
  const PCR_SETUP = `from opentrons import protocol_api
from opentrons.protocol_api import OFF_DECK

metadata = {'protocolName': 'PCR setup with manual plate moves', 'apiLevel': '2.15'}
requirements = {'robotType': 'OT-2'}


def run(ctx: protocol_api.ProtocolContext):
    tips = ctx.load_labware('opentrons_96_tiprack_20ul', 'D1')
    temp = ctx.load_module('temperature module gen2', 'D3')
    pcr = temp.load_labware('opentrons_96_wellplate_200ul_pcr_full_skirt',
                            adapter='opentrons_96_well_aluminum_block', label='PCR Plate')
    master = ctx.load_labware('opentrons_24_tuberack_nest_1.5ml_snapcap', 'C1', 'Master Mix')
    samples = ctx.load_labware('nest_96_wellplate_100ul_pcr_full_skirt', 'D2', 'Samples')
    p20 = ctx.load_instrument('p20_single_gen2', 'left', tip_racks=[tips])

    temp.set_temperature(4)
    for well in pcr.wells()[:2]:
        p20.pick_up_tip()
        p20.aspirate(15, master['A1'])
        p20.dispense(15, well)
        p20.drop_tip()
    ctx.move_labware(samples, OFF_DECK)
    ctx.pause('Spin down the samples')
    ctx.move_labware(samples, 'C2')
    for src, dest in zip(samples.wells()[:2], pcr.wells()[:2]):
        p20.pick_up_tip()
        p20.aspirate(5, src)
        p20.dispense(5, dest, push_out=1)
        p20.drop_tip()
`;

  it('runs line for line with its equipment', async () => {
    const a = await analyze(svc, PCR_SETUP);
    assert.deepEqual(a.errors, []);
    const pcrWell = (w: string) => `${w} of PCR Plate on Opentrons 96 Well Aluminum Block on Temperature Module GEN2 on slot 3`;
    assert.deepEqual(lines(a), [
      'Setting Temperature Module temperature to 4.0 °C (rounded off to nearest integer)',
      'Picking up tip from A1 of Opentrons OT-2 96 Tip Rack 20 µL on slot 1',
      'Aspirating 15.0 uL from A1 of Master Mix on slot 4 at 7.56 uL/sec',
      `Dispensing 15.0 uL into ${pcrWell('A1')} at 7.56 uL/sec`,
      'Dropping tip into A1 of Opentrons Fixed Trash on slot 12',
      'Picking up tip from B1 of Opentrons OT-2 96 Tip Rack 20 µL on slot 1',
      'Aspirating 15.0 uL from A1 of Master Mix on slot 4 at 7.56 uL/sec',
      `Dispensing 15.0 uL into ${pcrWell('B1')} at 7.56 uL/sec`,
      'Dropping tip into A1 of Opentrons Fixed Trash on slot 12',
      'Moving Samples to off-deck',
      'Pausing robot operation: Spin down the samples',
      'Moving Samples to slot C2',
      'Picking up tip from C1 of Opentrons OT-2 96 Tip Rack 20 µL on slot 1',
      'Aspirating 5.0 uL from A1 of Samples on slot 5 at 7.56 uL/sec',
      `Dispensing 5.0 uL into ${pcrWell('A1')} at 7.56 uL/sec`,
      'Dropping tip into A1 of Opentrons Fixed Trash on slot 12',
      'Picking up tip from D1 of Opentrons OT-2 96 Tip Rack 20 µL on slot 1',
      'Aspirating 5.0 uL from B1 of Samples on slot 5 at 7.56 uL/sec',
      `Dispensing 5.0 uL into ${pcrWell('B1')} at 7.56 uL/sec`,
      'Dropping tip into A1 of Opentrons Fixed Trash on slot 12',
    ]);
    // The run holds for the operator at each manual move (and at the pause) on a robot.
    assert.deepEqual(
      a.runLog.filter((e) => e.name === 'command.MOVE_LABWARE').map((e) => e.text),
      ['Moving Samples to off-deck', 'Moving Samples to slot C2'],
    );
    assert.deepEqual(a.requiredEquipment, {
      pipettes: [{ mount: 'left', requestedAs: 'p20_single_gen2', pipetteName: 'p20_single_gen2', channels: 1 }],
      labware: [
        { label: 'opentrons_96_tiprack_20ul', uri: 'opentrons/opentrons_96_tiprack_20ul/1', location: 1 },
        { label: 'Samples', uri: 'opentrons/nest_96_wellplate_100ul_pcr_full_skirt/2', location: 2 },
        { label: 'opentrons_96_well_aluminum_block', uri: 'opentrons/opentrons_96_well_aluminum_block/1', location: 3, on: { kind: 'module', model: 'temperatureModuleV2' } },
        {
          label: 'PCR Plate',
          uri: 'opentrons/opentrons_96_wellplate_200ul_pcr_full_skirt/2',
          location: 3,
          on: { kind: 'labware', label: 'opentrons_96_well_aluminum_block', uri: 'opentrons/opentrons_96_well_aluminum_block/1' },
        },
        { label: 'Master Mix', uri: 'opentrons/opentrons_24_tuberack_nest_1.5ml_snapcap/1', location: 4 },
        { label: 'opentrons_1_trash_1100ml_fixed', uri: 'opentrons/opentrons_1_trash_1100ml_fixed/1', location: 12 },
      ],
      modules: [{ type: 'temperatureModuleType', model: 'temperatureModuleV2', location: 3 }],
    });
  });
});
