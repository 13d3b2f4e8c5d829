// A session's load replays the protocol's stored analysis when a fresh simulation would give the
// same: the same events, without running the protocol again. Anything that could change the
// result (a protocol that reads the clock, startSimulate, a library change) simulates again.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEFAULT_SANDBOX_LIMITS } from '../../src/analysis/index.ts';
import type { ProtocolService } from '../../src/service/index.ts';
import { createProtocolService } from '../../src/service/index.ts';
import { call, command, createSession, form, inState, startApp, waitFor, type Envelope, type InProcessServer, type ProtocolData, type SessionData } from './helpers.ts';

const BODY = `from opentrons import protocol_api
metadata = {'apiLevel': '2.11'}

def run(ctx):
    tips = ctx.load_labware('opentrons_96_tiprack_300ul', 1)
    plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2)
    p300 = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])
    p300.transfer(50, plate['A1'], plate.columns()[1], new_tip='always')
    ctx.delay(seconds=5, msg='settle')
`;
// The same commands, from a protocol that also reads the clock (which it does not use).
const CLOCKED = BODY.replace("metadata = {'apiLevel': '2.11'}", "import time\nSTARTED = time.time()\nmetadata = {'apiLevel': '2.11'}");

const executions: string[] = [];
let real: ProtocolService;
let server: InProcessServer;
before(async () => {
  real = createProtocolService({ poolSize: 1, limits: DEFAULT_SANDBOX_LIMITS });
  // The real service, counted: which executions a session's load asked for.
  const counted: ProtocolService = {
    execute: (bundle, options) => {
      executions.push(`${bundle.protocolFile.name} ${options.mode}`);
      return real.execute(bundle, options);
    },
    close: () => real.close(),
  };
  server = await startApp({ protocolService: counted, speed: 'max' });
});
after(async () => {
  await server?.close();
  await real?.close();
});

async function upload(name: string, text: string): Promise<ProtocolData> {
  const res = await call<Envelope<ProtocolData>>(server.app, 'POST', '/protocols', { raw: form([{ field: 'protocolFile', name, data: text }]) });
  assert.equal(res.status, 201, res.text);
  return res.body.data;
}

/** A session's events without what differs between any two sessions (ids, times). */
function comparable(session: SessionData): unknown[] {
  return session.details.events.map((event) => {
    const { createdAt: _createdAt, timestamp: _timestamp, id: _id, ...rest } = event as unknown as Record<string, unknown>;
    return rest;
  });
}

async function loaded(protocolId: string): Promise<SessionData> {
  const created = await createSession(server.app, protocolId);
  const session = await waitFor(server.app, created.id, inState('loaded', 'error'));
  assert.equal(session.details.currentState, 'loaded');
  return session;
}

async function remove(session: SessionData): Promise<void> {
  assert.equal((await call(server.app, 'DELETE', `/sessions/${session.id}`)).status, 200);
}

describe('analysis reuse', () => {
  test('a load replays the stored analysis: no second execution, the events of a fresh simulation', async () => {
    const plain = await upload('reused.py', BODY);
    const clocked = await upload('clocked.py', CLOCKED);
    assert.deepEqual(executions.splice(0), ['reused.py analyze', 'clocked.py analyze']);

    const reused = await loaded(plain.id);
    assert.deepEqual(executions.splice(0), [], 'the stored analysis was reused');
    await remove(reused);

    const fresh = await loaded(clocked.id);
    assert.deepEqual(executions.splice(0), ['clocked.py analyze'], 'a protocol that reads the clock is simulated again');
    await remove(fresh);

    assert.ok(comparable(reused).length > 5);
    assert.deepEqual(comparable(reused), comparable(fresh));
  });

  test('an upload of files analysed lately reuses that analysis; other bytes, or a protocol that reads the clock, are analysed again', async () => {
    const removeProtocol = async (id: string) => assert.equal((await call(server.app, 'DELETE', `/protocols/${id}`)).status, 200);
    // The analyses resource without what each upload has of its own: the analysis id, and times
    // counted from the upload's creation.
    const untimed = (key: string, value: unknown) => (['createdAt', 'startedAt', 'completedAt'].includes(key) ? undefined : value);
    const analysisOf = async (id: string) => {
      const { data } = (await call<{ data: { id: string }[] }>(server.app, 'GET', `/protocols/${id}/analyses`)).body;
      return JSON.stringify(data.map(({ id: _id, ...rest }) => rest), untimed);
    };
    const first = await upload('again.py', BODY);
    const firstAnalysis = await analysisOf(first.id);
    await removeProtocol(first.id);
    executions.splice(0);

    const second = await upload('again.py', BODY);
    assert.deepEqual(executions.splice(0), [], 'the same files, uploaded again, were not run again');
    assert.deepEqual(second.requiredEquipment, first.requiredEquipment);
    assert.deepEqual(second.errors, first.errors);
    assert.deepEqual(await analysisOf(second.id), firstAnalysis);
    await removeProtocol(second.id);

    await upload('again.py', BODY.replace('seconds=5', 'seconds=7')).then((p) => removeProtocol(p.id));
    assert.deepEqual(executions.splice(0), ['again.py analyze'], 'one byte more: analysed again');

    const clocked = await upload('again_clocked.py', CLOCKED);
    await removeProtocol(clocked.id);
    await upload('again_clocked.py', CLOCKED).then((p) => removeProtocol(p.id));
    assert.deepEqual(executions.splice(0), ['again_clocked.py analyze', 'again_clocked.py analyze'], 'a protocol that reads the clock is analysed at every upload');
  });

  test('startSimulate always simulates again', async () => {
    const protocol = await upload('simulated.py', BODY);
    executions.splice(0);
    const session = await loaded(protocol.id);
    assert.deepEqual(executions.splice(0), []);
    assert.equal((await command(server.app, session.id, 'protocol.startSimulate')).status, 200);
    await waitFor(server.app, session.id, (s) => s.details.currentState === 'loaded' && executions.length > 0);
    assert.deepEqual(executions.splice(0), ['simulated.py analyze']);
    await remove(session);
  });

  test('a changed file is analysed again at PATCH, and that analysis is the one reused', async () => {
    const protocol = await upload('patched.py', BODY);
    const patched = await call(server.app, 'PATCH', `/protocols/${protocol.id}`, {
      raw: form([{ field: 'file', name: 'patched.py', data: BODY.replace('seconds=5', 'seconds=6') }]),
    });
    assert.equal(patched.status, 200, patched.text);
    executions.splice(0);
    const session = await loaded(protocol.id);
    assert.deepEqual(executions.splice(0), []);
    assert.ok(session.details.events.some((e) => JSON.stringify(e).includes('6.0 seconds')), 'the new analysis was replayed');
    await remove(session);
  });
});
