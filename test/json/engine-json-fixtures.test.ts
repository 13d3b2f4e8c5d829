// Every JSON protocol fixture of schemas 6–8 that @opentrons/shared-data ships, against what robot
// software 7.5.0's analysis reports for it: verdict, command count (the engine's initial home
// included), the failed command and its error, equipment. The expectations are written here as
// literals, taken from 7.5.0's analyses of the same files.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { completedAnalysis } from '../../src/analysis/index.ts';
import { ProtocolFilesInvalidError, ProtocolRobotTypeMismatchError } from '../../src/common/index.ts';
import { jsonProtocolFixture } from '../helpers/original.ts';
import { analyze } from './helpers.ts';

const TRASH_OCCUPIED = "Labware opentrons_1_trash_1100ml_fixed is already present at slotName=<DeckSlotName.FIXED_TRASH: '12'>.";
const FLEX_PIPETTE = 'Cannot load a Flex pipette on an OT-2.';
const V8_ONLY = (name: string) => `Error 4006 INVALID_PROTOCOL_DATA (FileFormatValidationError): ${name} could not be read as a JSON protocol.`;

type Verdict =
  | { ran: true; ok: boolean; count: number; failed?: { commandType: string; errorType: string; detail: string } }
  | { refused: 'ProtocolFilesInvalid'; detail: string }
  | { refused: 'ProtocolRobotTypeMismatch' }
  | { todo: string };

const trashBlocked = (count: number): Verdict => ({
  ran: true,
  ok: false,
  count,
  failed: { commandType: 'loadLabware', errorType: 'LocationIsOccupiedError', detail: TRASH_OCCUPIED },
});

const VERDICTS: Record<string, Verdict> = {
  '6/heaterShakerCommands.json': trashBlocked(8),
  '6/heaterShakerCommandsWithResultsKey.json': trashBlocked(5),
  '6/multipleTempModules.json': trashBlocked(7),
  '6/multipleTipracks.json': trashBlocked(4),
  '6/multipleTipracksWithTC.json': trashBlocked(5),
  '6/oneTiprack.json': trashBlocked(3),
  '6/simpleV6.json': { ran: true, ok: true, count: 25 },
  '6/tempAndMagModuleCommands.json': trashBlocked(8),
  '6/transferSettings.json': trashBlocked(7),
  '7/moveLabware.json': trashBlocked(2),
  '7/simpleV7.json': { ran: true, ok: false, count: 2, failed: { commandType: 'loadPipette', errorType: 'InvalidSpecificationForRobotTypeError', detail: FLEX_PIPETTE } },
  '8/moveLabware8.json': { ran: true, ok: false, count: 5, failed: { commandType: 'loadPipette', errorType: 'InvalidSpecificationForRobotTypeError', detail: FLEX_PIPETTE } },
  '8/simpleV8.json': { ran: true, ok: true, count: 27 },
  '8/simpleV9CommandsV8.json': { refused: 'ProtocolFilesInvalid', detail: V8_ONLY('simpleV9CommandsV8.json') },
  '8/simpleV10CommandsV8.json': { refused: 'ProtocolFilesInvalid', detail: V8_ONLY('simpleV10CommandsV8.json') },
  // Flex files: an OT-2 refuses them before analysis (the V9/V10 ones fail reading first).
  '8/moveLabwareFlex8.json': { refused: 'ProtocolRobotTypeMismatch' },
  '8/simpleFlexV8.json': { refused: 'ProtocolRobotTypeMismatch' },
  '8/simpleFlexV9CommandsV8.json': { refused: 'ProtocolFilesInvalid', detail: V8_ONLY('simpleFlexV9CommandsV8.json') },
  '8/simpleFlexV10CommandsV8.json': { refused: 'ProtocolFilesInvalid', detail: V8_ONLY('simpleFlexV10CommandsV8.json') },
};

function fixtureIds(): string[] {
  return ['6', '7', '8'].flatMap((dir) => readdirSync(jsonProtocolFixture(dir)).filter((f) => f.endsWith('.json')).map((f) => `${dir}/${f}`));
}

