// Robot software 7.5.0's legacy core at apiLevels 2.12 and 2.13 (python-protocol-api 2.12–2.19,
// Part A, B.2.12, B.2.13 and C.1): run-log mechanism, display names, deck conflicts, module and
// pipette texts, each checked against the spec's texts, and each with a check that 2.11 still
// behaves as 4.7.0 did.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, protocol, service } from '../helpers.ts';
import { lines, probeFunction } from './helpers.ts';
import type { PythonService } from '../../../src/python/index.ts';

let svc: PythonService;
before(() => {
  svc = service({ timeoutMs: 60_000, memoryBytes: 512 * 1024 * 1024 });
});
after(() => svc.close());

/** A protocol whose `t(f)` logs `ok` or `{Class}: {message}` for each call it tries. */
const TRY = `\n${probeFunction('t(ctx, f)')}\n`;

async function run(body: string, level: string): Promise<string[]> {
  const a = await analyze(svc, TRY + protocol(body, level).replace(/^from opentrons import protocol_api\n/, ''));
  assert.deepEqual(a.errors, [], `${level}: ${JSON.stringify(a.errors)}`);
  return lines(a);
}

const PIPETTE = `
tr = ctx.load_labware('opentrons_96_tiprack_300ul', 1)
plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2)
p = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tr])
`;

test('A.2: a caught error leaves the nesting as it was from 2.12; 2.11 keeps the one-level-deeper quirk', async () => {
  const body = `${PIPETTE}
try:
    p.transfer(10, plate['A1'], plate['B1'], air_gap=10, disposal_volume=290, new_tip='never')
except ValueError as e:
    ctx.comment(str(e))
ctx.comment('next')`;
  for (const level of ['2.12', '2.13']) {
    assert.deepEqual(await run(body, level), [
      'Transferring 10.0 from A1 of Corning 96 Well Plate 360 µL Flat on 2 to B1 of Corning 96 Well Plate 360 µL Flat on 2',
      'The sum of the air gap and disposal volume must be less than the maximum volume of the pipette',
      'next',
    ]);
  }
  const old = await run(`${PIPETTE}
try:
    p.aspirate(10, plate['A1'])
except Exception as e:
    pass
p.pick_up_tip()
try:
    p.aspirate(10, plate['A1'])
    p.aspirate(400, plate['A1'])
except Exception as e:
    pass
ctx.comment('next')`, '2.11');
  assert.deepEqual(old.slice(-2), ['Aspirating 400.0 uL from A1 of Corning 96 Well Plate 360 µL Flat on 2 at 92.86 uL/sec', '\tnext']);
});

test('A.2: texts are not formatted from 2.12 (braces literal, any object as a comment); 2.11 formats them', async () => {
  const body = `
ctx.comment('a {b} c {{x}} {}')
ctx.comment(str({1: 2}))
ctx.pause('x {y}')
ctx.delay(seconds=1.5, msg='{z}')
ctx.comment(5)`;
  for (const level of ['2.12', '2.13']) {
    assert.deepEqual(await run(body, level), ['a {b} c {{x}} {}', '{1: 2}', 'Pausing robot operation: x {y}', 'Delaying for 0 minutes and 1.5 seconds. {z}', '5']);
  }
  assert.deepEqual(await run("t(ctx, lambda: ctx.comment('a {{x}}'))\nt(ctx, lambda: ctx.comment(5))", '2.11'), [
    'a {x}',
    'ok',
    "AttributeError: 'int' object has no attribute 'format'",
  ]);
});

