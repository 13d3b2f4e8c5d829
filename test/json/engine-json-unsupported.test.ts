// The engine commands an OT-2 cannot use (§7.8): each fails with the original's error, or, for
// reloadLabware, succeeds and names the labware.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completedAnalysis } from '../../src/analysis/index.ts';
import { analyze } from './helpers.ts';
import { v8 as v8Doc, type Command } from './engine-json-docs.ts';

const v8 = (commands: Command[]): string => JSON.stringify(v8Doc(commands, 'unsupported'));

const PIPETTE = (name: string): Command => ({ commandType: 'loadPipette', params: { pipetteName: name, mount: 'left', pipetteId: 'p' } });
const PLATE: Command = { commandType: 'loadLabware', params: { labwareId: 'pl', loadName: 'corning_96_wellplate_360ul_flat', namespace: 'opentrons', version: 1, location: { slotName: '3' } } };

async function lastCommand(commands: Command[]) {
  const analysis = await analyze('unsupported.json', v8(commands));
  const record = completedAnalysis(analysis, { id: 'a', createdAt: '2026-01-01T00:00:00.000Z' });
  return { record, last: record.commands.at(-1) };
}

describe('engine commands of no use on an OT-2 (§7.8)', () => {
  for (const [commandType, params] of [
    ['calibration/calibratePipette', { mount: 'left' }],
    ['calibration/moveToMaintenancePosition', { mount: 'left' }],
  ] as const) {
    it(`${commandType}: HardwareNotSupportedError, 4003`, async () => {
      const { record, last } = await lastCommand([{ commandType, params }]);
      assert.equal(last?.commandType, commandType);
      assert.equal(last?.status, 'failed');
      assert.deepEqual([last?.error?.errorType, last?.error?.errorCode, last?.error?.detail], ['HardwareNotSupportedError', '4003', 'This command is supported by OT-3 only.']);
      assert.equal(record.result, 'not-ok');
    });
  }

  it('getTipPresence fails in an analysis as the virtual tip sensor does', async () => {
    const { last } = await lastCommand([PIPETTE('p300_single_gen2'), { commandType: 'getTipPresence', params: { pipetteId: 'p' } }]);
    assert.deepEqual([last?.status, last?.error?.errorType, last?.error?.detail], ['failed', 'PythonException', 'RuntimeError: Do not call VirtualTipHandler.get_tip_presence']);
  });

  it('configureNozzleLayout with a single-channel pipette: CommandPreconditionViolated, 4004', async () => {
    const { last } = await lastCommand([PIPETTE('p300_single_gen2'), { commandType: 'configureNozzleLayout', params: { pipetteId: 'p', configurationParams: { style: 'ALL' } } }]);
    assert.deepEqual(
      [last?.status, last?.error?.errorType, last?.error?.errorCode, last?.error?.detail],
      ['failed', 'CommandPreconditionViolated', '4004', 'Cannot configure nozzle layout with a single channel pipette.'],
    );
  });

  it('configureNozzleLayout ALL on an 8-channel pipette succeeds', async () => {
    const { last } = await lastCommand([PIPETTE('p300_multi_gen2'), { commandType: 'configureNozzleLayout', params: { pipetteId: 'p', configurationParams: { style: 'ALL' } } }]);
    assert.equal(last?.status, 'succeeded');
  });

  it('reloadLabware succeeds and names the labware', async () => {
    const { record, last } = await lastCommand([PLATE, { commandType: 'reloadLabware', params: { labwareId: 'pl' } }]);
    assert.equal(last?.status, 'succeeded');
    assert.deepEqual(last?.result, { labwareId: 'pl', offsetId: null });
    assert.equal(record.result, 'ok');
  });
});