const read = (id: string) => readFileSync(jsonProtocolFixture(id));
const nameOf = (id: string) => id.split('/')[1];

describe('JSON fixtures of schemas 6–8 as robot software 7.5.0 analyses them', () => {
  it('every fixture of the package has its verdict here', () => {
    assert.deepEqual(fixtureIds().sort(), Object.keys(VERDICTS).sort());
  });

  for (const [id, verdict] of Object.entries(VERDICTS)) {
    if ('todo' in verdict) {
      it(id, { todo: verdict.todo }, () => {});
      continue;
    }
    it(id, async () => {
      if ('refused' in verdict) {
        const cls = verdict.refused === 'ProtocolFilesInvalid' ? ProtocolFilesInvalidError : ProtocolRobotTypeMismatchError;
        await assert.rejects(analyze(nameOf(id), read(id)), (err: unknown) => {
          assert.ok(err instanceof cls);
          if ('detail' in verdict) assert.equal(err.message, verdict.detail);
          return true;
        });
        return;
      }
      const a = await analyze(nameOf(id), read(id));
      assert.equal(a.ok, verdict.ok);
      const commands = a.commands ?? [];
      assert.equal(commands.length, verdict.count);
      assert.equal(a.commandCount, verdict.count);
      assert.equal(commands[0].commandType, 'home');
      // One line for people per command that ran (the original writes none; see engine-json-text).
      assert.equal(a.runLog.length, verdict.count);
      const last = commands.at(-1);
      if (verdict.failed === undefined) {
        assert.ok(commands.every((c) => c.status === 'succeeded'));
        assert.deepEqual(a.errors, []);
      } else {
        assert.equal(last?.commandType, verdict.failed.commandType);
        assert.equal(last?.status, 'failed');
        assert.deepEqual(last?.error, { errorType: verdict.failed.errorType, detail: verdict.failed.detail });
        assert.deepEqual(a.errors, [{ type: verdict.failed.errorType, description: verdict.failed.detail }]);
        const record = completedAnalysis(a, { id: 'a', createdAt: '2026-01-01T00:00:00.000Z' });
        assert.equal(record.result, 'not-ok');
        assert.deepEqual(record.errors, [record.commands.at(-1)?.error]);
      }
    });
  }
});

