// A protocol built the way Protocol Designer 8 writes OT-2 protocols (the trash as an addressable
// area; json-protocols-v6-v8 §3.4, §5.3) on a real server: uploaded, analysed (robot-server 7's
// record: commands, statuses, keys, equipment), its lines for people, and a session that runs it
// to the end with the tips dropped in the trash.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { PD8_IDS, pd8Transfer } from '../helpers/pd8-transfer.ts';
import { call, command, createSession, inState, startServer, uploadFile, waitFor, type Server } from './helpers.ts';

interface AnalysisBody {
  result: string;
  commands: { key: string; commandType: string; status: string; params: Record<string, unknown>; result: unknown; error: unknown }[];
  labware: { id: string; loadName: string; definitionUri: string; location: Record<string, unknown>; displayName: string | null }[];
  pipettes: { id: string; pipetteName: string; mount: string }[];
  modules: unknown[];
  liquids: { id: string; displayName: string; description: string; displayColor: string | null }[];
  errors: unknown[];
}

const PROTOCOL_ID = 'pd8Transfer';
const STEP = ['pickUpTip', 'aspirate', 'dispense', 'moveToAddressableArea', 'blowOutInPlace', 'moveToAddressableAreaForDropTip', 'dropTipInPlace'];
const COMMAND_TYPES = ['home', 'loadPipette', 'loadLabware', 'loadLabware', 'loadLabware', 'loadLiquid', ...STEP, ...STEP, 'waitForDuration'];

const LINES = [
  'Homing all gantry, pipette, and plunger axes',
  'Load P300 Single-Channel GEN2 in Left Mount',
  'Load Opentrons OT-2 96 Tip Rack 300 µL in Slot 1',
  'Load Buffer reservoir in Slot 2',
  'Load Assay plate in Slot 3',
  'Load Water into Buffer reservoir',
  'Picking up tip(s) from A1 of Opentrons OT-2 96 Tip Rack 300 µL in Slot 1',
  'Aspirating 100 µL from well A1 of Buffer reservoir in Slot 2 at 92.86 µL/sec',
  'Dispensing 100 µL into well A1 of Assay plate in Slot 3 at 92.86 µL/sec',
  'Moving to Fixed Trash',
  'Blowing out in place at 92.86 µL/sec',
  'Moving to Fixed Trash',
  'Dropping tip in place',
  'Picking up tip(s) from B1 of Opentrons OT-2 96 Tip Rack 300 µL in Slot 1',
  'Aspirating 100 µL from well A1 of Buffer reservoir in Slot 2 at 92.86 µL/sec',
  'Dispensing 100 µL into well B1 of Assay plate in Slot 3 at 92.86 µL/sec',
  'Moving to Fixed Trash',
  'Blowing out in place at 92.86 µL/sec',
  'Moving to Fixed Trash',
  'Dropping tip in place',
  'Pausing for 30 seconds. let it settle',
];

let server: Server;
let work: string;

