// The thermocycler GEN2 on an OT-2 under the Protocol Engine's rules (json-protocols-v6-v8 §7.1,
// §7.7): it loads in slot 7 only, its commands are the GEN1's (results, waits, errors, lines), and
// the lid rule holds for the labware in it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Analysis } from '../../src/common/index.ts';
import { analyze } from './helpers.ts';
import { v8, cmd, labware, type Command } from './engine-json-docs.ts';

const PIPETTE = cmd('loadPipette', { pipetteName: 'p300_single_gen2', mount: 'left', pipetteId: 'p' });
const TC = cmd('loadModule', { model: 'thermocyclerModuleV2', location: { slotName: '7' }, moduleId: 'tc' });
const TIPS = labware('tr', 'opentrons_96_tiprack_300ul', { slotName: '1' });
const PCR = labware('pcr', 'nest_96_wellplate_100ul_pcr_full_skirt', { moduleId: 'tc' });
const PICK = cmd('pickUpTip', { pipetteId: 'p', labwareId: 'tr', wellName: 'A1' });
const ASPIRATE = cmd('aspirate', { pipetteId: 'p', labwareId: 'pcr', wellName: 'A1', volume: 10, flowRate: 50 });
const tc = (type: string, params: Record<string, unknown> = {}) => cmd(`thermocycler/${type}`, { moduleId: 'tc', ...params });

const run = (doc: Record<string, unknown>): Promise<Analysis> => analyze('small.json', JSON.stringify(doc));

function failure(a: Analysis): { commandType: string; errorType: string; detail: string } {
  const last = a.commands?.at(-1);
  assert.ok(last !== undefined && last.error !== null, 'the run should fail');
  return { commandType: last.commandType, errorType: last.error.errorType, detail: last.error.detail };
}

describe('thermocyclerModuleV2 on an OT-2', () => {
  it('loads in slot 7 and runs the GEN1’s commands: results, equipment, lines and modeled time', async () => {
    const a = await run(v8([
      PIPETTE, TC, TIPS, PCR, tc('openLid'), PICK, ASPIRATE, tc('closeLid'),
      tc('setTargetBlockTemperature', { celsius: 95, holdTimeSeconds: 10 }), tc('waitForBlockTemperature'),
      tc('setTargetLidTemperature', { celsius: 105 }), tc('waitForLidTemperature'),
      tc('runProfile', { profile: [{ celsius: 95, holdSeconds: 10 }, { celsius: 60, holdSeconds: 30 }], blockMaxVolumeUl: 50 }),
      tc('deactivateBlock'), tc('deactivateLid'),
    ]));
    assert.equal(a.ok, true, JSON.stringify(a.errors));
    const results = (a.commands ?? []).map((c) => [c.commandType, c.result]);
    assert.deepEqual(results[2], ['loadModule', { moduleId: 'tc', model: 'thermocyclerModuleV2', serialNumber: 'fake-serial-number-tc' }]);
    assert.deepEqual(results[9], ['thermocycler/setTargetBlockTemperature', { targetBlockTemperature: 95 }]);
    assert.deepEqual(results[11], ['thermocycler/setTargetLidTemperature', { targetLidTemperature: 105 }]);
    assert.deepEqual(results[13], ['thermocycler/runProfile', {}]);
    assert.deepEqual(a.engineRun?.equipment.modules, [{ id: 'tc', model: 'thermocyclerModuleV2', location: { slotName: '7' }, serialNumber: 'fake-serial-number-tc' }]);
    assert.deepEqual(a.engineRun?.equipment.labware.find((l) => l.id === 'pcr')?.location, { moduleId: 'tc' });
    const seconds = (i: number) => (a.commands?.[i].completedAt ?? 0) - (a.commands?.[i].startedAt ?? 0);
    // The lid moves and the waits take the module's time; set-points do not wait.
    for (const i of [5, 8, 10, 12, 13]) assert.ok(seconds(i) > 0, `${a.commands?.[i].commandType} takes time`);
    assert.equal(seconds(9), 0);
    assert.deepEqual(a.runLog.map((e) => e.text).slice(2, 9), [
      'Load Thermocycler Module GEN2 in Slot 7',
      'Load Opentrons OT-2 96 Tip Rack 300 µL in Slot 1',
      'Load NEST 96 Well Plate 100 µL PCR Full Skirt in Thermocycler Module GEN2',
      'Opening Thermocycler lid',
      'Picking up tip(s) from A1 of Opentrons OT-2 96 Tip Rack 300 µL in Slot 1',
      'Aspirating 10 µL from well A1 of NEST 96 Well Plate 100 µL PCR Full Skirt in Thermocycler Module GEN2 at 50 µL/sec',
      'Closing Thermocycler lid',
    ]);
  });

  it('the lid is not known open until opened, and closed again it keeps pipettes out', async () => {
    const notOpened = { commandType: 'aspirate', errorType: 'ThermocyclerNotOpenError', detail: 'Thermocycler must be open when moving to labware inside it.' };
    assert.deepEqual(failure(await run(v8([PIPETTE, TC, TIPS, PCR, PICK, ASPIRATE]))), notOpened);
    assert.deepEqual(failure(await run(v8([PIPETTE, TC, TIPS, PCR, tc('openLid'), tc('closeLid'), PICK, ASPIRATE]))), notOpened);
  });

  it('§7.1’s slot rule and §7.7’s errors, as for GEN1', async () => {
    assert.deepEqual(failure(await run(v8([cmd('loadModule', { model: 'thermocyclerModuleV2', location: { slotName: '1' }, moduleId: 'tc' })]))), {
      commandType: 'loadModule',
      errorType: 'PythonException',
      detail: 'ValueError: A thermocyclerModuleType cannot be loaded into slot 1',
    });
    assert.deepEqual(failure(await run(v8([labware('pl', 'corning_96_wellplate_360ul_flat', { slotName: '7' }), TC]))), {
      commandType: 'loadModule',
      errorType: 'LocationIsOccupiedError',
      detail: "Labware corning_96_wellplate_360ul_flat is already present at slotName=<DeckSlotName.SLOT_7: '7'>.",
    });
    assert.deepEqual(failure(await run(v8([TC, tc('setTargetBlockTemperature', { celsius: 100 })]))), {
      commandType: 'thermocycler/setTargetBlockTemperature',
      errorType: 'InvalidTargetTemperatureError',
      detail: 'Thermocycler block temperature must be between 0 and 99, but got 100.0.',
    });
    assert.deepEqual(failure(await run(v8([TC, tc('setTargetBlockTemperature', { celsius: 50, blockMaxVolumeUl: 101 })]))), {
      commandType: 'thermocycler/setTargetBlockTemperature',
      errorType: 'InvalidBlockVolumeError',
      detail: 'Thermocycler max block volume must be between 0 and 100, but got 101.0.',
    });
    assert.deepEqual(failure(await run(v8([TC, tc('setTargetLidTemperature', { celsius: 111 })]))), {
      commandType: 'thermocycler/setTargetLidTemperature',
      errorType: 'InvalidTargetTemperatureError',
      detail: 'Thermocycler lid temperature must be between 37 and 110, but got 111.0.',
    });
    assert.deepEqual(failure(await run(v8([TC, tc('waitForBlockTemperature')]))), {
      commandType: 'thermocycler/waitForBlockTemperature',
      errorType: 'NoTargetTemperatureSetError',
      detail: 'Module tc does not have a target block temperature set.',
    });
  });
});
