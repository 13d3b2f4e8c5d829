// The Protocol Engine runtime of robot software 7.5.0 for Python protocols at apiLevel ≥ 2.14
// (python-protocol-api 2.12–2.19, §B.2.14 and Part C.2): location strings, labware loading,
// the removed members, the deck, liquids. Run logs compared line for line with the spec's.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Analysis } from '../../../src/common/index.ts';
import { analyze, protocol, service } from '../helpers.ts';
import { lines } from './helpers.ts';

const svc = service();
after(() => svc.close());

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

/** The URIs the analysis's loadLabware commands loaded, in order. */
function loadedUris(a: Analysis): string[] {
  return (a.commands ?? [])
    .filter((c) => c.commandType === 'loadLabware' && c.status === 'succeeded')
    .map((c) => String((c.result as { definitionUri: string }).definitionUri));
}

describe('engine core: labware loading (§B.2.14)', () => {
  const LOADS = `
ctx.load_labware('Corning_96_WellPlate_360ul_Flat', 1)
ctx.load_labware('nest_12_reservoir_15ml', 2)
ctx.load_labware('opentrons_96_tiprack_300ul', 3)
ctx.load_labware('nest_1_reservoir_195ml', 4)
ctx.load_labware('corning_96_wellplate_360ul_flat', 5, version=1)
mag = ctx.load_module('magnetic module gen2', 6)
mag.load_labware('nest_96_wellplate_100ul_pcr_full_skirt')
block = ctx.load_labware('opentrons_24_aluminumblock_generic_2ml_screwcap', 7)
ctx.comment('%.1f %s' % (block.highest_z, block.uri))
`;

  it('lower-cases the load name and loads the default versions from 2.14', async () => {
    const a = await analyze(svc, protocol(LOADS, '2.14'));
    assert.deepEqual(a.errors, []);
    assert.deepEqual(loadedUris(a), [
      'opentrons/corning_96_wellplate_360ul_flat/2',
      'opentrons/nest_12_reservoir_15ml/1',
      'opentrons/opentrons_96_tiprack_300ul/1',
      'opentrons/nest_1_reservoir_195ml/2',
      'opentrons/corning_96_wellplate_360ul_flat/1',
      'opentrons/nest_96_wellplate_100ul_pcr_full_skirt/2',
      'opentrons/opentrons_24_aluminumblock_generic_2ml_screwcap/2',
    ]);
    assert.deepEqual(lines(a), ['48.7 opentrons/opentrons_24_aluminumblock_generic_2ml_screwcap/2']);
    const load = (a.commands ?? []).find((c) => c.commandType === 'loadLabware');
    assert.equal(load?.params.namespace, 'opentrons');
    assert.equal(load?.params.version, 2);
  });

  it('keeps version 1 at 2.13', async () => {
    const a = await analyze(svc, protocol(LOADS, '2.13'));
    assert.deepEqual(a.errors, []);
    assert.ok(loadedUris(a).every((uri) => uri.endsWith('/1')));
    assert.deepEqual(lines(a), ['42.0 opentrons/opentrons_24_aluminumblock_generic_2ml_screwcap/1']);
  });

  it('prefers custom definitions of the same load name, filtered by namespace and version', async () => {
    const def = JSON.parse(
      await import('node:fs').then((fs) => fs.readFileSync('node_modules/@opentrons/shared-data/labware/definitions/2/corning_96_wellplate_360ul_flat/1.json', 'utf8')),
    ) as { namespace: string };
    def.namespace = 'custom_beta';
    const body = `
a = ctx.load_labware('corning_96_wellplate_360ul_flat', 1)
b = ctx.load_labware('corning_96_wellplate_360ul_flat', 2, namespace='opentrons')
c = ctx.load_labware('corning_96_wellplate_360ul_flat', 3, version=1)
d = ctx.load_labware('corning_96_wellplate_360ul_flat', 4, namespace='opentrons', version=3)
`;
    const a = await analyze(svc, protocol(body, '2.15'), [{ name: 'plate.json', data: new TextEncoder().encode(JSON.stringify(def)) }]);
    assert.deepEqual(a.errors, []);
    assert.deepEqual(loadedUris(a), [
      'custom_beta/corning_96_wellplate_360ul_flat/1',
      'opentrons/corning_96_wellplate_360ul_flat/2',
      'custom_beta/corning_96_wellplate_360ul_flat/1',
      'opentrons/corning_96_wellplate_360ul_flat/3',
    ]);
  });

  it('finds a definition loaded with load_labware_from_definition by its load name', async () => {
    const body = `
from opentrons.protocol_api.labware import get_labware_definition
d = dict(get_labware_definition('nest_12_reservoir_15ml'))
d['namespace'] = 'mine'
ctx.load_labware_from_definition(d, 1)
again = ctx.load_labware('nest_12_reservoir_15ml', 2)
ctx.comment(again.uri)
`;
    const a = await analyze(svc, protocol(body, '2.14'));
    assert.deepEqual(a.errors, []);
    assert.deepEqual(lines(a), ['mine/nest_12_reservoir_15ml/1']);
  });

  it('names the load name, version and namespace of labware it cannot find', async () => {
    const a = await analyze(svc, protocol(`ctx.load_labware('nonexistent_labware_xyz', 1)`, '2.14'));
    assert.equal(a.errors.length, 1);
    assert.match(a.errors[0].description, /FileNotFoundError: Labware "nonexistent_labware_xyz" not found with version 1 in namespace "opentrons"\.$/);
  });
});

