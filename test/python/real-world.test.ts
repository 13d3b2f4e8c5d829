// A real-world-style protocol using the most used calls of api-usage.md. Expected texts follow
// the spec's rules (§7, §10); choices where the spec is silent are in docs/notes/python.md.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, printed, protocol, service } from './helpers.ts';
import type { PythonService } from '../../src/python/index.ts';

let svc: PythonService;
before(() => {
  svc = service(undefined, 1);
});
after(() => svc.close());

const BODY = `
from opentrons.types import Point, Mount
from opentrons.protocol_api.labware import OutOfTipsError
mag = ctx.load_module('magnetic module gen2', 1)
plate = mag.load_labware('nest_96_wellplate_100ul_pcr_full_skirt', 'Mag')
res = ctx.load_labware('nest_12_reservoir_15ml', 2)
tips20 = ctx.load_labware('opentrons_96_tiprack_20ul', 3)
tips300 = [ctx.load_labware('opentrons_96_tiprack_300ul', s) for s in (4, 5)]
m300 = ctx.load_instrument('p300_multi_gen2', 'left', tip_racks=tips300)
p20 = ctx.load_instrument('p20_single_gen2', Mount.RIGHT, tip_racks=[tips20])
ctx.max_speeds['Z'] = 50
m300.flow_rate.aspirate = 50
m300.flow_rate.dispense = 100.5
m300.pick_up_tip()
m300.aspirate(100, res['A1'].bottom(2))
m300.air_gap(10)
m300.dispense(110, plate.rows()[0][0].top(-2))
m300.mix(3, 50, plate.columns()[0][0])
m300.blow_out(plate['A1'].top())
m300.touch_tip()
m300.move_to(plate['A1'].top().move(Point(0, 0, 10)))
m300.drop_tip()
m300.pick_up_tip()
m300.return_tip()
p20.starting_tip = tips20.wells_by_name()['C1']
p20.pick_up_tip()
p20.aspirate(5, res.wells()[1], rate=0.5)
p20.dispense(5, plate.wells()[8].bottom(1))
ctx.comment('volume ' + str(p20.current_volume) + ' tip ' + str(p20.has_tip))
p20.drop_tip()
p20.reset_tipracks()
p20.pick_up_tip()
p20.drop_tip()
mag.engage(height_from_base=5)
ctx.delay(minutes=1)
mag.disengage()
ctx.pause('check')
ctx.home()
try:
    for _ in range(200):
        p20.pick_up_tip()
        p20.drop_tip()
except OutOfTipsError:
    ctx.comment('out of tips')
`;

test('a protocol with the most used calls analyses with the expected run log', async () => {
  const a = await analyze(svc, protocol(BODY));
  assert.deepEqual(a.errors, []);
  const lines = printed(a);
  const P = 'Mag on Magnetic Module GEN2 on 1';
  const R = 'NEST 12 Well Reservoir 15 mL on 2';
  assert.deepEqual(lines.slice(0, 17), [
    'Picking up tip from A1 of Opentrons 96 Tip Rack 300 µL on 4',
    `Aspirating 100.0 uL from A1 of ${R} at 50.0 uL/sec`,
    'Air gap',
    `\tAspirating 10.0 uL from A1 of ${R} at 50.0 uL/sec`,
    `Dispensing 110.0 uL into A1 of ${P} at 100.5 uL/sec`,
    'Mixing 3 times with a volume of 50.0 ul',
    `\tAspirating 50.0 uL from A1 of ${P} at 50.0 uL/sec`,
    `\tDispensing 50.0 uL into A1 of ${P} at 100.5 uL/sec`,
    `\tAspirating 50.0 uL from A1 of ${P} at 50.0 uL/sec`,
    `\tDispensing 50.0 uL into A1 of ${P} at 100.5 uL/sec`,
    `\tAspirating 50.0 uL from A1 of ${P} at 50.0 uL/sec`,
    `\tDispensing 50.0 uL into A1 of ${P} at 100.5 uL/sec`,
    `Blowing out at A1 of ${P}`,
    'Touching tip',
    `Moving to A1 of ${P}`,
    'Dropping tip into A1 of Opentrons Fixed Trash on 12',
    'Picking up tip from A2 of Opentrons 96 Tip Rack 300 µL on 4',
  ]);
  assert.deepEqual(lines.slice(17, 25), [
    'Returning tip',
    '\tDropping tip into A2 of Opentrons 96 Tip Rack 300 µL on 4',
    'Picking up tip from C1 of Opentrons 96 Tip Rack 20 µL on 3',
    `Aspirating 5.0 uL from A2 of ${R} at 3.78 uL/sec`,
    `Dispensing 5.0 uL into A2 of ${P} at 7.56 uL/sec`,
    'volume 0 tip True',
    'Dropping tip into A1 of Opentrons Fixed Trash on 12',
    'Picking up tip from A1 of Opentrons 96 Tip Rack 20 µL on 3',
  ]);
  assert.deepEqual(lines.slice(26, 30), [
    'Engaging Magnetic Module',
    'Delaying for 1 minutes and 0.0 seconds',
    'Disengaging Magnetic Module',
    'Pausing robot operation: check',
  ]);
  assert.equal(lines[lines.length - 1], 'out of tips');
  assert.deepEqual(a.requiredEquipment.pipettes.map((p) => p.pipetteName), ['p300_multi_gen2', 'p20_single_gen2']);
});