describe('a module command given another kind of module (§7.7)', () => {
  const MAG: Command = { commandType: 'loadModule', params: { model: 'magneticModuleV2', location: { slotName: '1' }, moduleId: 'mm' } };
  const TEMP: Command = { commandType: 'loadModule', params: { model: 'temperatureModuleV2', location: { slotName: '3' }, moduleId: 'tm' } };
  for (const [command, text] of [
    [{ commandType: 'temperatureModule/setTargetTemperature', params: { moduleId: 'mm', celsius: 40 } }, 'mm is not a Temperature Module.'],
    [{ commandType: 'temperatureModule/waitForTemperature', params: { moduleId: 'mm' } }, 'mm is not a Temperature Module.'],
    [{ commandType: 'temperatureModule/deactivate', params: { moduleId: 'mm' } }, 'mm is not a Temperature Module.'],
    [{ commandType: 'magneticModule/engage', params: { moduleId: 'tm', height: 10 } }, 'tm is not a Magnetic Module.'],
    [{ commandType: 'magneticModule/disengage', params: { moduleId: 'tm' } }, 'tm is not a Magnetic Module.'],
  ] as const) {
    it(`${command.commandType}: WrongModuleTypeError`, async () => {
      const { last } = await lastCommand([MAG, TEMP, command]);
      assert.deepEqual([last?.commandType, last?.status, last?.error?.errorType, last?.error?.detail], [command.commandType, 'failed', 'WrongModuleTypeError', text]);
    });
  }
});

describe('loadLiquid into an adapter (§7.1)', () => {
  it('is refused with LabwareIsAdapterError', async () => {
    const analysis = await analyze(
      'adapter-liquid.json',
      JSON.stringify({
        ...JSON.parse(v8([])),
        liquids: { water: { displayName: 'Water', description: '', displayColor: '#0000ff' } },
        commands: [
          { commandType: 'loadLabware', params: { labwareId: 'ad', loadName: 'opentrons_96_flat_bottom_adapter', namespace: 'opentrons', version: 1, location: { slotName: '2' } } },
          { commandType: 'loadLiquid', params: { liquidId: 'water', labwareId: 'ad', volumeByWell: {} } },
        ],
      }),
    );
    const last = completedAnalysis(analysis, { id: 'a', createdAt: '2026-01-01T00:00:00.000Z' }).commands.at(-1);
    assert.deepEqual([last?.commandType, last?.status, last?.error?.errorType, last?.error?.detail], ['loadLiquid', 'failed', 'LabwareIsAdapterError', 'Given labware: ad is an adapter. Can not load liquid.']);
  });
});

describe('two pipettes on one mount (§7.1)', () => {
  it('are both loaded and both usable, as 7.5.0 does not reject them', async () => {
    const analysis = await analyze(
      'two-pipettes.json',
      v8([
        { commandType: 'loadPipette', params: { pipetteName: 'p300_single_gen2', mount: 'left', pipetteId: 'first' } },
        { commandType: 'loadPipette', params: { pipetteName: 'p20_single_gen2', mount: 'left', pipetteId: 'second' } },
        { commandType: 'loadLabware', params: { labwareId: 'tr', loadName: 'opentrons_96_tiprack_300ul', namespace: 'opentrons', version: 1, location: { slotName: '1' } } },
        { commandType: 'pickUpTip', params: { pipetteId: 'first', labwareId: 'tr', wellName: 'A1' } },
      ]),
    );
    const record = completedAnalysis(analysis, { id: 'a', createdAt: '2026-01-01T00:00:00.000Z' });
    assert.deepEqual(record.commands.map((c) => c.status), ['succeeded', 'succeeded', 'succeeded', 'succeeded', 'succeeded']);
    assert.deepEqual(record.pipettes.map((p) => [p.id, p.pipetteName, p.mount]), [['first', 'p300_single_gen2', 'left'], ['second', 'p20_single_gen2', 'left']]);
  });
});

describe('loadModule slot rules (§7.1)', () => {
  for (const [model, slot, type] of [
    ['magneticBlockV1', '1', 'magneticBlockType'],
    ['magneticModuleV2', '12', 'magneticModuleType'],
    ['thermocyclerModuleV1', '1', 'thermocyclerModuleType'],
  ] as const) {
    it(`${model} in slot ${slot}: the original's ValueError naming the module type`, async () => {
      const { last } = await lastCommand([{ commandType: 'loadModule', params: { model, location: { slotName: slot }, moduleId: 'm' } }]);
      assert.deepEqual([last?.status, last?.error?.errorType, last?.error?.detail], ['failed', 'PythonException', `ValueError: A ${type} cannot be loaded into slot ${slot}`]);
    });
  }
});