test('A.3, A.4.1, C.1: modules named with their generation, lid moves without the nested move', async () => {
  const body = `${PIPETTE}
mag = ctx.load_module('magnetic module', 4)
tc = ctx.load_module('thermocycler')
lw = tc.load_labware('nest_96_wellplate_100ul_pcr_full_skirt')
ml = mag.load_labware('nest_96_wellplate_100ul_pcr_full_skirt')
tc.open_lid()
tc.close_lid()
ctx.comment(tc.lid_position)
tc.open_lid()
p.pick_up_tip()
p.aspirate(10, lw['A1'])
p.dispense(10, ml['A1'])`;
  for (const level of ['2.12', '2.13']) {
    assert.deepEqual(await run(body, level), [
      'Opening Thermocycler lid',
      'Closing Thermocycler lid',
      'closed',
      'Opening Thermocycler lid',
      'Picking up tip from A1 of Opentrons OT-2 96 Tip Rack 300 µL on 1',
      'Aspirating 10.0 uL from A1 of NEST 96 Well Plate 100 µL PCR Full Skirt on Thermocycler Module GEN1 on 7 at 92.86 uL/sec',
      'Dispensing 10.0 uL into A1 of NEST 96 Well Plate 100 µL PCR Full Skirt on Magnetic Module GEN1 on 4 at 92.86 uL/sec',
    ]);
  }
  const old = await run(body, '2.11');
  assert.equal(old[1], '\tMoving to (347.84000000000003, 351.5, 247.45)');
  assert.ok(old.some((l) => l.includes('on Thermocycler Module on 7')));
});

test('C.1, B.2.12, B.2.13: a Location tied to a module context; refused for pipetting from 2.13 after the move', async () => {
  const body = `
from opentrons import types
${PIPETTE}
tm = ctx.load_module('temperature module gen2', 3)
tp = tm.load_labware('opentrons_24_aluminumblock_nest_1.5ml_snapcap', label='TP')
p.pick_up_tip()
loc = types.Location(tp['A1'].top().point, tm)
t(ctx, lambda: p.aspirate(10, loc))
t(ctx, lambda: p.dispense(10, loc))`;
  const text = 'TemperatureModuleContext at Temperature Module GEN2 on 3 lw TP on Temperature Module GEN2 on 3';
  assert.deepEqual((await run(body, '2.13')).slice(1), [
    `Moving to ${text}`,
    'ValueError: Cannot aspirate/dispense directly to a module',
    `Moving to ${text}`,
    'ValueError: Cannot aspirate/dispense directly to a module',
  ]);
  assert.deepEqual((await run(body, '2.12')).slice(1), [`Aspirating 10.0 uL from ${text} at 92.86 uL/sec`, 'ok', `Dispensing 10.0 uL into ${text} at 92.86 uL/sec`, 'ok']);
  assert.deepEqual((await run(body, '2.11')).slice(1, 2), ["AttributeError: 'NoneType' object has no attribute 'parent'"]);
});

