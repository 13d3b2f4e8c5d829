// Engine operations added for the Python layer: setTipLength (Labware.tip_length = ...) and
// moduleLoadLabwareObject (ModuleContext.load_labware_object).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { basic, engine, throwsPy } from './helpers.ts';

describe('operations added for the Python layer', () => {
  it('setTipLength changes the tip length later pick-ups use, for that labware only', () => {
    const { e, p, tips } = basic();
    const other = e.loadLabware('opentrons_96_tiprack_300ul', 3).labwareId;
    e.pickUpTip(p);
    const before = e.pipetteState(p).tipLength;
    e.dropTip(p);
    const info = e.setTipLength(tips, 70.5);
    assert.equal(info.tipLength, 70.5);
    assert.equal(info.definition.parameters.tipLength, 70.5);
    assert.equal(e.labwareInfo(other).tipLength, 59.3);
    e.pickUpTip(p);
    assert.equal(Math.round((e.pipetteState(p).tipLength - before) * 1000) / 1000, 11.2);
  });

  it('moduleLoadLabwareObject: the labware stays where it is and becomes the module labware', () => {
    const e = engine();
    const mag = e.loadModule('magnetic module gen2', 4).moduleId;
    const plate = e.loadLabware('nest_96_wellplate_100ul_pcr_full_skirt', 5);
    const second = e.loadLabware('corning_96_wellplate_360ul_flat', 6).labwareId;
    const info = e.moduleLoadLabwareObject(mag, plate.labwareId);
    assert.equal(info.slot, plate.slot);
    assert.deepEqual(info.origin, plate.origin);
    throwsPy(() => e.moduleLoadLabwareObject(mag, second), 'AssertionError', 'NEST 96 Well Plate 100 µL PCR Full Skirt on 5 is already on this module');
    e.magneticEngage(mag, {});
    const state = e.moduleState(mag);
    assert.ok('status' in state && state.status === 'engaged');
    // Clearing the module's slot leaves the labware in its own slot.
    e.clearSlot(4);
    assert.equal(e.labwareInfo(plate.labwareId).slot, plate.slot);
    const tc = e.loadModule('thermocycler').moduleId;
    e.thermocyclerCloseLid(tc);
    throwsPy(() => e.moduleLoadLabwareObject(tc, second), 'AssertionError', 'Cannot place labware in closed module');
  });
});
