import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { basic, engine, well } from './helpers.ts';

describe('liquid ledger (warnings, never errors)', () => {
  it('aspirating more than a tracked well holds', () => {
    const { e, p, plate } = basic();
    e.pickUpTip(p);
    e.aspirate(p, 100, well(plate, 'A1')); // A1 never filled: unknown content, no warning
    e.dispense(p, 100, well(plate, 'B1'));
    e.aspirate(p, 150, well(plate, 'B1'));
    assert.equal(e.liquidWarnings.length, 1);
    const w = e.liquidWarnings[0];
    assert.equal(w.kind, 'aspirate-more-than-well-holds');
    assert.equal(w.commandIndex, 3);
    assert.equal(w.well, 'B1 of Corning 96 Well Plate 360 µL Flat on 1');
    assert.match(w.message, /holds only 100\.0 uL/);
  });

  it('dispensing past a well capacity', () => {
    const { e, p, plate } = basic();
    e.pickUpTip(p);
    for (let i = 0; i < 2; i++) {
      e.aspirate(p, 200, well(plate, 'A1'));
      e.dispense(p, 200, well(plate, 'B1'));
    }
    assert.deepEqual(
      e.liquidWarnings.map((w) => [w.kind, w.commandIndex]),
      [['dispense-over-well-capacity', 4]],
    );
    const b1 = e.liquidSummary().find((s) => s.well === 'B1');
    assert.deepEqual(b1, { labware: 'Corning 96 Well Plate 360 µL Flat', slot: '1', well: 'B1', volumeIn: 400, volumeOut: 0, finalVolume: 400, capacity: 360 });
    const a1 = e.liquidSummary().find((s) => s.well === 'A1');
    assert.equal(a1?.finalVolume, null);
    assert.equal(a1?.volumeOut, 400);
  });

  it("keeps each well's history: the change and, for a well that started empty, the volume after", () => {
    const { e, p, plate } = basic();
    e.pickUpTip(p);
    e.aspirate(p, 100, well(plate, 'A1'));
    e.dispense(p, 100, well(plate, 'B1'));
    e.aspirate(p, 30, well(plate, 'B1'));
    const history = new Map(e.liquidHistory().map((h) => [h.well, h]));
    assert.deepEqual(history.get('A1'), { slot: '1', well: 'A1', events: [{ commandIndex: 1, change: -100, volume: null }] });
    assert.deepEqual(history.get('B1')?.events, [
      { commandIndex: 2, change: 100, volume: 100 },
      { commandIndex: 3, change: -30, volume: 70 },
    ]);
  });

  it('aspirating past the tip capacity (200 µL filter tips on a P300) warns', () => {
    const e = engine();
    const plate = e.loadLabware('corning_96_wellplate_360ul_flat', 1).labwareId;
    const tips = e.loadLabware('opentrons_96_filtertiprack_200ul', 2).labwareId;
    const p = e.loadInstrument('p300_single_gen2', 'right', [tips]).pipetteId;
    e.pickUpTip(p);
    e.aspirate(p, 250, well(plate, 'A1'));
    assert.deepEqual(e.liquidWarnings.map((w) => w.kind), ['aspirate-over-tip-capacity']);
  });

  it('an 8-channel moves liquid in eight wells of a column, or 8x in a reservoir well', () => {
    const e = engine();
    const plate = e.loadLabware('corning_96_wellplate_360ul_flat', 1).labwareId;
    const res = e.loadLabware('nest_12_reservoir_15ml', 3).labwareId;
    const tips = e.loadLabware('opentrons_96_tiprack_300ul', 2).labwareId;
    const p = e.loadInstrument('p300_multi_gen2', 'left', [tips]).pipetteId;
    e.pickUpTip(p);
    e.aspirate(p, 50, well(res, 'A1'));
    e.dispense(p, 50, well(plate, 'A2'));
    const s = e.liquidSummary();
    assert.equal(s.find((x) => x.well === 'A1' && x.slot === '3')?.volumeOut, 400);
    assert.equal(s.filter((x) => x.slot === '1' && x.volumeIn === 50).length, 8);
  });
});

describe('ledger: unknown content stays unknown', () => {
  it('mixing in a source well of unknown content does not make it tracked', () => {
    const { e, p, plate } = basic();
    e.pickUpTip(p);
    e.mix(p, 2, 5, well(plate, 'A1'));
    e.aspirate(p, 100, well(plate, 'A1'));
    assert.deepEqual(e.liquidWarnings, []);
    assert.equal(e.liquidSummary().find((s) => s.well === 'A1')?.finalVolume, null);
  });
});