test('A.4.4: deck conflicts, slot and module texts', async () => {
  const body = `
ctx.load_labware('corning_96_wellplate_360ul_flat', 2)
t(ctx, lambda: ctx.load_labware('corning_96_wellplate_360ul_flat', 2))
t(ctx, lambda: ctx.load_labware('corning_96_wellplate_360ul_flat', 13))
t(ctx, lambda: ctx.load_labware('corning_96_wellplate_360ul_flat', 'A1'))
t(ctx, lambda: ctx.load_labware('corning_96_wellplate_360ul_flat', 'A4'))
ctx.load_labware('corning_96_wellplate_360ul_flat', 8)
t(ctx, lambda: ctx.load_module('thermocycler', 7))
t(ctx, lambda: ctx.load_module('thermocycler', 3))
t(ctx, lambda: ctx.load_module('temperature module', 12))
t(ctx, lambda: ctx.load_module('temperature module'))
t(ctx, lambda: ctx.load_module('foo', 3))
ctx.load_module('heaterShakerModuleV1', 5)
t(ctx, lambda: ctx.load_module('temperature module gen2', 6))
t(ctx, lambda: ctx.load_module('heaterShakerModuleV1', 9))
t(ctx, lambda: ctx.load_labware('opentrons_96_tiprack_300ul', 6))
t(ctx, lambda: ctx.load_labware('opentrons_96_tiprack_1000ul', 4))
tm = ctx.load_module('temperature module gen2', 1)
tm.load_labware('corning_96_wellplate_360ul_flat')
t(ctx, lambda: tm.load_labware('corning_96_wellplate_360ul_flat'))
t(ctx, lambda: tm.set_temperature(100))
ctx.load_labware('corning_96_wellplate_360ul_flat', 12)
ctx.comment(str(ctx.fixed_trash))`;
  const expected = [
    'DeckConflictError: corning_96_wellplate_360ul_flat in slot 2 prevents corning_96_wellplate_360ul_flat from using slot 2.',
    "ValueError: '13' is not a valid deck slot",
    'APIVersionError: Specifying a deck slot like "A1" requires apiLevel 2.15. Increase your protocol\'s apiLevel, or use slot "10" instead.',
    'APIVersionError: Using a staging deck slot requires apiLevel 2.16.',
    'DeckConflictError: corning_96_wellplate_360ul_flat in slot 8 prevents thermocyclerModuleV1 from using slot 7.',
    'ValueError: A Thermocycler cannot be loaded into slot 3',
    'ValueError: A Temperature Module cannot be loaded into slot 12',
    'ValueError: Temperature Modules do not have default location, you must specify a slot',
    'ValueError: foo is not a valid module load name.\n' +
      'Valid names (ignoring case): "magdeck", "magnetic module", "magnetic module gen2", "tempdeck", "temperature module", "temperature module gen2", "thermocycler", "thermocycler module", "thermocycler module gen2"\n' +
      'You may also use their exact models: "magneticModuleV1", "magneticModuleV2", "temperatureModuleV1", "temperatureModuleV2", "thermocyclerModuleV1", "thermocyclerModuleV2", "heaterShakerModuleV1", "magneticBlockV1"',
    'DeckConflictError: heaterShakerModuleV1 in slot 5 prevents temperatureModuleV2 from using slot 6.',
    'DeckConflictError: opentrons_1_trash_1100ml_fixed in slot 12 prevents heaterShakerModuleV1 from using slot 9.',
    'ok',
    'DeckConflictError: heaterShakerModuleV1 in slot 5 prevents opentrons_96_tiprack_1000ul from using slot 4.',
    'RuntimeError: Corning 96 Well Plate 360 µL Flat on Temperature Module GEN2 on 1 is already on this module',
    'Setting Temperature Module temperature to 100.0 °C (rounded off to nearest integer)',
    'ok',
    'Corning 96 Well Plate 360 µL Flat on 12',
  ];
  for (const level of ['2.12', '2.13']) assert.deepEqual(await run(body, level), expected, level);
  const old = await run(`
ctx.load_labware('corning_96_wellplate_360ul_flat', 8)
t(ctx, lambda: ctx.load_module('thermocycler', 7))
t(ctx, lambda: ctx.load_module('thermocycler', 3))
t(ctx, lambda: ctx.load_labware('corning_96_wellplate_360ul_flat', 13))`, '2.11');
  // 4.7.0 checks the thermocycler's slots only for what comes after it.
  assert.equal(old[0], 'ok');
  assert.equal(old[1], 'AssertionError: A Thermocycler cannot be loaded into slot 3');
  assert.equal(old[2], 'ValueError: Unknown slot: 13');
});

test('A.4.4: both thermocycler orders, thermocycler GEN2 load name', async () => {
  const lines = await run(`
tc = ctx.load_module('thermocycler module gen2')
ctx.comment(str(tc.geometry))
t(ctx, lambda: ctx.load_labware('corning_96_wellplate_360ul_flat', 8))
lw = tc.load_labware('nest_96_wellplate_100ul_pcr_full_skirt')
ctx.comment(str(lw))`, '2.13');
  assert.deepEqual(lines, [
    'Thermocycler Module GEN2 on 7',
    'DeckConflictError: thermocyclerModuleV2 in slot 7 prevents corning_96_wellplate_360ul_flat from using slot 8.',
    'NEST 96 Well Plate 100 µL PCR Full Skirt on Thermocycler Module GEN2 on 7',
  ]);
});