describe('engine core: removed and refused members (§B.2.14)', () => {
  const SETUP = `
tips = ctx.load_labware('opentrons_96_tiprack_300ul', 1)
plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2)
mag = ctx.load_module('magnetic module gen2', 4)
p = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])
`;
  const CASES: [string, string, string?][] = [
    ['p.speed', 'InstrumentContext.speed has been removed. Use InstrumentContext.flow_rate, instead.'],
    [
      'ctx.max_speeds',
      "ProtocolContext.max_speeds is not supported at apiLevel 2.14 or higher. Use a lower apiLevel or set speeds using InstrumentContext.default_speed or the per-method 'speed' argument.",
    ],
    ['ctx.resume()', 'A Python Protocol cannot safely resume itself after a pause. To wait automatically for a period of time, use ProtocolContext.delay().', 'Resuming robot operation'],
    ["plate.name = 'x'", 'Labware.name setter has been deprecated'],
    ['tips.tip_length = 50', 'Labware.tip_length setter has been deprecated'],
    [
      'plate.set_calibration(None)',
      "Labware.set_calibration() is not supported when apiLevel is 2.14 or higher. Use a lower apiLevel or use the Opentrons App's Labware Position Check.",
    ],
    ['plate.separate_calibration', 'Labware.separate_calibration has been removed'],
    ["tips.use_tips(tips['A1'])", 'Labware.use_tips has been deprecated. To modify tip state, use Labware.reset'],
    ['tips.previous_tip()', 'Labware.previous_tip is unsupported in this API version.'],
    ["tips.return_tips(tips['A1'])", 'Labware.return_tips() is unsupported in this API version. Use Labware.reset() instead.'],
    ["tips['A1'].has_tip = False", 'Manually setting the tip state of a well in a tip rack has been deprecated.'],
    ["plate['A1'].geometry", 'Well.geometry has been deprecated.'],
    ['mag.geometry', '`ModuleContext.geometry` has been deprecated; use properties of the `ModuleContext` itself, instead.'],
    [
      'mag.load_labware_object(plate)',
      '`ModuleContext.load_labware_object` is an internal, deprecated method. Use `ModuleContext.load_labware` or `load_labware_by_definition` instead.',
    ],
    ['mag.engage(height=10)', 'The height parameter of MagneticModuleContext.engage() was removed in 2.14. Use offset or height_from_base instead.', 'Engaging Magnetic Module'],
    ['mag.calibrate()', '`MagneticModuleContext.calibrate` has been removed.', 'Calibrating Magnetic Module'],
    ["ctx.load_module('thermocycler', configuration='semi')", 'The configuration parameter of load_module has been removed.'],
    ['p.pick_up_tip(presses=2)', 'presses is only available in API versions lower than 2.14, but you are using API 2.15.'],
    ['p.pick_up_tip(increment=1)', 'increment is only available in API versions lower than 2.14, but you are using API 2.15.'],
    ['plate.reset()', 'Corning 96 Well Plate 360 µL Flat is not a tip rack.'],
  ];
  for (const [call, text, entry] of CASES) {
    it(`${call} → ${text.slice(0, 50)}…`, async () => {
      const a = await analyze(svc, protocol(`${SETUP}\n${call}`, '2.15'));
      assert.equal(a.errors.length, 1);
      assert.ok(a.errors[0].description.endsWith(text), a.errors[0].description);
      assert.deepEqual(lines(a), entry === undefined ? [] : [entry]);
    });
  }

  it('refuses deleting deck items at exactly 2.14 and allows it again from 2.15', async () => {
    const at214 = await analyze(svc, protocol(`${SETUP}\ndel ctx.deck['2']`, '2.14'));
    assert.ok(at214.errors[0]?.description.endsWith('Deleting deck elements is not supported with apiLevel 2.14. Try increasing your apiLevel to 2.15.'));
    const at213 = await analyze(svc, protocol(`${SETUP}\ndel ctx.deck['2']`, '2.13'));
    assert.deepEqual(at213.errors, []);
  });

  it('refuses the tip length of labware that is not a tip rack', async () => {
    const a = await analyze(svc, protocol(`${SETUP}\nctx.comment(str(tips.tip_length))\nplate.tip_length`, '2.14'));
    assert.deepEqual(lines(a), ['59.3']);
    assert.match(a.errors[0].description, /Error 4000 GENERAL_ERROR \(LabwareIsNotTipRackError\): Labware \S+ has no tip length defined\.$/);
  });

  it('keeps every removed member at 2.13', async () => {
    const body = `${SETUP}
p.speed.aspirate
ctx.max_speeds['x'] = 100
plate.separate_calibration
tips.use_tips(tips['A1'])
tips.previous_tip()
plate.reset()
mag.engage(height=10)
mag.calibrate()
`;
    const a = await analyze(svc, protocol(body, '2.13'));
    assert.deepEqual(a.errors, []);
  });
});

