// `moveLabware` (by hand on an OT-2) and the thermocycler's commands under the Protocol Engine's
// rules, in small JSON v7/v8 protocols of our own: results, the engine's state after them, their
// lines for people, their modeled time, and the errors of json-protocols-v6-v8 §7.5 and §7.7.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completedAnalysis } from '../../src/analysis/index.ts';
import type { Analysis } from '../../src/common/index.ts';
import { analyze } from './helpers.ts';
import { v8, v7, cmd, labware, type Command } from './engine-json-docs.ts';

const PIPETTE = cmd('loadPipette', { pipetteName: 'p300_single_gen2', mount: 'left', pipetteId: 'p' });
const TIPS = labware('tr', 'opentrons_96_tiprack_300ul', { slotName: '1' });
const PLATE = labware('pl', 'corning_96_wellplate_360ul_flat', { slotName: '3' });
const PICK = cmd('pickUpTip', { pipetteId: 'p', labwareId: 'tr', wellName: 'A1' });
const aspirate = (labwareId: string) => cmd('aspirate', { pipetteId: 'p', labwareId, wellName: 'A1', volume: 10, flowRate: 50 });
const move = (newLocation: unknown, strategy = 'manualMoveWithPause', labwareId = 'pl') => cmd('moveLabware', { labwareId, newLocation, strategy });

const run = (doc: Record<string, unknown>): Promise<Analysis> => analyze('small.json', JSON.stringify(doc));

function failure(a: Analysis): { commandType: string; errorType: string; detail: string } {
  const last = a.commands?.at(-1);
  assert.ok(last !== undefined && last.error !== null, 'the run should fail');
  return { commandType: last.commandType, errorType: last.error.errorType, detail: last.error.detail };
}

describe('moveLabware on an OT-2', () => {
  it('by hand to a free slot: the labware is there, the run log says so and pauses', async () => {
    const a = await run(v8([PIPETTE, TIPS, PLATE, PICK, move({ slotName: '5' }), aspirate('pl')]));
    assert.equal(a.ok, true, JSON.stringify(a.errors));
    const moved = a.commands?.[5];
    assert.equal(moved?.commandType, 'moveLabware');
    assert.deepEqual(moved?.result, { offsetId: null });
    assert.deepEqual(a.engineRun?.equipment.labware.find((l) => l.id === 'pl')?.location, { slotName: '5' });
    const entry = a.runLog[5];
    assert.equal(entry.text, 'Manually move Corning 96 Well Plate 360 µL Flat from Slot 3 to Slot 5');
    assert.equal(entry.name, 'command.PAUSE', 'a manual move with a pause holds the run');
    assert.equal(entry.durationS, 0, 'the operator’s time is not modeled');
    assert.equal(a.runLog[6].text, 'Aspirating 10 µL from well A1 of Corning 96 Well Plate 360 µL Flat in Slot 5 at 50 µL/sec');
    // The aspirate went to slot 5's A1 (slot 5 is one slot left of slot 6, 132.5 mm right of 4).
    const at = (a.commands?.[6].result as { position: { x: number } }).position;
    assert.ok(Math.abs(at.x - (132.5 + 14.38)) < 0.01, JSON.stringify(at));
  });

  it('without a pause, onto a module, and off deck (where no pipette reaches it)', async () => {
    const temp = cmd('loadModule', { model: 'temperatureModuleV2', location: { slotName: '4' }, moduleId: 'tm' });
    const a = await run(v8([PIPETTE, TIPS, PLATE, temp, PICK, move({ moduleId: 'tm' }, 'manualMoveWithoutPause'), move('offDeck'), aspirate('pl')]));
    assert.equal(a.runLog[6].name, 'command.moveLabware');
    assert.equal(a.runLog[6].text, 'Manually move Corning 96 Well Plate 360 µL Flat from Slot 3 to Temperature Module GEN2 in Slot 4');
    assert.equal(a.runLog[7].text, 'Manually move Corning 96 Well Plate 360 µL Flat from Temperature Module GEN2 in Slot 4 to off deck');
    assert.deepEqual(failure(a), {
      commandType: 'aspirate',
      errorType: 'LocationNotAccessibleByPipetteError',
      detail: 'Cannot move pipette to corning_96_wellplate_360ul_flat, labware is off-deck.',
    });
    assert.equal(a.engineRun?.equipment.labware.find((l) => l.id === 'pl')?.location, 'offDeck');
  });

  it('a slot freed by a move takes another labware', async () => {
    const other = labware('pl2', 'corning_96_wellplate_360ul_flat', { slotName: '3' });
    const a = await run(v8([PLATE, move({ addressableAreaName: '6' }), other]));
    assert.equal(a.ok, true, JSON.stringify(a.errors));
    assert.deepEqual(a.engineRun?.equipment.labware.map((l) => l.location), [{ slotName: '6' }, { slotName: '3' }]);
  });

  it('the engine’s refusals', async () => {
    const gripper = await run(v8([PLATE, move({ slotName: '5' }, 'usingGripper')]));
    assert.deepEqual(failure(gripper), { commandType: 'moveLabware', errorType: 'NotSupportedOnRobotType', detail: 'Labware movement using a gripper is not supported on the OT-2' });
    const record = completedAnalysis(gripper, { id: 'a', createdAt: '2026-01-01T00:00:00.000Z' });
    assert.equal(record.errors[0].errorCode, '4003');
    assert.deepEqual(record.errors[0].errorInfo, { strategy: 'usingGripper' });

    assert.deepEqual(failure(await run(v7([move({ slotName: '5' }, 'manualMoveWithPause', 'fixedTrash')]))), {
      commandType: 'moveLabware',
      errorType: 'LabwareMovementNotAllowedError',
      detail: "Cannot move fixed trash labware 'opentrons_1_trash_1100ml_fixed'.",
    });
    assert.deepEqual(failure(await run(v8([TIPS, PLATE, move({ slotName: '1' })]))), {
      commandType: 'moveLabware',
      errorType: 'LocationIsOccupiedError',
      detail: "Labware opentrons_96_tiprack_300ul is already present at slotName=<DeckSlotName.SLOT_1: '1'>.",
    });
    assert.deepEqual(failure(await run(v8([PLATE, move({ addressableAreaName: 'fixedTrash' })]))), {
      commandType: 'moveLabware',
      errorType: 'LabwareMovementNotAllowedError',
      detail: 'Cannot move corning_96_wellplate_360ul_flat to addressable area fixedTrash',
    });
    assert.deepEqual(failure(await run(v8([move({ slotName: '5' }, 'manualMoveWithPause', 'nope')]))), {
      commandType: 'moveLabware',
      errorType: 'LabwareNotLoadedError',
      detail: 'Labware nope not found.',
    });
  });
});