test('A.4.4: Magnetic Module texts', async () => {
  const body = `
mag = ctx.load_module('magnetic module gen2', 4)
mag.load_labware('corning_96_wellplate_360ul_flat')
t(ctx, lambda: mag.engage())
t(ctx, lambda: mag.engage(height=42.5))`;
  assert.deepEqual(await run(body, '2.13'), [
    'Engaging Magnetic Module',
    'ValueError: Currently loaded labware Corning 96 Well Plate 360 µL Flat on Magnetic Module GEN2 on 4 does not have a default engage height; specify engage height explicitly using `height_from_base` or `height`',
    'Engaging Magnetic Module',
    'ValueError: Invalid engage height for magneticModuleV2: 42.5. Must be 0 - 25.',
  ]);
  assert.deepEqual((await run(body, '2.11')).slice(3), ['\t\tValueError: Invalid engage height for magneticModuleV2: 42.5 mm. Must be 0 - 25 mm']);
});

test('A.4.2: pipette loading texts, models and channels', async () => {
  const body = `
tr = ctx.load_labware('opentrons_96_tiprack_300ul', 1)
plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2)
t(ctx, lambda: ctx.load_instrument('p301_single', 'left'))
t(ctx, lambda: ctx.load_instrument('p300_single', 'middle'))
t(ctx, lambda: ctx.load_instrument('p300_single', 5))
t(ctx, lambda: ctx.load_instrument('p300_single'))
t(ctx, lambda: ctx.load_instrument('p300_single', 'left', tip_racks=[plate]))
p = ctx.load_instrument('P300_Single_GEN2', 'right', tip_racks=[tr])
t(ctx, lambda: ctx.load_instrument('p20_single_gen2', 'right'))
m = ctx.load_instrument('p20_multi_gen2', 'left')
ctx.comment(repr(p))
ctx.comment(repr(m.channels) + ' ' + str(m.channels) + f' {p.channels} ' + str(m.channels == 8))`;
  for (const level of ['2.12', '2.13']) {
    assert.deepEqual(await run(body, level), [
      'ValueError: Cannot resolve p301_single to pipette, must be given valid pipette name.',
      "InvalidPipetteMountError: If mount is specified as a string, it must be 'left' or 'right'; instead, middle was given.",
      "PipetteMountTypeError: Instrument mount should be 'left', 'right', or an opentrons.types.Mount; instead, 5 was given.",
      'InvalidPipetteMountError: You must specify a left or right mount to load p300_single.',
      'ValueError: Labware corning_96_wellplate_360ul_flat is not a tip rack.',
      'RuntimeError: Instrument already present on right: p300_single_gen2',
      '<InstrumentContext: p300_single_v2.1 in RIGHT>',
      '<PipetteChannelType.EIGHT_CHANNEL: 8> multi single True',
    ]);
  }
  const old = await run(`
t(ctx, lambda: ctx.load_instrument('p300_single_gen2', 'middle'))
p = ctx.load_instrument('p300_single_gen2', 'right')
ctx.comment(repr(p) + ' ' + str(p.channels))`, '2.11');
  assert.deepEqual(old.slice(1), ['<InstrumentContext: p300_single_v2.0 in RIGHT> 1']);
});