describe('engine core: deck, modules and pipette state (§B.2.14)', () => {
  it('keys the deck by slot strings with the public objects, the Thermocycler on all its slots', async () => {
    const body = `
plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2)
tips = ctx.load_labware('opentrons_96_tiprack_300ul', 1)
tc = ctx.load_module('thermocycler')
mag = ctx.load_module('magnetic module gen2', 4)
pcr = mag.load_labware('nest_96_wellplate_100ul_pcr_full_skirt')
ctx.comment(repr(list(ctx.deck.keys())))
ctx.comment(repr([ctx.deck['2'] is plate, ctx.deck[2] is plate, ctx.deck['4'] is mag, pcr.parent is mag]))
ctx.comment(repr([ctx.deck[s] is tc for s in ('7', '8', '10', '11')] + [ctx.deck['3'], str(ctx.deck['12'])]))
ctx.comment(repr(list(ctx.loaded_labwares.items())))
ctx.comment(repr(list(ctx.loaded_modules.keys())))
ctx.comment(repr([mag.model, mag.type, mag.parent, mag.serial_number.startswith('fake-serial-number-'), tc.model]))
try:
    ctx.deck[13]
except KeyError as e:
    ctx.comment('KeyError: ' + str(e))
`;
    const a = await analyze(svc, protocol(body, '2.15'));
    assert.deepEqual(a.errors, []);
    assert.deepEqual(lines(a), [
      "['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']",
      '[True, True, True, True]',
      '[True, True, True, True, None, \'Opentrons Fixed Trash\']',
      '[(12, Opentrons Fixed Trash), (2, Corning 96 Well Plate 360 µL Flat), (1, Opentrons OT-2 96 Tip Rack 300 µL), (4, NEST 96 Well Plate 100 µL PCR Full Skirt)]',
      '[7, 4]',
      "['magneticModuleV2', 'magneticModuleType', '4', True, 'thermocyclerModuleV1']",
      'KeyError: 13',
    ]);
  });

  it('gates the module members at 2.14', async () => {
    const a = await analyze(svc, protocol(`mag = ctx.load_module('magnetic module gen2', 4)\nmag.model`, '2.13'));
    assert.ok(
      a.errors[0]?.description.endsWith('ModuleContext.model was added in 2.14, but your protocol requested version 2.13. You must increase your API version to 2.14 to use this functionality.'),
    );
  });

  it('takes 0 µL from an empty tip when no volume is given, keeps the location cache across home', async () => {
    const body = `
plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2)
tips = ctx.load_labware('opentrons_96_tiprack_300ul', 1)
p = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])
p.pick_up_tip()
ctx.comment(repr([p.current_volume, p.default_speed, type(p.hw_pipette).__name__, len(p.hw_pipette)]))
p.aspirate(location=plate['A1'])
p.mix(2, location=plate['A1'])
p.air_gap()
p.aspirate(100, plate['A1'])
p.aspirate()
ctx.comment(repr(p.current_volume))
ctx.home()
p.blow_out()
p.drop_tip(plate['B1'])
`;
    const a = await analyze(svc, protocol(body, '2.15'));
    assert.deepEqual(a.errors, []);
    const at = ' of Corning 96 Well Plate 360 µL Flat on slot 2';
    assert.deepEqual(lines(a), [
      'Picking up tip from A1 of Opentrons OT-2 96 Tip Rack 300 µL on slot 1',
      "[0, 400, 'dict', 0]",
      `Aspirating 0.0 uL from A1${at} at 92.86 uL/sec`,
      'Mixing 2 times with a volume of 0.0 ul',
      `\tAspirating 0.0 uL from A1${at} at 92.86 uL/sec`,
      `\tDispensing 0.0 uL into A1${at} at 92.86 uL/sec`,
      `\tAspirating 0.0 uL from A1${at} at 92.86 uL/sec`,
      `\tDispensing 0.0 uL into A1${at} at 92.86 uL/sec`,
      'Air gap',
      `\tAspirating 0.0 uL from A1${at} at 92.86 uL/sec`,
      `Aspirating 100.0 uL from A1${at} at 92.86 uL/sec`,
      `Aspirating 200.0 uL from A1${at} at 92.86 uL/sec`,
      '300.0',
      `Blowing out at A1${at}`,
      `Dropping tip into B1${at}`,
    ]);
  });

  it('leaves module status as it started in simulation', async () => {
    const body = `
temp = ctx.load_module('temperature module gen2', 3)
mag = ctx.load_module('magnetic module gen2', 4)
mag.load_labware('nest_96_wellplate_100ul_pcr_full_skirt')
temp.set_temperature(40)
mag.engage()
ctx.comment(repr([temp.temperature, temp.target, temp.status, mag.status]))
`;
    const a = await analyze(svc, protocol(body, '2.14'));
    assert.deepEqual(a.errors, []);
    assert.equal(lines(a).at(-1), "[0, None, 'idle', 'disengaged']");
  });

  it('computes engage heights from the labware base the engine way (GEN1 doubled, v2 defaults)', async () => {
    const gen1 = await analyze(svc, protocol(`mag = ctx.load_module('magdeck', 4)\nmag.load_labware('nest_96_wellplate_100ul_pcr_full_skirt')\nmag.engage(offset=1)`, '2.14'));
    assert.match(gen1.errors[0]?.description ?? '', /Invalid engage height for magneticModuleV1: 47(\.0)?\b/);
    const gen2 = await analyze(svc, protocol(`mag = ctx.load_module('magnetic module gen2', 4)\nmag.load_labware('nest_96_wellplate_100ul_pcr_full_skirt')\nmag.engage(offset=5)`, '2.14'));
    assert.match(gen2.errors[0]?.description ?? '', /Invalid engage height for magneticModuleV2: 27\.5\b/);
    const fromBase = await analyze(svc, protocol(`mag = ctx.load_module('magdeck', 4)\nmag.engage(height_from_base=20)\nmag.engage(height_from_base=21)`, '2.14'));
    assert.match(fromBase.errors[0]?.description ?? '', /Invalid engage height for magneticModuleV1: 47(\.0)?\b/);
    assert.deepEqual(lines(fromBase), ['Engaging Magnetic Module', 'Engaging Magnetic Module']);
    const none = await analyze(svc, protocol(`mag = ctx.load_module('magdeck', 4)\nmag.load_labware('corning_96_wellplate_360ul_flat')\nmag.engage()`, '2.14'));
    assert.ok(
      none.errors[0]?.description.endsWith(
        'The labware loaded on this Magnetic Module does not have a default engage height, so you must specify an engage height with the `height_from_base` parameter.',
      ),
    );
  });
});