before(async () => {
  server = await startServer({ speed: 'max', maxProtocols: 5 });
  work = await mkdtemp(path.join(tmpdir(), 'labwright-pd8-'));
  const file = path.join(work, `${PROTOCOL_ID}.json`);
  await writeFile(file, JSON.stringify(pd8Transfer()));
  const res = await uploadFile(server.base, file);
  assert.equal(res.status, 201, res.text);
});
after(async () => {
  await server?.close();
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

test('the analysis: every command succeeded with its key, the equipment without the trash', async () => {
  const res = await call<{ data: AnalysisBody[] }>(server.base, 'GET', `/protocols/${PROTOCOL_ID}/analyses`);
  assert.equal(res.status, 200, res.text);
  const a = res.body.data[0];
  assert.equal(a.result, 'ok', JSON.stringify(a.errors));
  assert.deepEqual(a.errors, []);
  assert.deepEqual(a.commands.map((c) => c.commandType), COMMAND_TYPES);
  assert.ok(a.commands.every((c) => c.status === 'succeeded' && c.error === null));
  // The engine's own home is keyed by the hash chain; the protocol's commands keep their keys.
  assert.equal(a.commands[0].key, '50c7ae73a4e3f7129874f39dfb514803');
  assert.deepEqual(a.commands.slice(1).map((c) => c.key), COMMAND_TYPES.slice(1).map((_, i) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`));
  const drops = a.commands.filter((c) => c.commandType === 'moveToAddressableAreaForDropTip').map((c) => c.result);
  assert.deepEqual(drops, [{ position: { x: 363.895, y: 351.5, z: 82 } }, { position: { x: 331.785, y: 351.5, z: 82 } }]);
  assert.deepEqual(a.commands[9].result, { position: { x: 347.84, y: 351.5, z: 82 } });
  assert.deepEqual(
    a.labware.map((l) => [l.id, l.definitionUri, l.location, l.displayName]),
    [
      [PD8_IDS.tips, 'opentrons/opentrons_96_tiprack_300ul/1', { slotName: '1' }, 'Opentrons OT-2 96 Tip Rack 300 µL'],
      [PD8_IDS.source, 'opentrons/nest_12_reservoir_15ml/1', { slotName: '2' }, 'Buffer reservoir'],
      [PD8_IDS.dest, 'opentrons/corning_96_wellplate_360ul_flat/2', { slotName: '3' }, 'Assay plate'],
    ],
  );
  assert.deepEqual(a.pipettes, [{ id: PD8_IDS.pipette, pipetteName: 'p300_single_gen2', mount: 'left' }]);
  assert.deepEqual(a.modules, []);
  assert.deepEqual(a.liquids, [{ id: '0', displayName: 'Water', description: '', displayColor: '#b925ff' }]);
});

test('the lines for people, each timed, adding up to the estimate', async () => {
  type Body = { data: { estimatedDurationSeconds: number; commandCount: number; runLog: { text: string; name: string; durationS: number }[] } };
  const res = await call<Body>(server.base, 'GET', `/protocols/${PROTOCOL_ID}/analysis`);
  assert.equal(res.status, 200, res.text);
  const a = res.body.data;
  assert.equal(a.commandCount, 21);
  assert.deepEqual(a.runLog.map((e) => e.text), LINES);
  assert.deepEqual(a.runLog.filter((e) => e.name === 'command.DROP_TIP').length, 2);
  const total = a.runLog.reduce((sum, e) => sum + e.durationS, 0);
  assert.ok(Math.abs(total - a.estimatedDurationSeconds) < 1e-6, `${total} vs ${a.estimatedDurationSeconds}`);
  // Moves to the trash and the plunger in place take time; the delay its 30 s.
  for (const i of [9, 10, 11, 12]) assert.ok(a.runLog[i].durationS > 0, `${LINES[i]} takes time`);
  assert.ok(Math.abs(a.runLog[20].durationS - 30) < 1e-9);
});

test('a session runs it to the end: every command a step with its line, both tips into the trash', async () => {
  const s = await createSession(server.base, PROTOCOL_ID);
  const loaded = await waitFor(server.base, s.id, inState('loaded', 'error'));
  assert.equal(loaded.details.currentState, 'loaded', JSON.stringify(loaded.details.errors));
  assert.equal((await command(server.base, s.id, 'protocol.startRun')).status, 200);
  const finished = await waitFor(server.base, s.id, inState('finished', 'error'));
  assert.equal(finished.details.currentState, 'finished', JSON.stringify(finished.details.errors));
  const run = finished.details.events.slice(loaded.details.events.length).filter((e) => e.source === 'protocol');
  const starts = run.filter((e) => e.event.endsWith('.start'));
  assert.deepEqual(starts.map((e) => e.params?.text), LINES);
  assert.equal(run.filter((e) => e.event === 'command.DROP_TIP.end').length, 2);
  assert.equal(starts[9].event, 'command.moveToAddressableArea.start');
  assert.equal(starts[10].event, 'command.blowOutInPlace.start');
});
