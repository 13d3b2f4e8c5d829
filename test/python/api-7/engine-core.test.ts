// The Protocol Engine runtime of robot software 7.5.0 for Python protocols at apiLevel ≥ 2.14
// (python-protocol-api 2.12–2.19, §B.2.14 and Part C.2): location strings, labware loading,
// the removed members, the deck, liquids. Run logs compared line for line with the spec's.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Analysis } from '../../../src/common/index.ts';
import { analyze, protocol, service } from '../helpers.ts';

const svc = service();
after(() => svc.close());

/** The run log as 7.5.0's simulator prints it (today's names, tabs for nesting). */
function lines(a: Analysis): string[] {
  return a.runLog.map((e) => '\t'.repeat(e.level) + e.text);
}

// Part C.2's complete verified engine-path example (2.15, P300 GEN2, plate labelled "My Plate").
// Its last line (`a {b} c`, literal braces) is Part A's, tested with the all-level changes.
const C2_BODY = `
tips = ctx.load_labware('opentrons_96_tiprack_300ul', 1)
plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2, 'My Plate')
mag = ctx.load_module('magnetic module gen2', 4)
pcr = mag.load_labware('nest_96_wellplate_100ul_pcr_full_skirt')
temp = ctx.load_module('temperature module', 3)
blk = temp.load_labware('opentrons_24_aluminumblock_nest_1.5ml_snapcap')
p = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])
p.pick_up_tip()
p.aspirate(50, plate['A1'])
p.dispense(50, pcr['A1'])
p.blow_out(blk['A1'])
p.touch_tip()
p.air_gap(10)
p.move_to(plate['B1'].top())
p.move_to(ctx.deck.position_for(5))
p.drop_tip()
p.pick_up_tip()
p.return_tip()
p.home()
mag.engage(height_from_base=5)
mag.disengage()
temp.set_temperature(38)
temp.deactivate()
ctx.delay(seconds=1.5)
ctx.pause('hi')
`;

const C2_LOG = [
  'Picking up tip from A1 of Opentrons OT-2 96 Tip Rack 300 µL on slot 1',
  'Aspirating 50.0 uL from A1 of My Plate on slot 2 at 92.86 uL/sec',
  'Dispensing 50.0 uL into A1 of NEST 96 Well Plate 100 µL PCR Full Skirt on Magnetic Module GEN2 on slot 4 at 92.86 uL/sec',
  'Blowing out at A1 of Opentrons 24 Well Aluminum Block with NEST 1.5 mL Snapcap on Temperature Module GEN1 on slot 3',
  'Touching tip',
  'Air gap',
  '\tAspirating 10.0 uL from A1 of Opentrons 24 Well Aluminum Block with NEST 1.5 mL Snapcap on Temperature Module GEN1 on slot 3 at 92.86 uL/sec',
  'Moving to B1 of My Plate on slot 2',
  'Moving to 5',
  'Dropping tip into A1 of Opentrons Fixed Trash on slot 12',
  'Picking up tip from B1 of Opentrons OT-2 96 Tip Rack 300 µL on slot 1',
  'Returning tip',
  '\tDropping tip into B1 of Opentrons OT-2 96 Tip Rack 300 µL on slot 1',
  'Homing pipette plunger on mount right',
  'Engaging Magnetic Module',
  'Disengaging Magnetic Module',
  'Setting Temperature Module temperature to 38.0 °C (rounded off to nearest integer)',
  'Deactivating Temperature Module',
  'Delaying for 0 minutes and 1.5 seconds',
  'Pausing robot operation: hi',
];

describe('engine core: location strings (Part C.2)', () => {
  it("reproduces C.2's verified example at 2.15 line for line", async () => {
    const a = await analyze(svc, protocol(C2_BODY, '2.15'));
    assert.deepEqual(a.errors, []);
    assert.deepEqual(lines(a), C2_LOG);
  });

  it('prints the same protocol at 2.14 the same way', async () => {
    const a = await analyze(svc, protocol(C2_BODY, '2.14'));
    assert.deepEqual(a.errors, []);
    assert.deepEqual(lines(a), C2_LOG);
  });

  it('prints `on N` for the same protocol at 2.13', async () => {
    const a = await analyze(svc, protocol(C2_BODY, '2.13'));
    assert.deepEqual(a.errors, []);
    assert.deepEqual(
      lines(a),
      C2_LOG.map((l) => l.replace(/ on slot (\d+)/g, ' on $1')),
    );
  });

  it('prints labware without its place, and Locations tied to labware or modules as C.2 says', async () => {
    const body = `
from opentrons.types import Location, Point
plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2, 'My Plate')
bare = ctx.load_labware('corning_96_wellplate_360ul_flat', 5)
temp = ctx.load_module('temperature module gen2', 3)
tp = temp.load_labware('corning_96_wellplate_360ul_flat', 'TP')
tc = ctx.load_module('thermocycler')
pcr = tc.load_labware('nest_96_wellplate_100ul_pcr_full_skirt')
tips = ctx.load_labware('opentrons_96_tiprack_300ul', 1)
p = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])
ctx.comment(str(plate) + '|' + repr(bare) + '|' + str(plate['A1']) + '|' + str(ctx.fixed_trash))
ctx.comment(str(tp) + '|' + str(tp['A1']) + '|' + str(pcr['A1']))
p.move_to(Location(Point(100, 100, 50), bare))
p.move_to(Location(Point(100, 100, 50), tp))
p.move_to(Location(Point(100, 100, 50), temp))
p.move_to(Location(Point(100, 100, 50), None))
`;
    const a = await analyze(svc, protocol(body, '2.14'));
    assert.deepEqual(a.errors, []);
    assert.deepEqual(lines(a), [
      'My Plate|Corning 96 Well Plate 360 µL Flat|A1 of My Plate on slot 2|Opentrons Fixed Trash',
      'TP|A1 of TP on Temperature Module GEN2 on slot 3|A1 of NEST 96 Well Plate 100 µL PCR Full Skirt on Thermocycler Module GEN1 on slot 7',
      'Moving to Corning 96 Well Plate 360 µL Flat',
      'Moving to TP',
      'Moving to TemperatureModuleContext at Temperature Module GEN2 on 3 lw TP',
      'Moving to (100, 100, 50)',
    ]);
  });
});