describe('engine core: liquids (§B.2.14)', () => {
  it('defines liquids and loads them into wells: analysis liquids, loadLiquid commands, starting volumes', async () => {
    const body = `
plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2)
water = ctx.define_liquid('Water', 'H2O', '#00FF00')
dye = ctx.define_liquid(name='Dye', description=None, display_color=None)
ctx.comment(repr(water).split("'")[0] + ' ' + repr(water).split("', ", 1)[1])
ctx.comment(repr(dye.description) + ' ' + repr(dye.display_color))
plate['A1'].load_liquid(water, 100)
plate['B1'].load_liquid(dye, 50)
`;
    const a = await analyze(svc, protocol(body, '2.14'));
    assert.deepEqual(a.errors, []);
    assert.deepEqual(lines(a), ["Liquid(_id= name='Water', description='H2O', display_color='#00FF00')", "'' None"]);
    const { completedAnalysis } = await import('../../../src/analysis/index.ts');
    const shaped = completedAnalysis(a, { id: 'a1', createdAt: '2024-01-01T00:00:00.000Z' });
    assert.deepEqual(
      shaped.liquids.map((l) => ({ ...l, id: typeof l.id })),
      [
        { id: 'string', displayName: 'Water', description: 'H2O', displayColor: '#00FF00' },
        { id: 'string', displayName: 'Dye', description: '', displayColor: null },
      ],
    );
    const loads = shaped.commands.filter((c) => c.commandType === 'loadLiquid');
    assert.deepEqual(
      loads.map((c) => c.params),
      [
        { liquidId: shaped.liquids[0].id, labwareId: (shaped.labware.find((l) => l.loadName === 'corning_96_wellplate_360ul_flat') ?? { id: '' }).id, volumeByWell: { A1: 100 } },
        { liquidId: shaped.liquids[1].id, labwareId: (shaped.labware.find((l) => l.loadName === 'corning_96_wellplate_360ul_flat') ?? { id: '' }).id, volumeByWell: { B1: 50 } },
      ],
    );
    assert.ok(!shaped.commands.some((c) => c.commandType.startsWith('labwright/defineLiquid')));
    assert.deepEqual(
      a.liquids.map((w) => [w.well, w.finalVolume]),
      [
        ['A1', 100],
        ['B1', 50],
      ],
    );
  });

  it('refuses a display colour that is not a hex colour, and both members below 2.14', async () => {
    const bad = await analyze(svc, protocol(`ctx.define_liquid('W', 'd', 'B925FF')`, '2.14'));
    assert.ok(bad.errors[0]?.description.endsWith('1 validation error for Liquid\ndisplayColor -> __root__\n  Color is not a valid hex color. (type=value_error)'));
    const old = await analyze(svc, protocol(`ctx.define_liquid('W', 'd', '#fff')`, '2.13'));
    assert.ok(old.errors[0]?.description.endsWith('ProtocolContext.define_liquid was added in 2.14, but your protocol requested version 2.13. You must increase your API version to 2.14 to use this functionality.'));
    const well = await analyze(svc, protocol(`plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2)\nplate['A1'].load_liquid(None, 10)`, '2.13'));
    assert.match(well.errors[0]?.description ?? '', /Well\.load_liquid was added in 2\.14, but your protocol requested version 2\.13\./);
  });
});

