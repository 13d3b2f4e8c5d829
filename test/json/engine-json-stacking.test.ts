// Labware on labware under the Protocol Engine's rules (json-protocols-v6-v8 §7.1, §7.5): a plate
// on an adapter on a module or a slot, where it sits (the lower one's height less how far it
// sinks in), the location the analysis reports, moves that carry a stack, and the engine's refusals.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtInLabware } from '../../src/definitions/index.ts';
import type { Analysis } from '../../src/common/index.ts';
import { analyze } from './helpers.ts';
import { v8 as v8Doc, type Command } from './engine-json-docs.ts';

function v8(commands: Command[], labwareDefinitions: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...v8Doc(commands), labwareDefinitions };
}

const cmd = (commandType: string, params: Record<string, unknown> = {}): Command => ({ commandType, params });
const labware = (labwareId: string, loadName: string, version: number, location: unknown, namespace = 'opentrons') =>
  cmd('loadLabware', { labwareId, loadName, namespace, version, location });
const PIPETTE = cmd('loadPipette', { pipetteName: 'p300_single_gen2', mount: 'left', pipetteId: 'p' });
const HS = cmd('loadModule', { model: 'heaterShakerModuleV1', location: { slotName: '1' }, moduleId: 'hs' });
const TIPS = labware('tr', 'opentrons_96_tiprack_300ul', 1, { slotName: '4' });
const PCR_ADAPTER = labware('ad', 'opentrons_96_pcr_adapter', 1, { moduleId: 'hs' });
const PCR = labware('pcr', 'nest_96_wellplate_100ul_pcr_full_skirt', 2, { labwareId: 'ad' });
const FLAT_ADAPTER = labware('fad', 'opentrons_96_flat_bottom_adapter', 1, { slotName: '2' });
const FLAT = labware('flat', 'nest_96_wellplate_200ul_flat', 2, { labwareId: 'fad' });
const PICK = cmd('pickUpTip', { pipetteId: 'p', labwareId: 'tr', wellName: 'A1' });
const toWell = (labwareId: string) => cmd('moveToWell', { pipetteId: 'p', labwareId, wellName: 'A1' });
const moveBy = (labwareId: string, newLocation: unknown) => cmd('moveLabware', { labwareId, newLocation, strategy: 'manualMoveWithoutPause' });

const run = (doc: Record<string, unknown>): Promise<Analysis> => analyze('small.json', JSON.stringify(doc));

function failure(a: Analysis): { commandType: string; errorType: string; detail: string } {
  const last = a.commands?.at(-1);
  assert.ok(last !== undefined && last.error !== null, 'the run should fail');
  return { commandType: last.commandType, errorType: last.error.errorType, detail: last.error.detail };
}

function position(a: Analysis, index: number): { x: number; y: number; z: number } {
  return (a.commands?.[index].result as { position: { x: number; y: number; z: number } }).position;
}

const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;

