// Motion planning rules the original applies on every move: the pipette's real maximum height
// (LabwareHeightError), the per-mount planning origin from 2.10, `max_speeds`, touch-tip edge
// skipping next to modules (2.4+) and the thermocycler's `semi` configuration. Durations are the
// engine's modeled clock (deterministic), never wall-clock time.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedDefinitions } from '../../src/definitions/index.ts';
import { ProtocolEngine } from '../../src/engine/index.ts';
import type { LabwareDefinition } from '../../src/engine/index.ts';
import { engine, throwsPy, well } from './helpers.ts';

/** Corning's plate definition made `height` mm tall (a custom labware, as in the corpus). */
function tallPlate(height: number): LabwareDefinition {
  const found = sharedDefinitions().findLabware('corning_96_wellplate_360ul_flat', null, null, []);
  assert.ok(found.ok);
  const def = structuredClone(found.definition);
  def.namespace = 'custom_beta';
  def.parameters = { ...def.parameters, loadName: 'custom_tall_plate' };
  def.metadata = { ...def.metadata, displayName: 'Tall Plate' };
  def.dimensions = { ...def.dimensions, zDimension: height };
  return def;
}

function entry(e: ProtocolEngine, prefix: string, nth = 0) {
  const found = e.runLog.filter((x) => x.text.startsWith(prefix));
  assert.ok(found[nth], `no entry ${nth} starting with ${prefix}`);
  return found[nth];
}

/** An engine of a run (the hardware-backed planning), not an analysis. */
function runEngine(apiLevel = '2.11'): ProtocolEngine {
  return new ProtocolEngine({ apiLevel, definitions: sharedDefinitions(), isSimulating: false });
}

const TOO_TALL = 'which is too tall for your current pipette configurations\\. The longest pipette on your robot can only be raised to ';

describe('LabwareHeightError in an analysis (4.7 fast simulation: max height cached at load)', () => {
  test('P300 GEN2 keeps 172.15 − 2 + 4.45 = 174.6 mm with a tip: a 160 mm labware is allowed, 174 mm is not', () => {
    const e = engine('2.11');
    const plate = e.loadLabware('corning_96_wellplate_360ul_flat', 1).labwareId;
    const tips = e.loadLabware('opentrons_96_tiprack_300ul', 2).labwareId;
    e.loadLabwareFromDefinition(tallPlate(160), 3);
    const p = e.loadInstrument('p300_single_gen2', 'right', [tips]).pipetteId;
    e.pickUpTip(p);
    e.aspirate(p, 50, well(plate, 'A1'));
    e.dropTip(p);
    const e2 = engine('2.11');
    const plate2 = e2.loadLabware('corning_96_wellplate_360ul_flat', 1).labwareId;
    const tips2 = e2.loadLabware('opentrons_96_tiprack_300ul', 2).labwareId;
    e2.loadLabwareFromDefinition(tallPlate(174), 3);
    const p2 = e2.loadInstrument('p300_single_gen2', 'right', [tips2]).pipetteId;
    throwsPy(
      () => e2.pickUpTip(p2),
      'LabwareHeightError',
      new RegExp(
        '^The <opentrons\\.protocols\\.context\\.protocol_api\\.labware\\.LabwareImplementation object at 0x[0-9a-f]+> ' +
          'has a total height of 174\\.0 mm, ' + TOO_TALL + '174\\.6 mm above the deck\\.',
      ),
    );
    assert.ok(plate2);
  });

  test('the origin is the last location of either mount at every level: an arc inside one labware never raises', () => {
    const e = engine('2.11');
    const plate = e.loadLabware('corning_96_wellplate_360ul_flat', 1).labwareId;
    const tips = e.loadLabware('opentrons_96_tiprack_20ul', 2).labwareId;
    e.loadLabwareFromDefinition(tallPlate(160), 3);
    const left = e.loadInstrument('p300_single_gen2', 'left', [tips]).pipetteId;
    const right = e.loadInstrument('p20_single_gen2', 'right', [tips]).pipetteId;
    e.moveTo(left, { kind: 'location', point: e.labwareInfo(tips).wells[0].top, ref: { kind: 'well', labwareId: tips, wellName: 'A1' } });
    e.pickUpTip(right); // from the left pipette's labware: 155.6 mm < 161 mm does not matter
    throwsPy(() => e.aspirate(right, 5, well(plate, 'A1')), 'LabwareHeightError', new RegExp('has a total height of 160\\.0 mm, ' + TOO_TALL + '155\\.6 mm'));
  });

  test('labware on a Temperature Module GEN2: 80.09 + 85.2 = 165.29 mm needs 166.29 mm (P300 GEN2 yes, P20 GEN2 no)', () => {
    for (const [name, raises] of [['p300_single_gen2', false], ['p20_single_gen2', true]] as const) {
      const e = engine('2.11');
      const plate = e.loadLabware('corning_96_wellplate_360ul_flat', 2).labwareId;
      const tips = e.loadLabware('opentrons_96_tiprack_20ul', 1).labwareId;
      const mod = e.loadModule('temperature module gen2', 3).moduleId;
      const rack = e.moduleLoadLabware(mod, 'opentrons_24_tuberack_nest_1.5ml_screwcap').labwareId;
      const p = e.loadInstrument(name, 'left', [tips]).pipetteId;
      // the first move comes from nowhere: already an arc over the deck's tallest item
      const go = () => {
        e.pickUpTip(p);
        e.aspirate(p, 10, well(rack, 'A1'));
        e.dispense(p, 10, well(plate, 'A1'));
      };
      if (!raises) go();
      else throwsPy(go, 'LabwareHeightError', new RegExp('^The Opentrons 24 Tube Rack with NEST 1\\.5 mL Screwcap on Temperature Module GEN2 on 3 has a total height of 165\\.29000000000002 mm, ' + TOO_TALL + '155\\.6 mm'));
    }
  });
});

