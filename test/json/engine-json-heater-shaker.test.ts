// The Heater-Shaker under the Protocol Engine's rules, in small JSON v8 protocols of our own: its
// commands' results and modeled time, their lines for people, the errors of json-protocols-v6-v8
// §7.7, and the rules it puts on pipette moves near it (an OT-2: slot 2 is beside slot 1, slot 4
// behind it).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Analysis } from '../../src/common/index.ts';
import { analyze } from './helpers.ts';
import { v8 as v8Doc, cmd, labware, type Command } from './engine-json-docs.ts';

const v8 = (commands: Command[]): Record<string, unknown> => v8Doc(commands, 'heater-shaker');

const hs = (name: string, params: Record<string, unknown> = {}) => cmd(`heaterShaker/${name}`, { moduleId: 'hs', ...params });
const SETUP = [
  cmd('loadPipette', { pipetteName: 'p300_single_gen2', mount: 'left', pipetteId: 'p' }),
  cmd('loadPipette', { pipetteName: 'p20_multi_gen2', mount: 'right', pipetteId: 'm' }),
  cmd('loadModule', { model: 'heaterShakerModuleV1', location: { slotName: '1' }, moduleId: 'hs' }),
  labware('hsPlate', 'nest_96_wellplate_100ul_pcr_full_skirt', { moduleId: 'hs' }),
  labware('beside', 'corning_96_wellplate_360ul_flat', { slotName: '2' }),
  labware('behind', 'corning_96_wellplate_360ul_flat', { slotName: '4' }),
  labware('tips', 'opentrons_96_tiprack_20ul', { slotName: '7' }),
];
const moveTo = (labwareId: string, pipetteId = 'p') => cmd('moveToWell', { pipetteId, labwareId, wellName: 'A1' });

const run = (commands: Command[]): Promise<Analysis> => analyze('hs.json', JSON.stringify(v8([...SETUP, ...commands])));

async function failure(commands: Command[]): Promise<{ commandType: string; errorType: string; detail: string }> {
  const a = await run(commands);
  const last = a.commands?.at(-1);
  assert.ok(last !== undefined && last.error !== null, `should fail: ${JSON.stringify(a.commands?.at(-1))}`);
  return { commandType: last.commandType, errorType: last.error.errorType, detail: last.error.detail };
}