describe('labware on labware (JSON v8)', () => {
  it('a plate on an adapter on a Heater-Shaker and on a slot: locations, lines, and where the wells are', async () => {
    const a = await run(v8([PIPETTE, HS, TIPS, PCR_ADAPTER, PCR, FLAT_ADAPTER, FLAT, cmd('heaterShaker/closeLabwareLatch', { moduleId: 'hs' }), toWell('flat'), toWell('pcr')]));
    assert.equal(a.ok, true, JSON.stringify(a.errors));
    assert.deepEqual(
      a.engineRun?.equipment.labware.map((l) => [l.id, l.location]),
      [['tr', { slotName: '4' }], ['ad', { moduleId: 'hs' }], ['pcr', { labwareId: 'ad' }], ['fad', { slotName: '2' }], ['flat', { labwareId: 'fad' }]],
    );
    assert.deepEqual(a.runLog.slice(4, 8).map((e) => e.text), [
      'Load Opentrons 96 PCR Heater-Shaker Adapter in Heater-Shaker Module GEN1 in Slot 1',
      'Load NEST 96 Well Plate 100 µL PCR Full Skirt in Opentrons 96 PCR Heater-Shaker Adapter on Heater-Shaker Module GEN1 in Slot 1',
      'Load Opentrons 96 Flat Bottom Heater-Shaker Adapter in Slot 2',
      'Load NEST 96 Well Plate 200 µL Flat in Opentrons 96 Flat Bottom Heater-Shaker Adapter in Slot 2',
    ]);
    // The flat plate (14.3 mm; wells' tops at 14.3) stands on the adapter (7.9 mm), sunk 6.7 mm in.
    const adapterHeight = builtInLabware('opentrons_96_flat_bottom_adapter', 1)?.dimensions.zDimension ?? NaN;
    assert.ok(near(position(a, 9).z, 14.3 + adapterHeight - 6.7), JSON.stringify(position(a, 9)));
  });

  it('the module’s rules hold for the plate on its adapter', async () => {
    assert.deepEqual(failure(await run(v8([PIPETTE, HS, TIPS, PCR_ADAPTER, PCR, toWell('pcr')]))), {
      commandType: 'moveToWell',
      errorType: 'PipetteMovementRestrictedByHeaterShakerError',
      detail: 'Cannot move pipette to Heater-Shaker while labware latch has not been closed.',
    });
  });

  it('a stack moves as one; a plate taken off its adapter stands on the deck', async () => {
    const a = await run(v8([PIPETTE, TIPS, FLAT_ADAPTER, FLAT, toWell('flat'), moveBy('fad', { slotName: '5' }), toWell('flat'), moveBy('flat', { slotName: '6' }), toWell('flat'), moveBy('flat', { labwareId: 'fad' })]));
    assert.equal(a.ok, true, JSON.stringify(a.errors));
    const [before, carried, alone] = [5, 7, 9].map((i) => position(a, i));
    // Slot 5 is 132.5 mm right of slot 4 and 90.5 mm behind slot 2.
    assert.ok(near(carried.x - before.x, 0) && near(carried.y - before.y, 90.5) && near(carried.z, before.z), JSON.stringify([before, carried]));
    assert.ok(near(alone.z, 14.3), JSON.stringify(alone));
    assert.equal(a.runLog[6].text, 'Manually move Opentrons 96 Flat Bottom Heater-Shaker Adapter from Slot 2 to Slot 5');
    assert.equal(a.runLog[8].text, 'Manually move NEST 96 Well Plate 200 µL Flat from Opentrons 96 Flat Bottom Heater-Shaker Adapter in Slot 5 to Slot 6');
    assert.deepEqual(a.engineRun?.equipment.labware.find((l) => l.id === 'flat')?.location, { labwareId: 'fad' });
  });

  it('the engine’s refusals', async () => {
    assert.deepEqual(failure(await run(v8([FLAT_ADAPTER, labware('pl', 'corning_96_wellplate_360ul_flat', 2, { labwareId: 'fad' })]))), {
      commandType: 'loadLabware',
      errorType: 'LabwareCannotBeStackedError',
      detail: 'Labware corning_96_wellplate_360ul_flat cannot be loaded onto labware opentrons_96_flat_bottom_adapter',
    });
    assert.deepEqual(failure(await run(v8([FLAT_ADAPTER, FLAT, labware('flat2', 'nest_96_wellplate_200ul_flat', 2, { labwareId: 'fad' })]))), {
      commandType: 'loadLabware',
      errorType: 'LocationIsOccupiedError',
      detail: "Labware nest_96_wellplate_200ul_flat is already present at labwareId='fad'.",
    });
    assert.deepEqual(failure(await run(v8([labware('pl', 'nest_96_wellplate_200ul_flat', 2, { labwareId: 'nope' })]))), {
      commandType: 'loadLabware',
      errorType: 'LabwareNotLoadedError',
      detail: 'Labware nope not found.',
    });
    assert.deepEqual(failure(await run(v8([FLAT_ADAPTER, labware('pl', 'corning_96_wellplate_360ul_flat', 2, { slotName: '3' }), moveBy('pl', { labwareId: 'fad' })]))), {
      commandType: 'moveLabware',
      errorType: 'LabwareCannotBeStackedError',
      detail: 'Labware corning_96_wellplate_360ul_flat cannot be loaded onto labware opentrons_96_flat_bottom_adapter',
    });
    // A labware that says it stacks on a plate may not, when the plate is on a module (not an adapter).
    const plate = builtInLabware('corning_96_wellplate_360ul_flat', 2);
    assert.ok(plate !== null);
    const lid = { ...plate, namespace: 'lab', parameters: { ...plate.parameters, loadName: 'plate_lid' }, stackingOffsetWithLabware: { nest_96_wellplate_100ul_pcr_full_skirt: { x: 0, y: 0, z: 2 } } };
    const tc = cmd('loadModule', { model: 'thermocyclerModuleV2', location: { slotName: '7' }, moduleId: 'tc' });
    const doc = v8([tc, labware('pcr', 'nest_96_wellplate_100ul_pcr_full_skirt', 2, { moduleId: 'tc' }), labware('lid', 'plate_lid', 2, { labwareId: 'pcr' }, 'lab')], { 'lab/plate_lid/2': lid });
    assert.deepEqual(failure(await run(doc)), {
      commandType: 'loadLabware',
      errorType: 'LabwareCannotBeStackedError',
      detail: 'Labware plate_lid cannot be loaded onto a labware on top of a module',
    });
  });
});