describe('the thermocycler under the engine’s rules', () => {
  const TC = cmd('loadModule', { model: 'thermocyclerModuleV1', location: { slotName: '7' }, moduleId: 'tc' });
  const TC_PLATE = labware('tp', 'nest_96_wellplate_100ul_pcr_full_skirt', { moduleId: 'tc' });
  const tc = (name: string, params: Record<string, unknown> = {}) => cmd(`thermocycler/${name}`, { moduleId: 'tc', ...params });

  it('a lid not yet opened keeps the pipette out', async () => {
    const a = await run(v8([PIPETTE, TIPS, TC, TC_PLATE, PICK, aspirate('tp')]));
    assert.deepEqual(failure(a), { commandType: 'aspirate', errorType: 'ThermocyclerNotOpenError', detail: 'Thermocycler must be open when moving to labware inside it.' });
    assert.equal(a.runLog[4].text, 'Load NEST 96 Well Plate 100 µL PCR Full Skirt in Thermocycler Module');
  });

  it('set-points that do not wait, waits that take the modeled time, a profile run once', async () => {
    const a = await run(
      v8([
        PIPETTE, TIPS, TC, TC_PLATE, tc('openLid'), PICK, aspirate('tp'),
        tc('setTargetBlockTemperature', { celsius: 40, holdTimeSeconds: 10, blockMaxVolumeUl: 50 }),
        tc('waitForBlockTemperature'),
        tc('setTargetLidTemperature', { celsius: 105 }),
        tc('waitForLidTemperature'),
        tc('closeLid'),
        tc('runProfile', { profile: [{ celsius: 95, holdSeconds: 30 }, { celsius: 55, holdSeconds: 45 }], blockMaxVolumeUl: 50 }),
        tc('deactivateBlock'), tc('deactivateLid'), tc('openLid'),
      ]),
    );
    assert.equal(a.ok, true, JSON.stringify(a.errors));
    const by = (i: number) => ({ type: a.commands?.[i].commandType, result: a.commands?.[i].result, s: a.runLog[i].durationS, text: a.runLog[i].text });
    assert.deepEqual(by(8).result, { targetBlockTemperature: 40 });
    assert.equal(by(8).s, 0, 'setting a target does not wait');
    assert.ok(by(9).s > 10, `the wait includes the ramp and the 10 s hold: ${by(9).s}`);
    assert.deepEqual(by(10).result, { targetLidTemperature: 105 });
    assert.equal(by(10).s, 0);
    assert.ok(by(11).s > 0, 'the lid takes time to heat');
    assert.deepEqual(by(13).result, {});
    assert.ok(by(13).s > 75, `the profile holds 75 s plus its ramps: ${by(13).s}`);
    assert.deepEqual(
      a.runLog.slice(7).map((e) => e.text),
      [
        'Aspirating 10 µL from well A1 of NEST 96 Well Plate 100 µL PCR Full Skirt in Thermocycler Module at 50 µL/sec',
        'Setting Thermocycler block temperature to 40°C with hold time of 10 seconds after target reached',
        'Waiting for Thermocycler block to reach target temperature and holding for specified time',
        'Setting Thermocycler lid temperature to 105°C',
        'Waiting for Thermocycler lid to reach target temperature',
        'Closing Thermocycler lid',
        'Thermocycler starting 2 repetitions of cycle composed of the following steps: temperature: 95°C, seconds: 30 temperature: 55°C, seconds: 45',
        'Deactivating Thermocycler block',
        'Deactivating Thermocycler lid',
        'Opening Thermocycler lid',
      ],
    );
  });

  it('the engine’s errors', async () => {
    const fails = async (commands: Command[]) => failure(await run(v8([TC, ...commands])));
    assert.deepEqual(await fails([tc('setTargetBlockTemperature', { celsius: 100 })]), {
      commandType: 'thermocycler/setTargetBlockTemperature',
      errorType: 'InvalidTargetTemperatureError',
      detail: 'Thermocycler block temperature must be between 0 and 99, but got 100.0.',
    });
    assert.deepEqual(await fails([tc('setTargetBlockTemperature', { celsius: 40, blockMaxVolumeUl: 101 })]), {
      commandType: 'thermocycler/setTargetBlockTemperature',
      errorType: 'InvalidBlockVolumeError',
      detail: 'Thermocycler max block volume must be between 0 and 100, but got 101.0.',
    });
    assert.deepEqual(await fails([tc('setTargetLidTemperature', { celsius: 111 })]), {
      commandType: 'thermocycler/setTargetLidTemperature',
      errorType: 'InvalidTargetTemperatureError',
      detail: 'Thermocycler lid temperature must be between 37 and 110, but got 111.0.',
    });
    assert.deepEqual(await fails([tc('waitForBlockTemperature')]), {
      commandType: 'thermocycler/waitForBlockTemperature',
      errorType: 'NoTargetTemperatureSetError',
      detail: 'Module tc does not have a target block temperature set.',
    });
    // The original names the block for the lid too.
    assert.deepEqual(await fails([tc('waitForLidTemperature')]), {
      commandType: 'thermocycler/waitForLidTemperature',
      errorType: 'NoTargetTemperatureSetError',
      detail: 'Module tc does not have a target block temperature set.',
    });
    assert.deepEqual(await fails([tc('runProfile', { profile: [{ celsius: 50, holdSeconds: 1 }, { celsius: 100, holdSeconds: 1 }] })]), {
      commandType: 'thermocycler/runProfile',
      errorType: 'InvalidTargetTemperatureError',
      detail: 'Thermocycler block temperature must be between 0 and 99, but got 100.0.',
    });
    const temp = cmd('loadModule', { model: 'temperatureModuleV2', location: { slotName: '1' }, moduleId: 'tm' });
    assert.deepEqual(await fails([temp, cmd('thermocycler/openLid', { moduleId: 'tm' })]), {
      commandType: 'thermocycler/openLid',
      errorType: 'WrongModuleTypeError',
      detail: 'tm is not a Thermocycler Module.',
    });
    assert.deepEqual(await fails([cmd('thermocycler/closeLid', { moduleId: 'zz' })]), {
      commandType: 'thermocycler/closeLid',
      errorType: 'ModuleNotLoadedError',
      detail: 'Module zz not found.',
    });
  });
});