describe('LabwareHeightError in a run (hardware-backed planning, calibrated heights)', () => {
  test('P300 GEN2 with a 300 µL tip reaches 172.15 − 2 + 29.45 − 51.1 = 148.5 mm', () => {
    const e = runEngine('2.11');
    const plate = e.loadLabware('corning_96_wellplate_360ul_flat', 1).labwareId;
    const tips = e.loadLabware('opentrons_96_tiprack_300ul', 2).labwareId;
    e.loadLabwareFromDefinition(tallPlate(160), 3);
    const p = e.loadInstrument('p300_single_gen2', 'right', [tips]).pipetteId;
    e.pickUpTip(p); // no tip yet: 199.6 mm is enough for 160 mm
    throwsPy(
      () => e.aspirate(p, 50, well(plate, 'A1')),
      'LabwareHeightError',
      new RegExp(
        '^The <opentrons\\.protocols\\.context\\.protocol_api\\.labware\\.LabwareImplementation object at 0x[0-9a-f]+> ' +
          'has a total height of 160\\.0 mm, ' + TOO_TALL + '148\\.5 mm above the deck\\.',
      ),
    );
  });

  test('a GEN1 P300 (Z home 220) clears the same labware, and moves inside one labware never raise', () => {
    const e = runEngine('2.11');
    const plate = e.loadLabware('corning_96_wellplate_360ul_flat', 1).labwareId;
    const tips = e.loadLabware('opentrons_96_tiprack_300ul', 2).labwareId;
    e.loadLabwareFromDefinition(tallPlate(160), 3);
    const p = e.loadInstrument('p300_single', 'right', [tips]).pipetteId;
    e.pickUpTip(p);
    e.aspirate(p, 50, well(plate, 'A1'));
    e.dispense(p, 50, well(plate, 'A2'));
    assert.equal(e.runLog.length, 3);
    // 191.17 mm with the tip: 190 mm leaves the 1 mm margin (the arc is capped at 191.17)
    const e2 = runEngine('2.11');
    const tips2 = e2.loadLabware('opentrons_96_tiprack_300ul', 2).labwareId;
    const tall2 = e2.loadLabwareFromDefinition(tallPlate(190), 3).labwareId;
    const p2 = e2.loadInstrument('p300_single', 'right', [tips2]).pipetteId;
    e2.pickUpTip(p2);
    e2.aspirate(p2, 50, well(tall2, 'A1'));
    e2.dropTip(p2);
    // 190.5 mm does not: only arcs between labware raise (direct moves and moves inside it do not)
    const e3 = runEngine('2.11');
    const tips3 = e3.loadLabware('opentrons_96_tiprack_300ul', 2).labwareId;
    const tall3 = e3.loadLabwareFromDefinition(tallPlate(190.5), 3);
    const p3 = e3.loadInstrument('p300_single', 'right', [tips3]).pipetteId;
    e3.pickUpTip(p3);
    const a1 = { kind: 'location' as const, point: tall3.wells[0].top, ref: { kind: 'well' as const, labwareId: tall3.labwareId, wellName: 'A1' } };
    e3.moveTo(p3, a1, { forceDirect: true });
    e3.aspirate(p3, 50, well(tall3.labwareId, 'A1'));
    e3.dispense(p3, 50, well(tall3.labwareId, 'B1'));
    throwsPy(() => e3.dropTip(p3), 'LabwareHeightError', /has a total height of 190\.5 mm.*raised to 191\.17000000000002 mm/);
  });

  test('labware on a module is named by its display name', () => {
    const e = runEngine('2.11');
    const tips = e.loadLabware('opentrons_96_tiprack_300ul', 2).labwareId;
    const mod = e.loadModule('temperature module gen2', 3).moduleId;
    e.moduleLoadLabwareFromDefinition(mod, tallPlate(80), 'Cold tall');
    const p = e.loadInstrument('p300_single_gen2', 'left', [tips]).pipetteId;
    e.pickUpTip(p);
    throwsPy(() => e.dropTip(p), 'LabwareHeightError', /^The Cold tall on Temperature Module GEN2 on 3 has a total height of 160\.09 mm/);
  });
});