describe('Heater-Shaker commands', () => {
  it('heat, wait, shake, stop, unlatch: results, times and lines', async () => {
    const a = await run([
      hs('closeLabwareLatch'),
      hs('setTargetTemperature', { celsius: 40 }),
      hs('waitForTemperature'),
      hs('setAndWaitForShakeSpeed', { rpm: 500 }),
      hs('deactivateShaker'),
      hs('deactivateHeater'),
      hs('openLabwareLatch'),
      moveTo('behind'),
    ]);
    assert.equal(a.ok, true, JSON.stringify(a.errors));
    const at = (i: number) => ({ result: a.commands?.[i].result, s: a.runLog[i].durationS, text: a.runLog[i].text });
    assert.equal(a.runLog[3].text, 'Load Heater-Shaker Module GEN1 in Slot 1');
    assert.equal(a.runLog[4].text, 'Load NEST 96 Well Plate 100 µL PCR Full Skirt in Heater-Shaker Module GEN1 in Slot 1');
    assert.deepEqual(at(9).result, {});
    assert.equal(at(9).s, 0, 'setting a target does not wait');
    assert.ok(at(10).s > 60, `heating from the room's 23 °C to 40 °C takes a while: ${at(10).s}`);
    assert.deepEqual(at(11).result, { pipetteRetracted: false });
    assert.deepEqual(at(14).result, { pipetteRetracted: false });
    assert.deepEqual(
      a.runLog.slice(8, 15).map((e) => e.text),
      [
        'Latching labware on Heater-Shaker',
        'Setting Target Temperature of Heater-Shaker to 40°C',
        'Waiting for Heater-Shaker to reach target temperature',
        'Setting Heater-Shaker to shake at 500 rpm and waiting until reached',
        'Deactivating shaker',
        'Deactivating heater',
        'Unlatching labware on Heater-Shaker',
      ],
    );
  });

  it('a pipette standing beside it is retracted before shaking', async () => {
    const a = await run([hs('closeLabwareLatch'), moveTo('beside'), hs('setAndWaitForShakeSpeed', { rpm: 500.4 })]);
    assert.equal(a.ok, true, JSON.stringify(a.errors));
    assert.deepEqual(a.commands?.at(-1)?.result, { pipetteRetracted: true });
  });

  it('the engine’s errors', async () => {
    const X = 'CannotPerformModuleAction';
    assert.deepEqual(await failure([hs('setTargetTemperature', { celsius: 30 })]), {
      commandType: 'heaterShaker/setTargetTemperature',
      errorType: 'InvalidTargetTemperatureError',
      detail: 'Cannot set Heater-Shaker to 30.0 °C. Valid range is TemperatureRange(min=37, max=95) °C.',
    });
    assert.deepEqual(await failure([hs('waitForTemperature')]), {
      commandType: 'heaterShaker/waitForTemperature',
      errorType: 'NoTargetTemperatureSetError',
      detail: 'Module hs does not have a target temperature set.',
    });
    assert.deepEqual(await failure([hs('setAndWaitForShakeSpeed', { rpm: 500 })]), {
      commandType: 'heaterShaker/setAndWaitForShakeSpeed',
      errorType: X,
      detail: 'Heater-Shaker cannot start or deactivate shaking if the labware latch has not been set to closed.',
    });
    assert.deepEqual(await failure([hs('openLabwareLatch'), hs('deactivateShaker')]), {
      commandType: 'heaterShaker/deactivateShaker',
      errorType: X,
      detail: 'Heater-Shaker cannot start or deactivate shaking while the labware latch is open.',
    });
    assert.deepEqual(await failure([hs('closeLabwareLatch'), hs('setAndWaitForShakeSpeed', { rpm: 100 })]), {
      commandType: 'heaterShaker/setAndWaitForShakeSpeed',
      errorType: 'InvalidTargetSpeedError',
      detail: 'Cannot set Heater-Shaker to shake at 100.0 rpm. Valid speed range is SpeedRange(min=200, max=3000) rpm.',
    });
    assert.deepEqual(await failure([hs('closeLabwareLatch'), hs('setAndWaitForShakeSpeed', { rpm: 500 }), hs('openLabwareLatch')]), {
      commandType: 'heaterShaker/openLabwareLatch',
      errorType: X,
      detail: 'Heater-Shaker cannot open its labware latch while it is shaking.',
    });
    assert.deepEqual(await failure([cmd('loadModule', { model: 'magneticModuleV2', location: { slotName: '9' }, moduleId: 'mm' }), cmd('heaterShaker/closeLabwareLatch', { moduleId: 'mm' })]), {
      commandType: 'heaterShaker/closeLabwareLatch',
      errorType: 'WrongModuleTypeError',
      detail: 'mm is not a Heater-Shaker Module.',
    });
  });
});

describe('pipette moves near a Heater-Shaker', () => {
  const R = 'PipetteMovementRestrictedByHeaterShakerError';
  const fails = async (commands: Command[], detail: string) =>
    assert.deepEqual(await failure(commands), { commandType: 'moveToWell', errorType: R, detail });

  it('nothing next to it while it shakes', async () => {
    await fails([hs('closeLabwareLatch'), hs('setAndWaitForShakeSpeed', { rpm: 500 }), moveTo('behind')], 'Cannot move pipette to Heater-Shaker or adjacent slot while module is shaking');
  });

  it('onto it or beside it only with the latch closed (the original’s two spaces)', async () => {
    await fails([moveTo('hsPlate')], 'Cannot move pipette to Heater-Shaker while labware latch has not been closed.');
    await fails([hs('openLabwareLatch'), moveTo('hsPlate')], 'Cannot move pipette to Heater-Shaker while labware latch is open.');
    await fails([moveTo('beside')], 'Cannot move pipette to left or right of Heater-Shaker while labware latch  has not been closed.');
    await fails([hs('openLabwareLatch'), moveTo('beside')], 'Cannot move pipette to left or right of Heater-Shaker while labware latch  is open.');
  });

  it('an 8-channel pipette: never beside it, behind it only to a tip rack', async () => {
    await fails([hs('closeLabwareLatch'), moveTo('beside', 'm')], 'Cannot move 8-Channel pipette to slot adjacent to the left or right of Heater-Shaker');
    await fails([moveTo('behind', 'm')], 'Cannot move 8-Channel pipette to non-tip-rack labware directly in front of or behind a Heater-Shaker');
    const ok = await run([hs('closeLabwareLatch'), moveTo('hsPlate', 'm'), moveTo('tips', 'm')]);
    assert.equal(ok.ok, true, JSON.stringify(ok.errors));
  });
});