test('the import paths real protocols use all resolve', async () => {
  const a = await analyze(
    svc,
    protocol(
      [
        'from opentrons import protocol_api, types',
        'from opentrons.types import Point, Location, Mount',
        'from opentrons.protocol_api.labware import OutOfTipsError, Well, Labware',
        'from opentrons.protocol_api.contexts import InstrumentContext',
        'from opentrons.protocols.api_support.types import APIVersion',
        'names = [protocol_api.ProtocolContext.__name__, str(protocol_api.MAX_SUPPORTED_VERSION), str(APIVersion(2, 7)), str(Mount.LEFT), str(Point(1, 2, 3.5)), repr(Point(1, 2, 3))]',
        "plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 1)",
        'names.append(str(plate.wells()[0].top(1).move(Point(1, 0, 0)).point))',
        'names.append(str(isinstance(plate, Labware) and isinstance(plate["A1"], Well)))',
        "ctx.comment(' | '.join(names))",
      ].join('\n'),
    ),
  );
  assert.deepEqual(a.errors, []);
  assert.equal(
    a.runLog[0].text,
    'ProtocolContext | 2.19 | 2.7 | LEFT | (1, 2, 3.5) | Point(x=1, y=2, z=3) | (15.38, 74.24, 15.219999999999999) | True',
  );
});

test('max_speeds reach the engine, location_cache reads and writes, position_for prints floats', async () => {
  const base = [
    "tips = ctx.load_labware('opentrons_96_tiprack_300ul', 1)",
    "plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2)",
    "p = ctx.load_instrument('p300_single_gen2', 'left', tip_racks=[tips])",
  ];
  const moves = ['p.pick_up_tip()', "p.aspirate(50, plate['A1'])"];
  const free = await analyze(svc, protocol([...base, ...moves].join('\n')));
  const capped = await analyze(svc, protocol([...base, "ctx.max_speeds['Z'] = 5", ...moves].join('\n')));
  assert.deepEqual(capped.errors, []);
  assert.ok(capped.estimatedDurationSeconds > free.estimatedDurationSeconds);

  const cache = await analyze(
    svc,
    protocol(
      [
        ...base,
        "ctx.comment('before: {}'.format(ctx.location_cache))",
        'p.pick_up_tip()',
        "p.move_to(plate['A1'].top())",
        "ctx.comment('cached: {}'.format(ctx.location_cache.labware))",
        'ctx.location_cache = None',
        "ctx.comment('cleared: {}'.format(ctx.location_cache))",
        "ctx.comment(repr(ctx.deck.position_for(5)))",
      ].join('\n'),
    ),
  );
  assert.deepEqual(cache.errors, []);
  assert.deepEqual(cache.runLog.filter((e) => e.name === 'command.COMMENT').map((e) => e.text), [
    'before: None',
    'cached: A1 of Corning 96 Well Plate 360 µL Flat on 2',
    'cleared: None',
    'Location(point=Point(x=132.5, y=90.5, z=0.0), labware=5)',
  ]);
});