describe('engine core: a real-world-style 2.15 protocol', () => {
  it('replicates a plate with liquids, a magnetic and a temperature module, line for line', async () => {
    const text = `from opentrons import protocol_api

metadata = {'protocolName': 'Plate replication', 'author': 'Lab'}
requirements = {'robotType': 'OT-2', 'apiLevel': '2.15'}


def run(protocol: protocol_api.ProtocolContext):
    tips = protocol.load_labware('opentrons_96_tiprack_300ul', 1)
    source = protocol.load_labware('nest_96_wellplate_200ul_flat', 2, 'Source')
    temp = protocol.load_module('temperature module gen2', 3)
    cold = temp.load_labware('opentrons_96_aluminumblock_nest_wellplate_100ul', 'Cold plate')
    mag = protocol.load_module('magnetic module gen2', 4)
    beads = mag.load_labware('nest_96_wellplate_100ul_pcr_full_skirt')
    p300 = protocol.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])

    sample = protocol.define_liquid('Sample', 'Diluted sample', '#1f77b4')
    for well in source.wells()[:2]:
        well.load_liquid(sample, 150)

    temp.set_temperature(4)
    for src, dest in zip(source.wells()[:2], cold.wells()[:2]):
        p300.pick_up_tip()
        p300.aspirate(50, src)
        p300.dispense(50, dest)
        p300.mix(2, 30, dest)
        p300.blow_out(dest.top())
        p300.drop_tip()
    p300.transfer(20, cold['A1'], beads['A1'], new_tip='once')
    mag.engage(height_from_base=5)
    protocol.delay(minutes=1)
    mag.disengage()
    temp.deactivate()
`;
    const a = await analyze(svc, text);
    assert.deepEqual(a.errors, []);
    const src = (w: string) => `${w} of Source on slot 2`;
    const cold = (w: string) => `${w} of Cold plate on Temperature Module GEN2 on slot 3`;
    const rack = (w: string) => `${w} of Opentrons OT-2 96 Tip Rack 300 µL on slot 1`;
    const trash = 'A1 of Opentrons Fixed Trash on slot 12';
    const step = (i: number, w: string) => [
      `Picking up tip from ${rack(w)}`,
      `Aspirating 50.0 uL from ${src(w)} at 92.86 uL/sec`,
      `Dispensing 50.0 uL into ${cold(w)} at 92.86 uL/sec`,
      'Mixing 2 times with a volume of 30.0 ul',
      `\tAspirating 30.0 uL from ${cold(w)} at 92.86 uL/sec`,
      `\tDispensing 30.0 uL into ${cold(w)} at 92.86 uL/sec`,
      `\tAspirating 30.0 uL from ${cold(w)} at 92.86 uL/sec`,
      `\tDispensing 30.0 uL into ${cold(w)} at 92.86 uL/sec`,
      `Blowing out at ${cold(w)}`,
      `Dropping tip into ${trash}`,
    ].map((l) => (i >= 0 ? l : l));
    assert.deepEqual(lines(a), [
      'Setting Temperature Module temperature to 4.0 °C (rounded off to nearest integer)',
      ...step(0, 'A1'),
      ...step(1, 'B1'),
      `Transferring 20.0 from ${cold('A1')} to A1 of NEST 96 Well Plate 100 µL PCR Full Skirt on Magnetic Module GEN2 on slot 4`,
      `\tPicking up tip from ${rack('C1')}`,
      `\tAspirating 20.0 uL from ${cold('A1')} at 92.86 uL/sec`,
      '\tDispensing 20.0 uL into A1 of NEST 96 Well Plate 100 µL PCR Full Skirt on Magnetic Module GEN2 on slot 4 at 92.86 uL/sec',
      `\tDropping tip into ${trash}`,
      'Engaging Magnetic Module',
      'Delaying for 1 minutes and 0.0 seconds',
      'Disengaging Magnetic Module',
      'Deactivating Temperature Module',
    ]);
    assert.deepEqual(
      a.liquids.filter((w) => w.labware === 'Source').map((w) => [w.well, w.volumeOut, w.finalVolume]),
      [
        ['A1', 50, 100],
        ['B1', 50, 100],
      ],
    );
  });
});