describe('8/simpleV8.json in detail', () => {
  it('runs the commands of the worked example with the engine’s params and results', async () => {
    const a = await analyze('simpleV8.json', read('8/simpleV8.json'));
    const commands = a.commands ?? [];
    assert.deepEqual(
      commands.map((c) => c.commandType),
      [
        'home', 'loadPipette', 'loadModule', 'loadModule', 'loadLabware', 'loadLabware', 'loadLabware', 'loadLabware', 'loadLiquid',
        'home', 'pickUpTip', 'aspirate', 'waitForDuration', 'dispense', 'touchTip', 'blowout', 'moveToCoordinates', 'moveToWell',
        'moveToWell', 'dropTip', 'waitForResume', 'moveToCoordinates', 'moveRelative', 'moveRelative', 'savePosition', 'moveRelative',
        'savePosition',
      ],
    );
    const byIndex = (i: number) => commands[i];
    assert.deepEqual(byIndex(0).params, { axes: null, skipIfMountPositionOk: null });
    assert.equal(byIndex(0).key, '50c7ae73a4e3f7129874f39dfb514803');
    assert.equal(byIndex(1).key, '0c3bb3b5f63458c1ff149d26e64d98b5');
    assert.deepEqual(byIndex(1).params, { pipetteName: 'p10_single', mount: 'left', pipetteId: 'pipetteId', tipOverlapNotAfterVersion: null });
    assert.deepEqual(byIndex(1).result, { pipetteId: 'pipetteId' });
    assert.deepEqual(byIndex(4).params, {
      location: { moduleId: 'temperatureModuleId' },
      loadName: 'armadillo_96_wellplate_200ul_pcr_full_skirt',
      namespace: 'opentrons',
      version: 1,
      labwareId: 'sourcePlateId',
      displayName: 'Source Plate',
    });
    assert.deepEqual(byIndex(8).params, { liquidId: 'waterId', labwareId: 'sourcePlateId', volumeByWell: { A1: 100, B1: 100 } });
    assert.deepEqual(byIndex(10).params, { labwareId: 'tipRackId', wellName: 'B1', wellLocation: { origin: 'top', offset: { x: 0, y: 0, z: 0 } }, pipetteId: 'pipetteId' });
    const tip = byIndex(10).result as { tipVolume: number; tipLength: number; tipDiameter: number };
    assert.equal(tip.tipVolume, 10);
    assert.ok(Math.abs(tip.tipLength - 35.91) < 1e-9);
    assert.equal(tip.tipDiameter, 3.27);
    assert.deepEqual(byIndex(11).params, {
      labwareId: 'sourcePlateId',
      wellName: 'A1',
      wellLocation: { origin: 'bottom', offset: { x: 0, y: 0, z: 2 } },
      flowRate: 3,
      volume: 5,
      pipetteId: 'pipetteId',
    });
    assert.equal((byIndex(11).result as { volume: number }).volume, 5);
    assert.deepEqual(byIndex(13).params.pushOut, null);
    assert.deepEqual(byIndex(14).params, {
      labwareId: 'destPlateId',
      wellName: 'B1',
      wellLocation: { origin: 'bottom', offset: { x: 0, y: 0, z: 11 } },
      pipetteId: 'pipetteId',
      radius: 1,
      speed: null,
    });
    assert.deepEqual(byIndex(19).params, {
      pipetteId: 'pipetteId',
      labwareId: 'fixedTrash',
      wellName: 'A1',
      wellLocation: { origin: 'default', offset: { x: 0, y: 0, z: 0 } },
      homeAfter: null,
      alternateDropLocation: false,
    });
    const drop = (byIndex(19).result as { position: { x: number; y: number; z: number } }).position;
    assert.deepEqual([drop.x.toFixed(2), drop.y.toFixed(2), drop.z.toFixed(2)], ['347.84', '325.06', '82.00']);
    assert.deepEqual(byIndex(20).params, { message: 'pause command' });
    assert.deepEqual(byIndex(22).params, { pipetteId: 'pipetteId', axis: 'x', distance: 1 });
    assert.deepEqual(byIndex(24).params, { pipetteId: 'pipetteId', positionId: null, failOnNotHomed: true });
    assert.deepEqual((byIndex(26).result as { positionId: string }).positionId, 'positionId');
  });

  it('reports the engine’s equipment: no pre-loaded trash in schema 8, the liquids, the 4.x fields', async () => {
    const a = await analyze('simpleV8.json', read('8/simpleV8.json'));
    const record = completedAnalysis(a, { id: 'a', createdAt: '2026-01-01T00:00:00.000Z' });
    assert.equal(record.result, 'ok');
    assert.deepEqual(
      record.labware.map((l) => [l.id, l.definitionUri, l.location, l.displayName]),
      [
        ['sourcePlateId', 'opentrons/armadillo_96_wellplate_200ul_pcr_full_skirt/1', { moduleId: 'temperatureModuleId' }, 'Source Plate'],
        ['destPlateId', 'opentrons/armadillo_96_wellplate_200ul_pcr_full_skirt/1', { moduleId: 'magneticModuleId' }, 'Sample Collection Plate'],
        ['tipRackId', 'opentrons/opentrons_96_tiprack_10ul/1', { slotName: '8' }, 'Opentrons 96 Tip Rack 10 µL'],
        ['fixedTrash', 'opentrons/opentrons_1_trash_1100ml_fixed/1', { slotName: '12' }, 'Trash'],
      ],
    );
    assert.deepEqual(record.pipettes, [{ id: 'pipetteId', pipetteName: 'p10_single', mount: 'left' }]);
    assert.deepEqual(
      record.modules.map((m) => [m.id, m.model, m.location]),
      [
        ['magneticModuleId', 'magneticModuleV2', { slotName: '3' }],
        ['temperatureModuleId', 'temperatureModuleV2', { slotName: '1' }],
      ],
    );
    assert.deepEqual(record.liquids.map((l) => l.id), ['waterId']);
    assert.deepEqual(a.requiredEquipment.pipettes, [{ mount: 'left', requestedAs: 'p10_single', pipetteName: 'p10_single', channels: 1 }]);
    assert.deepEqual(
      a.requiredEquipment.labware.map((l) => [l.uri, l.location]),
      [
        ['opentrons/armadillo_96_wellplate_200ul_pcr_full_skirt/1', 1],
        ['opentrons/armadillo_96_wellplate_200ul_pcr_full_skirt/1', 3],
        ['opentrons/opentrons_96_tiprack_10ul/1', 8],
        ['opentrons/opentrons_1_trash_1100ml_fixed/1', 12],
      ],
    );
    assert.deepEqual(a.requiredEquipment.modules.map((m) => [m.model, m.location]), [['temperatureModuleV2', 1], ['magneticModuleV2', 3]]);
    assert.deepEqual(a.metadata, { name: 'Simple test protocol', author: 'engineering <engineering@opentrons.com>', apiLevel: null });
  });
});