test('A.4.2: tip errors with codes, drop without a tip, pick-up from a rack, location checks, delay', async () => {
  const body = `${PIPETTE}
t(ctx, lambda: p.aspirate(10, plate['A1']))
t(ctx, lambda: p.drop_tip())
t(ctx, lambda: p.mix(2, 10, plate['A1']))
t(ctx, lambda: p.touch_tip(plate['A1']))
t(ctx, lambda: p.air_gap(10))
p.pick_up_tip()
t(ctx, lambda: p.pick_up_tip())
t(ctx, lambda: p.aspirate(10, tr['B1']))
t(ctx, lambda: p.aspirate(10, 'A1'))
t(ctx, lambda: p.drop_tip(plate))
t(ctx, lambda: p.drop_tip(plate['A1']))
t(ctx, lambda: p.delay(5))
p.drop_tip()
t(ctx, lambda: p.pick_up_tip(plate))
p.pick_up_tip(tr)
p.drop_tip()`;
  const noTip = (action: string) => `UnexpectedTipRemovalError: Error 3005 UNEXPECTED_TIP_REMOVAL (UnexpectedTipRemovalError): Cannot perform ${action} without a tip attached.`;
  assert.deepEqual(await run(body, '2.13'), [
    'Aspirating 10.0 uL from A1 of Corning 96 Well Plate 360 µL Flat on 2 at 92.86 uL/sec',
    noTip('PREPARE_ASPIRATE'),
    'Dropping tip into A1 of Opentrons Fixed Trash on 12',
    'ok',
    noTip('mix'),
    'Touching tip',
    noTip('touch_tip'),
    'Air gap',
    noTip('air_gap'),
    'Picking up tip from A1 of Opentrons OT-2 96 Tip Rack 300 µL on 1',
    'Picking up tip from B1 of Opentrons OT-2 96 Tip Rack 300 µL on 1',
    'UnexpectedTipAttachError: Error 3012 UNEXPECTED_TIP_ATTACH (UnexpectedTipAttachError): Cannot perform pick_up_tip with a tip already attached.',
    'ValueError: Cannot aspirate/dispense to a tip rack',
    'LocationTypeError: location should be a Well, Location, TrashBin or WasteChute, but it is A1',
    'TypeError: If specified, location should be an instance of `types.Location` (e.g. the return value from `Well.top()`) or `Well` (e.g. `tiprack.wells()[0]`). However, it is Corning 96 Well Plate 360 µL Flat on 2',
    'AssertionError: Expected tip drop target to be a tip rack.',
    'APIVersionError: InstrumentContext.delay() is not supported in Python Protocol API v2. Use ProtocolContext.delay() instead.',
    'Dropping tip into A1 of Opentrons Fixed Trash on 12',
    'ValueError: Labware corning_96_wellplate_360ul_flat is not a tip rack.',
    'Picking up tip from B1 of Opentrons OT-2 96 Tip Rack 300 µL on 1',
    'Dropping tip into A1 of Opentrons Fixed Trash on 12',
  ]);
  const old = await run(`${PIPETTE}
t(ctx, lambda: p.aspirate(10, plate['A1']))
t(ctx, lambda: p.drop_tip())`, '2.11');
  assert.deepEqual(old, ['NoTipAttachedError: Cannot perform PREPARE_ASPIRATE without a tip attached', 'Dropping tip into A1 of Opentrons Fixed Trash on 12', '\tNoTipAttachedError: Cannot perform DROPTIP without a tip attached']);
});

test('A.4.3: air gap and disposal volume checked against the pipette maximum', async () => {
  const body = `${PIPETTE}
p.pick_up_tip()
t(ctx, lambda: p.distribute(10, plate['A1'], plate['B1'], disposal_volume=300, new_tip='never'))
t(ctx, lambda: p.transfer(10, plate['A1'], plate['B1'], disposal_volume=150, air_gap=150, new_tip='never'))`;
  assert.deepEqual((await run(body, '2.12')).filter((l) => !l.startsWith('\t') && !/^(Distributing|Transferring|Picking)/.test(l)), [
    'ValueError: The disposal volume must be less than the maximum volume of the pipette',
    'ValueError: The sum of the air gap and disposal volume must be less than the maximum volume of the pipette',
  ]);
  // Up to 2.11 such a plan is not checked (its chunks would be empty; 4.7.0 never finishes it).
});