describe('planning origin per mount from 2.10', () => {
  function dispenseAfterOtherMount(apiLevel: string): number {
    const e = engine(apiLevel);
    const plate = e.loadLabware('corning_96_wellplate_360ul_flat', 1).labwareId;
    const tips = e.loadLabware('opentrons_96_tiprack_300ul', 2).labwareId;
    const left = e.loadInstrument('p300_single_gen2', 'left', [tips]).pipetteId;
    const right = e.loadInstrument('p300_single_gen2', 'right', [tips]).pipetteId;
    e.pickUpTip(left);
    e.aspirate(left, 50, well(plate, 'A1'));
    e.moveTo(right, { kind: 'location', point: e.labwareInfo(plate).wells[0].bottom, ref: { kind: 'well', labwareId: plate, wellName: 'A1' } });
    const start = e.clock;
    e.dispense(left, 50, well(plate, 'A1'));
    return e.clock - start;
  }

  test("below 2.10 the other mount's last well counts as the origin (a direct move); from 2.10 it arcs", () => {
    const direct = dispenseAfterOtherMount('2.9');
    const arc = dispenseAfterOtherMount('2.10');
    assert.ok(arc > direct + 0.5, `2.10 ${arc} s vs 2.9 ${direct} s`);
  });
});

describe('max_speeds', () => {
  function run(speeds: Record<string, number> | null): number {
    const e = engine('2.11');
    const plate = e.loadLabware('corning_96_wellplate_360ul_flat', 1).labwareId;
    const tips = e.loadLabware('opentrons_96_tiprack_300ul', 9).labwareId;
    const p = e.loadInstrument('p300_single_gen2', 'left', [tips]).pipetteId;
    if (speeds) e.setMaxSpeeds(speeds);
    e.pickUpTip(p);
    e.aspirate(p, 50, well(plate, 'A1'));
    return e.clock;
  }

  test('a Z cap slows the left mount, an A cap does not, X/Y caps slow the travel', () => {
    const base = run(null);
    assert.ok(run({ Z: 10 }) > base + 5);
    assert.equal(run({ A: 10 }), base);
    assert.ok(run({ X: 20, Y: 20 }) > base + 5);
  });

  test('bad values and axes are refused like AxisMaxSpeeds', () => {
    const e = engine('2.11');
    throwsPy(() => e.setMaxSpeeds({ Z: 0 }), 'AssertionError', 'max speeds should be numerical values in mm/s');
    throwsPy(() => e.setMaxSpeeds({ B: 10 }), 'KeyError', "'B'");
    e.setMaxSpeeds({ z: 50 });
    assert.deepEqual(e.maxSpeedLimits, { Z: 50 });
  });
});