describe('schemas 6 and 7: the pre-loaded fixed trash', () => {
  it('comes first in the equipment of a failed analysis, with what loaded before the failure', async () => {
    const a = await analyze('oneTiprack.json', read('6/oneTiprack.json'));
    const record = completedAnalysis(a, { id: 'a', createdAt: '2026-01-01T00:00:00.000Z' });
    assert.deepEqual(record.labware, [
      { id: 'fixedTrash', loadName: 'opentrons_1_trash_1100ml_fixed', definitionUri: 'opentrons/opentrons_1_trash_1100ml_fixed/1', location: { slotName: '12' }, offsetId: null, displayName: null },
    ]);
    assert.deepEqual(record.pipettes, [{ id: 'pipetteId', pipetteName: 'p10_single', mount: 'left' }]);
  });

  it('takes simpleV6’s tip without any load (it declares the trash, never loads it)', async () => {
    const a = await analyze('simpleV6.json', read('6/simpleV6.json'));
    const drop = (a.commands ?? []).find((c) => c.commandType === 'dropTip');
    assert.equal(drop?.status, 'succeeded');
    assert.equal(drop?.params.labwareId, 'fixedTrash');
    assert.equal(drop?.key, '17abc123');
  });
});

describe('the Heater-Shaker fixtures: the module loads, the trash load fails (7.5.0’s equipment)', () => {
  it('6/heaterShakerCommands', async () => {
    const a = await analyze('heaterShakerCommands.json', read('6/heaterShakerCommands.json'));
    const record = completedAnalysis(a, { id: 'a', createdAt: '2026-01-01T00:00:00.000Z' });
    assert.deepEqual(record.modules.map((m) => [m.model, m.location.slotName]), [['magneticModuleV2', '3'], ['heaterShakerModuleV1', '1']]);
    assert.deepEqual(record.labware.map((l) => [l.definitionUri, l.location]), [
      ['opentrons/opentrons_1_trash_1100ml_fixed/1', { slotName: '12' }],
      ['example/foo_8_plate_33ul/1', { moduleId: 'heaterShakerId' }],
      ['example/foo_8_plate_33ul/1', { moduleId: 'magneticModuleId' }],
      ['opentrons/opentrons_96_tiprack_10ul/1', { slotName: '8' }],
    ]);
    assert.deepEqual(record.pipettes, [{ id: 'pipetteId', pipetteName: 'p10_single', mount: 'left' }]);
  });

  it('6/heaterShakerCommandsWithResultsKey', async () => {
    const a = await analyze('heaterShakerCommandsWithResultsKey.json', read('6/heaterShakerCommandsWithResultsKey.json'));
    const record = completedAnalysis(a, { id: 'a', createdAt: '2026-01-01T00:00:00.000Z' });
    assert.deepEqual(record.modules.map((m) => [m.model, m.location.slotName]), [['heaterShakerModuleV1', '1']]);
    assert.deepEqual(record.pipettes.map((p) => [p.pipetteName, p.mount]), [['p1000_single_gen2', 'left'], ['p20_multi_gen2', 'right']]);
  });
});
