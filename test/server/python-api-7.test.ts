// A 2.15 Python protocol over HTTP on a real server, as a lab would use one: the upload's analysis
// (7.5.0's texts, equipment with stacked labware, liquids, the robot-server analysis), a session
// whose run holds at the manual labware move until resumed, and an engine failure reported the
// same way in the protocol resource, the robot-server analysis and the session.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  call, command, createSession, inState, startServer, uploadFile, waitFor,
  type Envelope, type Server, type SessionData,
} from './helpers.ts';

const PLATE_MOVE = `from opentrons import protocol_api

metadata = {'protocolName': 'Plate move', 'author': 'QA'}
requirements = {'robotType': 'OT-2', 'apiLevel': '2.15'}


def run(ctx: protocol_api.ProtocolContext):
    tips = ctx.load_labware('opentrons_96_tiprack_300ul', 'D1')
    temp = ctx.load_module('temperature module gen2', 'C1')
    pcr = temp.load_labware('opentrons_96_wellplate_200ul_pcr_full_skirt', 'PCR',
                            adapter='opentrons_96_well_aluminum_block')
    src = ctx.load_labware('nest_12_reservoir_15ml', 'D3', 'Src')
    water = ctx.define_liquid('Water', 'H2O', '#0000ff')
    src['A1'].load_liquid(water, 10000)
    p = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])
    ctx.move_labware(src, 'C2')
    p.pick_up_tip()
    p.aspirate(50, src['A1'])
    p.dispense(50, pcr['A1'])
    p.drop_tip()
`;

const FAILING = `metadata = {'apiLevel': '2.15'}


def run(ctx):
    tips = ctx.load_labware('opentrons_96_tiprack_300ul', 1)
    plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2)
    p = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])
    p.pick_up_tip()
    p.aspirate(400, plate['A1'])
`;

const CAPACITY = 'Error 4000 GENERAL_ERROR (ProtocolCommandFailedError): InvalidAspirateVolumeError: Cannot aspirate 400.0 µL when only 300.0 is available.';

let server: Server;
let work: string;