test('A.4.5, B.2.12, B.2.13: loaded_labwares in load order, Labware at 2.13, set_offset, prep_after', async () => {
  const body = `${PIPETTE}
ctx.comment(str(list(ctx.loaded_labwares.keys())))
ctx.comment(str(plate.api_version) + ' ' + str(plate['A1'].api_version))
ctx.comment(str(plate['A1'].top().point) + ' ' + str(plate.highest_z))
plate.set_offset(1, 2, 3)
ctx.comment(str(plate['A1'].top().point) + ' ' + str(plate.highest_z))
t(ctx, lambda: p.pick_up_tip(prep_after=False))`;
  const expected = (prep: string) => ['[12, 1, 2]', '2.13 2.13', '(146.88, 74.24, 14.219999999999999) 14.22', '(147.88, 76.24, 17.22) 17.22', ...prep.split('|')];
  assert.deepEqual(await run(body, '2.13'), expected('Picking up tip from A1 of Opentrons OT-2 96 Tip Rack 300 µL on 1|ok'));
  assert.deepEqual(await run(body, '2.12'), expected('APIVersionError: prep_after is only available in API 2.13 and newer, but you are using API 2.12.'));
  const old = await run(`${PIPETTE}
ctx.comment(str(list(ctx.loaded_labwares.keys())) + ' ' + str(plate.api_version))
t(ctx, lambda: plate.set_offset(1, 2, 3))`, '2.11');
  assert.deepEqual(old, ['[1, 2, 12] 2.11', "AttributeError: 'Labware' object has no attribute 'set_offset'"]);
});

test('A.4.5: tip_length of a plate, load_labware_object of a deck labware', async () => {
  const body = `
plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2)
tm = ctx.load_module('temperature module gen2', 3)
t(ctx, lambda: plate.tip_length)
t(ctx, lambda: tm.load_labware_object(plate))`;
  assert.deepEqual(await run(body, '2.13'), ["KeyError: 'tipLength'", 'AssertionError: Labware is not configured with this module as its parent']);
  assert.deepEqual(await run(body, '2.11'), ['ok', 'ok']);
});

