// The pipettes' changes that the protocols of state-updates.test.ts leave out: their settings, a
// replaced pipette, homes and the plunger (kept only while hardware actions are recorded), the
// Protocol Engine's in-place commands and the moves a module makes the pipette take. Replaying the
// recorded updates must rebuild the same pipettes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sharedDefinitions } from '../../src/definitions/index.ts';
import { LEVEL_OF_4_7, ProtocolEngine } from '../../src/engine/index.ts';
import type { EngineOptions } from '../../src/engine/index.ts';
import { assertReplayRebuilds } from './replay.ts';

function recorded(options: Omit<EngineOptions, 'definitions'>): { engine: ProtocolEngine; options: EngineOptions } {
  const all: EngineOptions = { ...options, definitions: sharedDefinitions(), recordStateUpdates: true, recordHardwareActions: true };
  return { engine: new ProtocolEngine(all), options: all };
}

const well = (labwareId: string, wellName: string) => ({ kind: 'well' as const, labwareId, wellName });

describe('pipette state updates', () => {
  it('settings, starting tip, tip racks, trash, replacing a pipette, homes', () => {
    const { engine: e, options } = recorded({ apiLevel: '2.11' });
    const plate = e.loadLabware('corning_96_wellplate_360ul_flat', 1).labwareId;
    const tips = e.loadLabware('opentrons_96_tiprack_300ul', 2).labwareId;
    const moreTips = e.loadLabware('opentrons_96_tiprack_300ul', 5).labwareId;
    const waste = e.loadLabware('nest_1_reservoir_195ml', 6).labwareId;
    const first = e.loadInstrument('p300_single_gen2', 'left', [tips]).pipetteId;
    const p = e.loadInstrument('p300_single_gen2', 'left', [tips], true).pipetteId;
    assert.notEqual(first, p);
    e.setFlowRate(p, { aspirate: 50, blowOut: 120 });
    e.setPlungerSpeed(p, { dispense: 8 });
    e.setWellBottomClearance(p, { dispense: 2.5 });
    e.setDefaultSpeed(p, 200);
    e.setTipRacks(p, [moreTips, tips]);
    e.setStartingTip(p, { labwareId: moreTips, wellName: 'C2' });
    e.pickUpTip(p, null);
    e.aspirate(p, 120, well(plate, 'A1'), 1);
    e.dispense(p, 70, well(plate, 'B1'), 1);
    e.blowOut(p, null);
    e.homePlunger(p);
    e.returnTip(p);
    e.homePipette(p);
    e.setTrashContainer(p, waste);
    e.pickUpTip(p, null);
    e.dropTip(p, null);
    e.setStartingTip(p, null);
    e.resetTipracks(p);
    e.home();
    const state = e.state.pipette(p);
    assert.equal(state.defaultSpeed, 200);
    assert.equal(state.trashId, waste);
    assertReplayRebuilds(e, options, 'settings');
  });

  it('the Protocol Engine: a protocol id, commands in place, a retract, module moves', () => {
    const { engine: e, options } = recorded({ apiLevel: LEVEL_OF_4_7, protocolEngine: true, preloadFixedTrash: true });
    const run = (commandType: string, params: Record<string, unknown>) => {
      const record = e.execute({ commandType, params } as Parameters<ProtocolEngine['execute']>[0]);
      assert.equal(record.status, 'succeeded', `${commandType}: ${JSON.stringify(record.error)}`);
    };
    run('loadModule', { model: 'heaterShakerModuleV1', location: { slotName: '1' }, moduleId: 'hs' });
    run('loadModule', { model: 'thermocyclerModuleV1', location: { slotName: '7' }, moduleId: 'tc' });
    run('loadLabware', { location: { slotName: '2' }, loadName: 'opentrons_96_tiprack_300ul', namespace: 'opentrons', version: 1, labwareId: 'tips' });
    run('loadLabware', { location: { slotName: '3' }, loadName: 'nest_12_reservoir_15ml', namespace: 'opentrons', version: 1, labwareId: 'res' });
    run('loadLabware', { location: { slotName: '4' }, loadName: 'corning_96_wellplate_360ul_flat', namespace: 'opentrons', version: 1, labwareId: 'plate' });
    run('heaterShaker/closeLabwareLatch', { moduleId: 'hs' });
    run('loadPipette', { pipetteName: 'p300_single_gen2', mount: 'left', pipetteId: 'pip' });
    run('loadPipette', { pipetteName: 'p20_single_gen2', mount: 'right', pipetteId: 'small' });
    run('pickUpTip', { pipetteId: 'pip', labwareId: 'tips', wellName: 'A1', wellLocation: null });
    run('aspirate', { pipetteId: 'pip', labwareId: 'res', wellName: 'A1', wellLocation: null, volume: 100, flowRate: 50 });
    run('blowout', { pipetteId: 'pip', labwareId: 'plate', wellName: 'A1', wellLocation: null, flowRate: 50 });
    run('prepareToAspirate', { pipetteId: 'pip' });
    run('aspirateInPlace', { pipetteId: 'pip', volume: 20, flowRate: 40 });
    run('dispenseInPlace', { pipetteId: 'pip', volume: 15, flowRate: 40, pushOut: null });
    run('blowOutInPlace', { pipetteId: 'pip', flowRate: 40 });
    run('retractAxis', { axis: 'leftZ' });
    run('moveToWell', { pipetteId: 'pip', labwareId: 'tips', wellName: 'H12', wellLocation: null, minimumZHeight: null, forceDirect: null, speed: null });
    run('dropTipInPlace', { pipetteId: 'pip', homeAfter: null });
    // Next to the Heater-Shaker: opening its latch takes the pipettes up first.
    run('heaterShaker/openLabwareLatch', { moduleId: 'hs' });
    run('thermocycler/openLid', { moduleId: 'tc' });
    assert.equal(e.state.pipette('pip').id, 'pip');
    assertReplayRebuilds(e, options, 'engine commands');
  });
});