before(async () => {
  server = await startServer({ speed: 'max', maxProtocols: 5 });
  work = await mkdtemp(path.join(tmpdir(), 'labwright-api-7-'));
  for (const [name, text] of [['plate_move.py', PLATE_MOVE], ['failing.py', FAILING]]) {
    await writeFile(path.join(work, name), text);
    assert.equal((await uploadFile(server.base, path.join(work, name))).status, 201);
  }
});
after(async () => {
  await server?.close();
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

interface LabwareRequirement { label: string; uri: string; location: number; slot: number; on?: unknown }
interface Resource {
  metadata: Record<string, unknown>;
  errors: unknown[];
  requiredEquipment: { labware: LabwareRequirement[]; modules: { model: string; location: number }[] };
}
interface RobotServerAnalysis {
  status: string;
  result: string;
  liquids: { displayName: string }[];
  commands: { commandType: string; params: Record<string, unknown> }[];
  errors: { errorType: string; detail: string; wrappedErrors: { errorType: string; detail: string }[] }[];
}

async function resource(id: string): Promise<Resource> {
  const res = await call<Envelope<Resource>>(server.base, 'GET', `/protocols/${id}`);
  assert.equal(res.status, 200, res.text);
  return res.body.data;
}

async function analysis(id: string): Promise<RobotServerAnalysis> {
  const res = await call<Envelope<RobotServerAnalysis[]>>(server.base, 'GET', `/protocols/${id}/analyses`);
  assert.equal(res.status, 200, res.text);
  return res.body.data[0];
}

const runLines = (s: SessionData) =>
  s.details.events.filter((e) => e.source === 'protocol' && e.event.endsWith('.start')).map((e) => String(e.params?.text));

test('the upload analyses a 2.15 protocol: requirements dict, equipment on modules and adapters, liquids', async () => {
  const p = await resource('plate_move');
  assert.deepEqual(p.errors, []);
  assert.equal(p.metadata.apiLevel, '2.15');
  assert.deepEqual(p.requiredEquipment.modules.map((m) => [m.model, m.location]), [['temperatureModuleV2', 4]]);
  assert.deepEqual(
    p.requiredEquipment.labware.map((l) => [l.label, l.location, l.on ?? null]),
    [
      ['opentrons_96_tiprack_300ul', 1, null],
      ['Src', 3, null],
      ['opentrons_96_well_aluminum_block', 4, { kind: 'module', model: 'temperatureModuleV2' }],
      ['PCR', 4, { kind: 'labware', label: 'opentrons_96_well_aluminum_block', uri: 'opentrons/opentrons_96_well_aluminum_block/1' }],
      ['opentrons_1_trash_1100ml_fixed', 12, null],
    ],
  );
  const a = await analysis('plate_move');
  assert.equal(a.status, 'completed');
  assert.equal(a.result, 'ok');
  assert.deepEqual(a.liquids.map((l) => l.displayName), ['Water']);
  const move = a.commands.find((c) => c.commandType === 'moveLabware');
  assert.equal(move?.params.strategy, 'manualMoveWithPause');
});

test('a session of it holds at the manual move until resumed, and logs 7.5.0 texts', async () => {
  const s = await createSession(server.base, 'plate_move');
  const loaded = await waitFor(server.base, s.id, inState('loaded', 'error'));
  assert.equal(loaded.details.currentState, 'loaded', JSON.stringify(loaded.details.errors));
  assert.equal((await command(server.base, s.id, 'protocol.startRun')).status, 200);
  const held = await waitFor(server.base, s.id, inState('paused', 'finished', 'error'));
  assert.equal(held.details.currentState, 'paused');
  assert.equal(held.details.events.at(-1)?.params?.text, 'Moving Src to slot C2');
  assert.equal((await command(server.base, s.id, 'protocol.resume')).status, 200);
  const finished = await waitFor(server.base, s.id, inState('finished', 'error'));
  assert.equal(finished.details.currentState, 'finished', JSON.stringify(finished.details.errors));
  assert.deepEqual(runLines(finished).slice(runLines(loaded).length), [
    'Moving Src to slot C2',
    'Picking up tip from A1 of Opentrons OT-2 96 Tip Rack 300 µL on slot 1',
    'Aspirating 50.0 uL from A1 of Src on slot 5 at 92.86 uL/sec',
    'Dispensing 50.0 uL into A1 of PCR on Opentrons 96 Well Aluminum Block on Temperature Module GEN2 on slot 4 at 92.86 uL/sec',
    'Dropping tip into A1 of Opentrons Fixed Trash on slot 12',
  ]);
});

test('an engine failure reads the same in the resource, the robot-server analysis and the session', async () => {
  const p = await resource('failing');
  assert.deepEqual(p.errors, [{ type: 'ExceptionInProtocolError', description: CAPACITY, lineNumber: 9 }]);
  const a = await analysis('failing');
  assert.equal(a.result, 'not-ok');
  assert.equal(a.errors[0].errorType, 'ExceptionInProtocolError');
  assert.equal(a.errors[0].detail, `ProtocolCommandFailedError [line 9]: ${CAPACITY}`);
  assert.equal(a.errors[0].wrappedErrors[0].errorType, 'ProtocolCommandFailedError');
  assert.equal(a.errors[0].wrappedErrors[0].detail, 'InvalidAspirateVolumeError: Cannot aspirate 400.0 µL when only 300.0 is available.');
  const s = await createSession(server.base, 'failing');
  const failed = await waitFor(server.base, s.id, inState('loaded', 'error'));
  assert.equal(failed.details.currentState, 'error');
  assert.match(JSON.stringify(failed.details.errors), /InvalidAspirateVolumeError: Cannot aspirate 400\.0 µL when only 300\.0 is available\./);
});