describe('touch_tip edges (2.4+)', () => {
  function touchDuration(apiLevel: string, slot: number, mount: 'left' | 'right', wellName: string, moduleSlot: number | null): number {
    const e = engine(apiLevel);
    const plate = e.loadLabware('corning_96_wellplate_360ul_flat', slot).labwareId;
    const tips = e.loadLabware('opentrons_96_tiprack_300ul', 11).labwareId;
    if (moduleSlot !== null) e.loadModule('magnetic module gen2', moduleSlot);
    const p = e.loadInstrument('p300_single_gen2', mount, [tips]).pipetteId;
    e.pickUpTip(p);
    e.aspirate(p, 10, well(plate, wellName));
    e.touchTip(p, null, 1, -1, 10);
    return entry(e, 'Touching tip').durationS;
  }

  test('the left pipette skips the right edge in the last column of slot 3, or beside a module on its right', () => {
    const full = touchDuration('2.11', 2, 'left', 'A12', null);
    assert.ok(touchDuration('2.11', 3, 'left', 'A12', null) < full);
    assert.ok(touchDuration('2.11', 4, 'left', 'A12', 5) < full);
    assert.equal(touchDuration('2.11', 4, 'left', 'A11', 5), full); // not the last column
    assert.equal(touchDuration('2.11', 6, 'left', 'A12', null) < full, true);
  });

  test('the right pipette skips the left edge in the first column beside a module on its left; not below 2.4', () => {
    const full = touchDuration('2.11', 5, 'right', 'A1', null);
    assert.ok(touchDuration('2.11', 5, 'right', 'A1', 4) < full);
    assert.equal(touchDuration('2.11', 5, 'right', 'A1', 6), full); // module on the other side
    assert.equal(touchDuration('2.3', 5, 'right', 'A1', 4), touchDuration('2.3', 5, 'right', 'A1', null));
  });
});

describe('thermocycler semi configuration', () => {
  test('the plate loses its first two columns and its label', () => {
    const e = engine('2.11');
    const tc = e.loadModule('thermocycler', null, 'semi').moduleId;
    const info = e.moduleLoadLabware(tc, 'nest_96_wellplate_100ul_pcr_full_skirt', 'PCR plate');
    assert.equal(info.wellNames[0], 'A3');
    assert.equal(info.wellNames.length, 80);
    assert.equal(info.columns.length, 10);
    assert.equal(info.displayName, 'NEST 96 Well Plate 100 µL PCR Full Skirt on Thermocycler Module on 7');
    const tips = e.loadLabware('opentrons_96_tiprack_300ul', 2).labwareId;
    const p = e.loadInstrument('p300_single_gen2', 'right', [tips]).pipetteId;
    e.pickUpTip(p);
    throwsPy(() => e.aspirate(p, 10, well(info.labwareId, 'A1')), 'KeyError', "'A1'");
    e.aspirate(p, 10, well(info.labwareId, 'A3'));
    assert.deepEqual(e.requiredEquipment().labware[1], {
      label: 'nest_96_wellplate_100ul_pcr_full_skirt',
      uri: 'opentrons/nest_96_wellplate_100ul_pcr_full_skirt/1',
      location: 7,
    });
    // slots 8 and 11 stay free in semi
    e.loadLabware('corning_96_wellplate_360ul_flat', 8);
  });
});
