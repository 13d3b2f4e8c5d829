import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { basic, engine, texts, throwsPy, well } from './helpers.ts';

describe('tip selection (spec §7.6)', () => {
  it('a single channel walks down columns: A1, B1, ... H1, A2', () => {
    const { e, p } = basic();
    const picked: string[] = [];
    for (let i = 0; i < 9; i++) {
      e.pickUpTip(p);
      picked.push(e.pipetteState(p).lastTipPickedUpFrom?.wellName ?? '');
      e.dropTip(p);
    }
    assert.deepEqual(picked, ['A1', 'B1', 'C1', 'D1', 'E1', 'F1', 'G1', 'H1', 'A2']);
    assert.equal(texts(e)[0], 'Picking up tip from A1 of Opentrons OT-2 96 Tip Rack 300 µL on 2');
    assert.equal(texts(e)[1], 'Dropping tip into A1 of Opentrons Fixed Trash on 12');
  });

  it('an 8-channel needs a full column and skips one a single channel has started', () => {
    const e = engine();
    const tips = e.loadLabware('opentrons_96_tiprack_300ul', 1).labwareId;
    const single = e.loadInstrument('p300_single_gen2', 'left', [tips]).pipetteId;
    const multi = e.loadInstrument('p300_multi_gen2', 'right', [tips]).pipetteId;
    e.pickUpTip(single);
    e.dropTip(single);
    e.pickUpTip(multi);
    assert.equal(e.pipetteState(multi).lastTipPickedUpFrom?.wellName, 'A2');
    assert.equal(e.wellHasTip(tips, 'H2'), false);
    assert.equal(e.wellHasTip(tips, 'A3'), true);
    e.dropTip(multi);
    e.pickUpTip(single);
    assert.equal(e.pipetteState(single).lastTipPickedUpFrom?.wellName, 'B1');
  });

  it('starting_tip stays in force and later racks are searched from their start', () => {
    const e = engine();
    const r1 = e.loadLabware('opentrons_96_tiprack_300ul', 1).labwareId;
    const r2 = e.loadLabware('opentrons_96_tiprack_300ul', 2).labwareId;
    const p = e.loadInstrument('p300_single_gen2', 'left', [r1, r2]).pipetteId;
    e.setStartingTip(p, { labwareId: r1, wellName: 'H12' });
    e.pickUpTip(p);
    e.dropTip(p);
    e.pickUpTip(p);
    assert.deepEqual(e.pipetteState(p).lastTipPickedUpFrom, { labwareId: r2, wellName: 'A1' });
    e.dropTip(p);
    e.resetTipracks(p);
    assert.equal(e.pipetteState(p).startingTip, null);
    e.pickUpTip(p);
    assert.deepEqual(e.pipetteState(p).lastTipPickedUpFrom, { labwareId: r1, wellName: 'A1' });
  });

  it('no tip racks or no tips left is OutOfTipsError with an empty message', () => {
    const e = engine();
    const p = e.loadInstrument('p20_single_gen2', 'left').pipetteId;
    throwsPy(() => e.pickUpTip(p), 'OutOfTipsError', '');
    const { e: e2, p: p2, tips } = basic();
    for (let i = 0; i < 96; i++) e2.labwareUseTips(tips, e2.labwareInfo(tips).wellNames[i]);
    throwsPy(() => e2.pickUpTip(p2), 'OutOfTipsError', '');
  });

  it('next_tip, previous_tip, reset', () => {
    const { e, tips } = basic();
    e.labwareUseTips(tips, 'A1', 8);
    assert.equal(e.labwareNextTip(tips), 'A2');
    assert.equal(e.labwareNextTip(tips, 1, 'C3'), 'C3');
    assert.equal(e.labwarePreviousTip(tips), 'H1');
    e.labwareReset(tips);
    assert.equal(e.labwareNextTip(tips), 'A1');
  });

  it('picking up from a non-tip-rack and with a tip attached', () => {
    const { e, p, plate, tips } = basic();
    throwsPy(() => e.pickUpTip(p, well(plate, 'A1')), 'AssertionError', 'Corning 96 Well Plate 360 µL Flat on 1 is not a tiprack');
    e.pickUpTip(p, well(tips, 'C4'));
    throwsPy(() => e.pickUpTip(p), 'TipAttachedError', 'Cannot pick up tip with a tip attached');
    throwsPy(
      () => e.pickUpTip(p, { kind: 'other', repr: 'A1' }),
      'TypeError',
      /^If specified, location should be an instance of types\.Location .* However, it is a A1$/,
    );
  });

  it('return_tip drops into the well the tip came from, nested', () => {
    const { e, p } = basic();
    e.pickUpTip(p);
    e.returnTip(p);
    assert.deepEqual(texts(e), [
      'Picking up tip from A1 of Opentrons OT-2 96 Tip Rack 300 µL on 2',
      'Returning tip',
      '\tDropping tip into A1 of Opentrons OT-2 96 Tip Rack 300 µL on 2',
    ]);
    // From 2.2 the returned tip is not reused.
    e.pickUpTip(p);
    assert.equal(e.pipetteState(p).lastTipPickedUpFrom?.wellName, 'B1');
    e.dropTip(p);
    throwsPy(() => e.returnTip(p), 'TypeError', 'Last tip location should be a Well but it is: None');
  });

  it('below 2.2 a tip dropped back into its rack is reused', () => {
    const { e, p, tips } = basic('2.1');
    e.pickUpTip(p);
    e.dropTip(p, well(tips, 'A1'));
    e.pickUpTip(p);
    assert.equal(e.pipetteState(p).lastTipPickedUpFrom?.wellName, 'A1');
  });
});