test('a real-world 2.13 PCR setup with magnetic GEN2, temperature GEN2 and thermocycler: the whole run log', async () => {
  const text = `metadata = {'apiLevel': '2.13', 'protocolName': 'PCR setup'}

def run(ctx):
    tips20 = ctx.load_labware('opentrons_96_filtertiprack_20ul', 1)
    tips300 = ctx.load_labware('opentrons_96_tiprack_300ul', 2)
    temp = ctx.load_module('temperature module gen2', 3)
    reagents = temp.load_labware('opentrons_24_aluminumblock_nest_1.5ml_snapcap', label='Reagents')
    mag = ctx.load_module('magnetic module gen2', 4)
    samples = mag.load_labware('nest_96_wellplate_100ul_pcr_full_skirt')
    tc = ctx.load_module('thermocycler module')
    pcr = tc.load_labware('nest_96_wellplate_100ul_pcr_full_skirt')
    p20 = ctx.load_instrument('p20_single_gen2', 'left', tip_racks=[tips20])
    p300 = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips300])

    temp.set_temperature(4)
    tc.open_lid()
    tc.set_block_temperature(4)
    tc.set_lid_temperature(105)
    mag.engage()
    ctx.delay(minutes=1.5, msg='Beads {settle}')
    p300.transfer(20, samples['A1'], pcr['A1'])
    mag.disengage()
    p20.distribute(5, reagents['A1'], [pcr['A1'], pcr['B1']], new_tip='once')
    p20.pick_up_tip()
    try:
        p20.pick_up_tip()
    except Exception as e:
        ctx.comment(type(e).__name__)
    p20.mix(2, 10, pcr['B1'])
    p20.drop_tip()
    tc.close_lid()
    tc.execute_profile(steps=[{'temperature': 95, 'hold_time_seconds': 10}, {'temperature': 60, 'hold_time_minutes': 0.5}], repetitions=2, block_max_volume=25)
    tc.set_block_temperature(4, hold_time_minutes=5)
    tc.open_lid()
    tc.deactivate()
    temp.deactivate()
    ctx.comment('PCR {done}')
`;
  const a = await analyze(svc, text);
  assert.deepEqual(a.errors, []);
  const tips = 'Opentrons OT-2 96 Tip Rack 300 µL on 2';
  const filters = 'Opentrons OT-2 96 Filter Tip Rack 20 µL on 1';
  const onMag = 'NEST 96 Well Plate 100 µL PCR Full Skirt on Magnetic Module GEN2 on 4';
  const onTc = 'NEST 96 Well Plate 100 µL PCR Full Skirt on Thermocycler Module GEN1 on 7';
  const cold = 'Reagents on Temperature Module GEN2 on 3';
  assert.deepEqual(lines(a), [
    'Setting Temperature Module temperature to 4.0 °C (rounded off to nearest integer)',
    'Opening Thermocycler lid',
    'Setting Thermocycler well block temperature to 4.0 °C',
    'Setting Thermocycler lid temperature to 105.0 °C',
    'Engaging Magnetic Module',
    'Delaying for 1 minutes and 30.0 seconds. Beads {settle}',
    `Transferring 20.0 from A1 of ${onMag} to A1 of ${onTc}`,
    `\tPicking up tip from A1 of ${tips}`,
    `\tAspirating 20.0 uL from A1 of ${onMag} at 92.86 uL/sec`,
    `\tDispensing 20.0 uL into A1 of ${onTc} at 92.86 uL/sec`,
    '\tDropping tip into A1 of Opentrons Fixed Trash on 12',
    'Disengaging Magnetic Module',
    `Distributing 5.0 from A1 of ${cold} to A1 of ${onTc}`,
    `\tTransferring 5.0 from A1 of ${cold} to A1 of ${onTc}`,
    `\t\tPicking up tip from A1 of ${filters}`,
    `\t\tAspirating 11.0 uL from A1 of ${cold} at 7.56 uL/sec`,
    `\t\tDispensing 5.0 uL into A1 of ${onTc} at 7.56 uL/sec`,
    `\t\tDispensing 5.0 uL into B1 of ${onTc} at 7.56 uL/sec`,
    '\t\tBlowing out at A1 of Opentrons Fixed Trash on 12',
    '\t\tDropping tip into A1 of Opentrons Fixed Trash on 12',
    `Picking up tip from B1 of ${filters}`,
    `Picking up tip from C1 of ${filters}`,
    'UnexpectedTipAttachError',
    'Mixing 2 times with a volume of 10.0 ul',
    `\tAspirating 10.0 uL from B1 of ${onTc} at 7.56 uL/sec`,
    `\tDispensing 10.0 uL into B1 of ${onTc} at 7.56 uL/sec`,
    `\tAspirating 10.0 uL from B1 of ${onTc} at 7.56 uL/sec`,
    `\tDispensing 10.0 uL into B1 of ${onTc} at 7.56 uL/sec`,
    'Dropping tip into A1 of Opentrons Fixed Trash on 12',
    'Closing Thermocycler lid',
    "Thermocycler starting 2 repetitions of cycle composed of the following steps: [{'temperature': 95, 'hold_time_seconds': 10}, {'temperature': 60, 'hold_time_minutes': 0.5}]",
    'Setting Thermocycler well block temperature to 4.0 °C with a hold time of 5.0 minutes and 0 seconds',
    'Opening Thermocycler lid',
    'Deactivating Thermocycler',
    'Deactivating Temperature Module',
    'PCR {done}',
  ]);
});
