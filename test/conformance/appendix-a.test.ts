// http-api.md Appendix A: every conformance check distilled from the original's tests, against a
// real server (maxProtocols 1, the original's default; a finite speed so runs can be caught
// running). Every request sends `Opentrons-Version: *`, as the original's harness did. Check 36
// (an unhandled exception gives 500) cannot be provoked through the public surface and is not here.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import type { FilePart, HttpResponse, TestServer } from './harness.ts';
import { ANY, customReservoirDefinition, FIXTURES, http, startTestServer, stateIs, waitForSession } from './harness.ts';
import { subscribe } from '../notifications/helpers.ts';

const A = path.join(FIXTURES, 'appendix-a');
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d+\+\d{2}:\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const JSON_HEADERS = { ...ANY, 'Content-Type': 'application/json' };

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => {
  assert.ok(v !== null && typeof v === 'object' && !Array.isArray(v), `expected an object, got ${JSON.stringify(v)}`);
  return v as Obj;
};
const body = (res: HttpResponse): Obj => obj(res.json());
const data = (res: HttpResponse): Obj => obj(body(res).data);
/** Our required labware carries an extra `slot`; the checks are about the original's keys. */
const originalLabware = (labware: unknown): unknown =>
  (labware as Obj[]).map(({ slot: _slot, ...rest }) => rest);

let server: TestServer;
const call = (method: string, p: string, extra: { json?: unknown; files?: FilePart[]; headers?: Record<string, string> } = {}) =>
  http(server.base, {
    method,
    path: p,
    headers: extra.headers ?? (extra.json !== undefined ? JSON_HEADERS : ANY),
    body: extra.json !== undefined ? JSON.stringify(extra.json) : undefined,
    files: extra.files,
  });

async function part(field: string, dir: string, name: string): Promise<FilePart> {
  return { field, name, data: await readFile(path.join(dir, name)) };
}

async function upload(dir: string, name: string, support: FilePart[] = []): Promise<HttpResponse> {
  return call('POST', '/protocols', { files: [await part('protocolFile', dir, name), ...support] });
}

async function createSession(protocolId: string): Promise<HttpResponse> {
  return call('POST', '/sessions', { json: { data: { sessionType: 'protocol', createParams: { protocolId } } } });
}

const exec = (sessionId: string, command: string) =>
  call('POST', `/sessions/${sessionId}/commands/execute`, { json: { data: { command, data: {} } } });

const ORIGINAL_COMMAND_NAME: Record<string, string> = {
  'protocol.startRun': 'ProtocolCommand.start_run',
  'protocol.startSimulate': 'ProtocolCommand.start_simulate',
  'protocol.pause': 'ProtocolCommand.pause',
  'protocol.resume': 'ProtocolCommand.resume',
  'protocol.cancel': 'ProtocolCommand.cancel',
};
const COMMANDS = Object.keys(ORIGINAL_COMMAND_NAME);
const ALLOWED: Record<string, string[]> = {
  stopped: [],
  loaded: ['protocol.startRun', 'protocol.startSimulate'],
  running: ['protocol.pause', 'protocol.cancel'],
  paused: ['protocol.resume', 'protocol.cancel'],
  finished: ['protocol.startRun', 'protocol.startSimulate'],
  error: [],
};

/** Checks 32-33: every command the state does not allow is refused with the original's body. */
async function assertRefusals(sessionId: string, state: string): Promise<void> {
  for (const command of COMMANDS.filter((c) => !ALLOWED[state].includes(c))) {
    const res = await exec(sessionId, command);
    assert.equal(res.status, 403, `${command} in ${state}: ${res.text}`);
    assert.equal(
      res.text,
      JSON.stringify({
        errors: [
          {
            id: 'UncategorizedError',
            title: 'Action Forbidden',
            detail: `Can't execute '${ORIGINAL_COMMAND_NAME[command]}' during state '${state}'`,
          },
        ],
      }),
    );
  }
}

const sessionLinks = (sid: string) => ({
  self: { href: `/sessions/${sid}`, meta: null },
  commandExecute: { href: `/sessions/${sid}/commands/execute`, meta: null },
  sessions: { href: '/sessions', meta: null },
  sessionById: { href: '/sessions/{sessionId}', meta: null },
});

before(async () => {
  server = await startTestServer({ speed: 20, maxProtocols: 1 });
});
after(async () => {
  await server?.close();
});
// Each check starts from an empty robot, whatever the previous one left behind when it failed.
afterEach(async () => {
  for (const kind of ['sessions', 'protocols']) {
    const list = await call('GET', `/${kind}`);
    if (list.status !== 200) continue;
    for (const item of body(list).data as Obj[]) await call('DELETE', `/${kind}/${String(item.id)}`);
  }
});

describe('version headers and health (checks 1-5)', () => {
  const headers22 = (res: HttpResponse) => {
    assert.equal(res.headers.get('opentrons-version'), '2');
    assert.equal(res.headers.get('opentrons-min-version'), '2');
  };
  test('1-2: * and 1337 are accepted as version 2', async () => {
    for (const v of ['*', '1337']) {
      const res = await call('GET', '/health', { headers: { 'Opentrons-Version': v } });
      assert.equal(res.status, 200);
      headers22(res);
    }
  });
  test('3: version 1 is outdated', async () => {
    const res = await call('GET', '/health', { headers: { 'Opentrons-Version': '1' } });
    assert.equal(res.status, 400);
    headers22(res);
    assert.deepEqual(obj((body(res).errors as unknown[])[0]), {
      id: 'OutdatedAPIVersion',
      title: 'Requested HTTP API version no longer supported',
      detail:
        "The requested API version '1' is not supported. 'Opentrons-Version' must be at least '2'. Please upgrade your Opentrons App or other HTTP API client.",
    });
  });
  test('4: an empty version is a validation error', async () => {
    const res = await call('GET', '/health', { headers: { 'Opentrons-Version': '' } });
    assert.equal(res.status, 422);
    headers22(res);
  });
  test('5: the health body has exactly the original keys and fixed values', async () => {
    const res = await call('GET', '/health');
    assert.equal(res.status, 200);
    const h = body(res);
    assert.deepEqual(Object.keys(h), [
      'name',
      'api_version',
      'fw_version',
      'board_revision',
      'logs',
      'system_version',
      'minimum_protocol_api_version',
      'maximum_protocol_api_version',
      'links',
    ]);
    for (const k of ['name', 'api_version', 'fw_version', 'board_revision', 'system_version']) {
      assert.equal(typeof h[k], 'string', k);
    }
    assert.deepEqual(h.logs, ['/logs/serial.log', '/logs/api.log', '/logs/server.log']);
    assert.deepEqual(h.minimum_protocol_api_version, [2, 0]);
    assert.deepEqual(h.maximum_protocol_api_version, [2, 19]);
    assert.deepEqual(h.links, {
      apiLog: '/logs/api.log',
      serialLog: '/logs/serial.log',
      serverLog: '/logs/server.log',
      apiSpec: '/openapi.json',
      systemTime: '/system/time',
    });
  });
});

const STANDALONE_EQUIPMENT = {
  pipettes: [{ mount: 'right', requestedAs: 'p300_single', pipetteName: 'p300_single', channels: 1 }],
  labware: [
    { label: 'corning_96_wellplate_360ul_flat', uri: 'opentrons/corning_96_wellplate_360ul_flat/1', location: 1 },
    { label: 'opentrons_96_tiprack_300ul', uri: 'opentrons/opentrons_96_tiprack_300ul/1', location: 2 },
    { label: 'opentrons_1_trash_1100ml_fixed', uri: 'opentrons/opentrons_1_trash_1100ml_fixed/1', location: 12 },
  ],
  modules: [],
};
const ROOT_LINKS = { self: { href: '/protocols' }, protocolById: { href: '/protocols/{protocolId}' } };

describe('protocol upload, get, delete (checks 6-9)', () => {
  test('6-9', async () => {
    const up = await upload(A, 'basic_transfer_standalone.py');
    assert.equal(up.status, 201, up.text);
    const d = data(up);
    assert.equal(d.id, 'basic_transfer_standalone');
    assert.deepEqual(d.protocolFile, { basename: 'basic_transfer_standalone.py' });
    assert.deepEqual(d.supportFiles, []);
    assert.match(String(d.lastModifiedAt), TIMESTAMP);
    assert.match(String(d.createdAt), TIMESTAMP);
    assert.deepEqual(d.metadata, { name: 'basic_transfer_standalone', author: 'engineer@opentrons.com', apiLevel: '2.6' });
    const eq = obj(d.requiredEquipment);
    assert.deepEqual({ ...eq, labware: originalLabware(eq.labware) }, STANDALONE_EQUIPMENT);
    assert.deepEqual(d.errors, []);
    const links = obj(body(up).links);
    assert.equal(typeof obj(links.self).href, 'string');
    assert.deepEqual(links.protocols, { href: '/protocols' });
    assert.deepEqual(links.protocolById, { href: '/protocols/{protocolId}' });

    const got = await call('GET', '/protocols/basic_transfer_standalone');
    assert.equal(got.status, 200);
    assert.deepEqual(data(got), d);
    assert.deepEqual(body(got).links, {
      self: { href: '/protocols/basic_transfer_standalone' },
      protocols: { href: '/protocols' },
      protocolById: { href: '/protocols/{protocolId}' },
    });

    const del = await call('DELETE', '/protocols/basic_transfer_standalone');
    assert.equal(del.status, 200);
    assert.deepEqual(data(del), d);
    assert.deepEqual(body(del).links, ROOT_LINKS);

    const list = await call('GET', '/protocols');
    assert.equal(list.status, 200);
    assert.equal(list.text, JSON.stringify({ data: [], links: ROOT_LINKS }));
  });
});

describe('support files via PATCH (checks 10-13)', () => {
  test('10-13', async () => {
    const up = await upload(A, 'basic_transfer_with_config.py');
    assert.equal(up.status, 201, up.text);
    const id = String(data(up).id);
    assert.deepEqual(data(up).protocolFile, { basename: 'basic_transfer_with_config.py' });
    assert.deepEqual(data(up).supportFiles, []);
    assert.deepEqual(data(up).errors, [{ type: 'ModuleNotFoundError', description: "No module named 'helpers'" }]);

    const p1 = await call('PATCH', `/protocols/${id}`, { files: [await part('file', A, 'helpers.py')] });
    assert.equal(p1.status, 200, p1.text);
    assert.deepEqual(data(p1).supportFiles, [{ basename: 'helpers.py' }]);
    assert.deepEqual(data(p1).errors, [
      {
        type: 'ExceptionInProtocolError',
        description: "[Errno 2] No such file or directory: 'basic_transfer_config.json'",
        lineNumber: 8,
      },
    ]);

    const p2 = await call('PATCH', `/protocols/${id}`, { files: [await part('file', A, 'basic_transfer_config.json')] });
    assert.equal(p2.status, 200, p2.text);
    assert.deepEqual(data(p2).supportFiles, [{ basename: 'helpers.py' }, { basename: 'basic_transfer_config.json' }]);
    assert.deepEqual(data(p2).errors, []);
    const eq = obj(data(p2).requiredEquipment);
    assert.deepEqual({ ...eq, labware: originalLabware(eq.labware) }, STANDALONE_EQUIPMENT);

    const del = await call('DELETE', `/protocols/${id}`);
    assert.equal(del.status, 200);
    obj(body(del).data);
    obj(body(del).links);
  });
});

describe('analysis errors (checks 14-16)', () => {
  const cases: [string, (errors: unknown) => void][] = [
    [
      'invalid_json.json',
      (errors) => {
        const [e] = errors as Obj[];
        assert.deepEqual(Object.keys(e), ['type', 'description', 'lineNumber', 'fileName']);
        assert.equal(e.type, 'JSONDecodeError');
        assert.equal(typeof e.description, 'string');
        assert.equal(e.lineNumber, 1);
        assert.equal(e.fileName, 'invalid_json.json');
      },
    ],
    ['load_unknown_module.py', (errors) => assertInProtocol(errors, 11)],
    ['runtime_error.py', (errors) => assertInProtocol(errors, 7)],
  ];
  function assertInProtocol(errors: unknown, line: number): void {
    assert.equal((errors as unknown[]).length, 1);
    const [e] = errors as Obj[];
    assert.deepEqual(Object.keys(e), ['type', 'description', 'lineNumber']);
    assert.equal(e.type, 'ExceptionInProtocolError');
    assert.equal(typeof e.description, 'string');
    assert.equal(e.lineNumber, line);
  }
  for (const [file, check] of cases) {
    test(file, async () => {
      const up = await upload(A, file);
      assert.equal(up.status, 201, up.text);
      check(data(up).errors);
      const del = await call('DELETE', `/protocols/${String(data(up).id)}`);
      assert.equal(del.status, 200);
      assert.deepEqual(body(del).links, ROOT_LINKS);
    });
  }
});

const TRASH = { label: 'opentrons_1_trash_1100ml_fixed', uri: 'opentrons/opentrons_1_trash_1100ml_fixed/1', location: 12 };

describe('analysis results (checks 17-19)', () => {
  test('17: custom labware from a support file', async () => {
    const labware: FilePart = { field: 'supportFiles', name: 'test_1_reservoir_5ul.json', data: await customReservoirDefinition() };
    const up = await upload(A, 'load_custom_labware.py', [labware]);
    assert.equal(up.status, 201, up.text);
    const d = data(up);
    assert.deepEqual(d.supportFiles, [{ basename: 'test_1_reservoir_5ul.json' }]);
    const eq = obj(d.requiredEquipment);
    assert.deepEqual(originalLabware(eq.labware), [
      { label: 'custom1', uri: 'custom_beta/test_1_reservoir_5ul/1', location: 1 },
      TRASH,
    ]);
    assert.deepEqual(eq.pipettes, []);
    assert.deepEqual(eq.modules, []);
    assert.deepEqual(d.errors, []);
    assert.equal((await call('DELETE', `/protocols/${String(d.id)}`)).status, 200);
  });

  test('18: labware, pipettes and modules', async () => {
    const up = await upload(A, 'labware_pipettes_modules.py');
    assert.equal(up.status, 201, up.text);
    const d = data(up);
    const eq = obj(d.requiredEquipment);
    assert.deepEqual(eq.pipettes, [
      { mount: 'left', requestedAs: 'p300_multi_gen2', pipetteName: 'p300_multi_gen2', channels: 8 },
      { mount: 'right', requestedAs: 'p20_single_gen2', pipetteName: 'p20_single_gen2', channels: 1 },
    ]);
    const tips = (location: number, label = '200µl filtertiprack') => ({
      label,
      uri: 'opentrons/opentrons_96_tiprack_300ul/1',
      location,
    });
    assert.deepEqual(originalLabware(eq.labware), [
      { label: 'elution plate', uri: 'opentrons/opentrons_96_aluminumblock_nest_wellplate_100ul/1', location: 1 },
      { label: 'reagent reservoir 1', uri: 'opentrons/nest_12_reservoir_15ml/1', location: 2 },
      { label: 'reagent reservoir 2', uri: 'opentrons/nest_12_reservoir_15ml/1', location: 3 },
      tips(4),
      tips(5, 'tiprack for parking'),
      { label: 'deepwell plate', uri: 'opentrons/nest_96_wellplate_2ml_deep/1', location: 6 },
      tips(7),
      tips(8),
      { label: 'Liquid Waste', uri: 'opentrons/nest_1_reservoir_195ml/1', location: 9 },
      tips(10),
      tips(11),
      TRASH,
    ]);
    assert.deepEqual(eq.modules, [
      { type: 'temperatureModuleType', model: 'temperatureModuleV2', location: 1 },
      { type: 'magneticModuleType', model: 'magneticModuleV2', location: 6 },
    ]);
    assert.deepEqual(d.errors, []);
    assert.equal((await call('DELETE', `/protocols/${String(d.id)}`)).status, 200);
  });

  test('19: thermocycler', async () => {
    const up = await upload(A, 'thermocycler.py');
    assert.equal(up.status, 201, up.text);
    const d = data(up);
    const eq = obj(d.requiredEquipment);
    assert.deepEqual(eq.pipettes, []);
    assert.deepEqual(originalLabware(eq.labware), [
      { label: 'deepwell plate', uri: 'opentrons/nest_96_wellplate_2ml_deep/1', location: 7 },
      TRASH,
    ]);
    assert.deepEqual(eq.modules, [{ type: 'thermocyclerModuleType', model: 'thermocyclerModuleV1', location: 7 }]);
    assert.deepEqual(d.errors, []);
    assert.equal((await call('DELETE', `/protocols/${String(d.id)}`)).status, 200);
  });
});

describe('protocol sessions (checks 20-23)', () => {
  test('20: a session for an unknown protocol is 404', async () => {
    const res = await createSession('my_protocol');
    assert.equal(res.status, 404);
  });

  test('21: with the feature flag off, session creation is refused', async () => {
    const up = await upload(A, 'basic_transfer_standalone.py');
    assert.equal(up.status, 201, up.text);
    try {
      const off = await call('POST', '/settings', { json: { id: 'enableHttpProtocolSessions', value: false } });
      assert.equal(off.status, 200, off.text);
      const res = await createSession('basic_transfer_standalone');
      assert.equal(res.status, 403);
      assert.equal(
        res.text,
        '{"errors":[{"id":"UncategorizedError","title":"Action Forbidden","detail":"HTTP Protocol Session feature is disabled"}]}',
      );
    } finally {
      await call('POST', '/settings', { json: { id: 'enableHttpProtocolSessions', value: true } });
      await call('DELETE', '/protocols/basic_transfer_standalone');
    }
  });

  test('22: life cycle with strict bodies', async () => {
    const up = await upload(A, 'basic_transfer_standalone.py');
    assert.equal(up.status, 201, up.text);
    const strict = (d: Obj, sid: string) => {
      assert.deepEqual(Object.keys(d).sort(), ['createParams', 'createdAt', 'details', 'id', 'sessionType']);
      assert.equal(d.id, sid);
      assert.equal(d.sessionType, 'protocol');
      assert.deepEqual(d.createParams, { protocolId: 'basic_transfer_standalone' });
      assert.match(String(d.createdAt), TIMESTAMP);
      const det = obj(d.details);
      assert.deepEqual(Object.keys(det), ['protocolId', 'currentState', 'events']);
      assert.equal(det.protocolId, 'basic_transfer_standalone');
      assert.equal(typeof det.currentState, 'string');
      assert.ok(Array.isArray(det.events));
    };
    const created = await createSession('basic_transfer_standalone');
    assert.equal(created.status, 201, created.text);
    const sid = String(data(created).id);
    assert.match(sid, UUID);
    strict(data(created), sid);
    const got = await call('GET', `/sessions/${sid}`);
    assert.equal(got.status, 200);
    strict(data(got), sid);
    const del = await call('DELETE', `/sessions/${sid}`);
    assert.equal(del.status, 200);
    strict(data(del), sid);
    assert.equal((await call('GET', `/sessions/${sid}`)).status, 404);
    assert.equal((await call('DELETE', '/protocols/basic_transfer_standalone')).status, 200);
  });

  test('23: a protocol with no steps loads with no events; a run adds exactly the startRun event', async () => {
    const labware: FilePart = { field: 'supportFiles', name: 'test_1_reservoir_5ul.json', data: await customReservoirDefinition() };
    const up = await upload(A, 'load_custom_labware.py', [labware]);
    assert.equal(up.status, 201, up.text);
    const id = String(data(up).id);
    const sid = String(data(await createSession(id)).id);
    await waitForSession(server.base, sid, (d) => d.currentState !== 'stopped');
    const loaded = await call('GET', `/sessions/${sid}`);
    assert.deepEqual(data(loaded).details, { protocolId: id, currentState: 'loaded', events: [] });
    const run = await exec(sid, 'protocol.startRun');
    assert.equal(run.status, 200, run.text);
    obj(body(run));
    await waitForSession(server.base, sid, stateIs('finished'));
    const finished = obj(data(await call('GET', `/sessions/${sid}`)).details);
    const events = finished.events as Obj[];
    assert.equal(events.length, 1);
    assert.deepEqual(Object.keys(events[0]), ['source', 'event', 'timestamp', 'commandId', 'params', 'result']);
    assert.equal(events[0].source, 'sessionCommand');
    assert.equal(events[0].event, 'protocol.startRun');
    assert.match(String(events[0].timestamp), TIMESTAMP);
    assert.equal(events[0].commandId, data(run).id);
    assert.equal(events[0].params, null);
    assert.equal(events[0].result, null);
    assert.equal((await call('DELETE', `/sessions/${sid}`)).status, 200);
    assert.equal((await call('DELETE', `/protocols/${id}`)).status, 200);
  });
});

describe('sessions in general (checks 24-31)', () => {
  test('24: a deckCalibration session can be created, read and deleted', async () => {
    const created = await call('POST', '/sessions', { json: { data: { sessionType: 'deckCalibration' } } });
    assert.equal(created.status, 201, created.text);
    const sid = String(data(created).id);
    assert.equal((await call('GET', `/sessions/${sid}`)).status, 200);
    assert.equal((await call('DELETE', `/sessions/${sid}`)).status, 200);
    assert.equal((await call('GET', `/sessions/${sid}`)).status, 404);
  });

  test('25: list and filter by session_type', async () => {
    const live = await call('POST', '/sessions', { json: { data: { sessionType: 'liveProtocol' } } });
    assert.equal(live.status, 201, live.text);
    const deck = await call('POST', '/sessions', { json: { data: { sessionType: 'deckCalibration' } } });
    assert.equal(deck.status, 201, deck.text);
    const id1 = String(data(live).id);
    const id2 = String(data(deck).id);
    const list = body(await call('GET', '/sessions'));
    assert.equal(list.links, null);
    const items = list.data as Obj[];
    assert.deepEqual(
      items.map((s) => s.id),
      [id1, id2],
    );
    assert.deepEqual(
      items.map((s) => Object.keys(s).sort()),
      [
        ['createParams', 'createdAt', 'details', 'id', 'sessionType'],
        ['createParams', 'createdAt', 'details', 'id', 'sessionType'],
      ],
    );
    assert.deepEqual(items[0].details, {});
    assert.equal(items[0].createParams, null);
    assert.equal(items[1].sessionType, 'deckCalibration');
    assert.equal(items[1].createParams, null);
    const filtered = body(await call('GET', '/sessions?session_type=deckCalibration')).data as Obj[];
    assert.deepEqual(
      filtered.map((s) => s.id),
      [id2],
    );
    const bad = await call('GET', '/sessions?session_type=bogus');
    assert.equal(bad.status, 422);
    assert.deepEqual(obj((body(bad).errors as Obj[])[0]).source, { parameter: 'session_type' });
    assert.equal((await call('DELETE', `/sessions/${id1}`)).status, 200);
    assert.equal((await call('DELETE', `/sessions/${id2}`)).status, 200);
    assert.equal((await call('GET', '/sessions')).text, '{"data":[],"links":null}');
  });

  const notFound = (id: string) =>
    JSON.stringify({
      errors: [{ id: 'UncategorizedError', title: 'Resource Not Found', detail: `Resource type 'session' with id '${id}' was not found` }],
      links: { self: { href: '/sessions' }, sessionById: { href: '/sessions/{sessionId}' } },
    });

  test('26-28: unknown sessions', async () => {
    const del = await call('DELETE', '/sessions/check');
    assert.equal(del.status, 404);
    assert.equal(del.text, notFound('check'));
    const get = await call('GET', '/sessions/1234');
    assert.equal(get.status, 404);
    assert.equal(get.text, notFound('1234'));
    const ex = await exec('1234', 'protocol.pause');
    assert.equal(ex.status, 404);
    assert.equal(ex.text, notFound('1234'));
  });

  test('29-31: only the active session executes; links and command shape', async () => {
    const up = await upload(A, 'basic_transfer_standalone.py');
    assert.equal(up.status, 201, up.text);
    try {
      const first = await createSession('basic_transfer_standalone');
      const second = await createSession('basic_transfer_standalone');
      const sid1 = String(data(first).id);
      const sid2 = String(data(second).id);
      assert.deepEqual(body(first).links, sessionLinks(sid1));
      assert.deepEqual(body(await call('GET', `/sessions/${sid2}`)).links, sessionLinks(sid2));

      const inactive = await exec(sid1, 'protocol.startRun');
      assert.equal(inactive.status, 403);
      assert.equal(
        inactive.text,
        JSON.stringify({
          errors: [
            {
              id: 'UncategorizedError',
              title: 'Action Forbidden',
              detail: `Session '${sid1}' is not active. Only the active session can execute commands`,
            },
          ],
        }),
      );

      await waitForSession(server.base, sid2, stateIs('loaded'));
      const run = await exec(sid2, 'protocol.startRun');
      assert.equal(run.status, 200, run.text);
      const d = data(run);
      assert.deepEqual(Object.keys(d), ['id', 'command', 'data', 'status', 'createdAt', 'startedAt', 'completedAt', 'result']);
      assert.match(String(d.id), UUID);
      assert.equal(d.command, 'protocol.startRun');
      assert.deepEqual(d.data, {});
      assert.equal(d.status, 'executed');
      for (const k of ['createdAt', 'startedAt', 'completedAt']) assert.match(String(d[k]), TIMESTAMP);
      assert.equal(d.result, null);
      assert.deepEqual(body(run).links, sessionLinks(sid2));

      await waitForSession(server.base, sid2, stateIs('finished'));
      const del = await call('DELETE', `/sessions/${sid2}`);
      assert.deepEqual(body(del).links, {
        self: { href: '/sessions', meta: null },
        sessionById: { href: '/sessions/{sessionId}', meta: null },
      });
      assert.equal((await call('DELETE', `/sessions/${sid1}`)).status, 200);
    } finally {
      await call('DELETE', '/protocols/basic_transfer_standalone');
    }
  });
});

describe('state machine (checks 32-35)', () => {
  test('every state refuses exactly the commands the matrix forbids; accepted ones are recorded', async () => {
    const up = await upload(path.join(FIXTURES, 'reference'), 'long_transfer.py');
    assert.equal(up.status, 201, up.text);
    const id = String(data(up).id);
    try {
      const sid = String(data(await createSession(id)).id);
      await waitForSession(server.base, sid, stateIs('loaded'));
      await assertRefusals(sid, 'loaded');

      const commandEvents = async () =>
        ((obj(data(await call('GET', `/sessions/${sid}`)).details).events as Obj[]).filter(
          (e) => e.source === 'sessionCommand',
        ) as Obj[]);
      const accept = async (command: string, then: string) => {
        const before = (await commandEvents()).length;
        const res = await exec(sid, command);
        assert.equal(res.status, 200, `${command}: ${res.text}`);
        const after = await commandEvents();
        assert.equal(after.length, before + 1, `${command} adds one event`);
        assert.equal(after[after.length - 1].event, command);
        assert.equal(after[after.length - 1].commandId, data(res).id);
        await waitForSession(server.base, sid, stateIs(then));
      };

      await accept('protocol.startRun', 'running');
      await assertRefusals(sid, 'running');
      await accept('protocol.pause', 'paused');
      await assertRefusals(sid, 'paused');
      await accept('protocol.resume', 'running');
      await accept('protocol.cancel', 'stopped');
      await assertRefusals(sid, 'stopped');
      assert.equal((await call('DELETE', `/sessions/${sid}`)).status, 200);
    } finally {
      await call('DELETE', `/protocols/${id}`);
    }
  });

  test('finished and error refuse what the matrix forbids; startSimulate returns to loaded', async () => {
    const up = await upload(A, 'basic_transfer_standalone.py');
    const id = String(data(up).id);
    try {
      const sid = String(data(await createSession(id)).id);
      await waitForSession(server.base, sid, stateIs('loaded'));
      assert.equal((await exec(sid, 'protocol.startRun')).status, 200);
      await waitForSession(server.base, sid, stateIs('finished'));
      await assertRefusals(sid, 'finished');
      assert.equal((await exec(sid, 'protocol.startSimulate')).status, 200);
      await waitForSession(server.base, sid, (d) => d.currentState === 'loaded' && d.events.length > 0);
      assert.equal((await call('DELETE', `/sessions/${sid}`)).status, 200);
    } finally {
      await call('DELETE', `/protocols/${id}`);
    }
    const bad = await upload(A, 'runtime_error.py');
    const badId = String(data(bad).id);
    try {
      const sid = String(data(await createSession(badId)).id);
      await waitForSession(server.base, sid, stateIs('error'));
      await assertRefusals(sid, 'error');
      assert.equal((await call('DELETE', `/sessions/${sid}`)).status, 200);
    } finally {
      await call('DELETE', `/protocols/${badId}`);
    }
  });

  test('35: protocol events pair start and end by a per-session counter that never resets', async () => {
    const up = await upload(A, 'basic_transfer_standalone.py');
    const id = String(data(up).id);
    try {
      const sid = String(data(await createSession(id)).id);
      await waitForSession(server.base, sid, stateIs('loaded'));
      assert.equal((await exec(sid, 'protocol.startRun')).status, 200);
      const done = await waitForSession(server.base, sid, stateIs('finished'));
      const protocolEvents = done.events.filter((e) => e.source === 'protocol');
      // return_tip nests a drop_tip, so an end pairs with the innermost open start.
      const stack: string[] = [];
      let counter = 0;
      for (const e of protocolEvents) {
        if (e.event.endsWith('.start')) {
          counter += 1;
          stack.push(String(counter));
          assert.equal(e.commandId, String(counter), `${e.event}`);
        } else {
          assert.equal(e.commandId, stack.pop(), `${e.event}`);
        }
      }
      assert.equal(stack.length, 0);
      assert.ok(counter >= 10, 'the run continued the numbering of the load simulation');
      assert.equal((await call('DELETE', `/sessions/${sid}`)).status, 200);
    } finally {
      await call('DELETE', `/protocols/${id}`);
    }
  });
});

describe('errors in general (checks 37-38)', () => {
  test('37: wrong method', async () => {
    const v2 = await call('PUT', '/sessions');
    assert.equal(v2.status, 405);
    assert.equal(v2.text, '{"errors":[{"id":"BadRequest","title":"Bad Request","detail":"Method Not Allowed"}]}');
    const legacy = await call('POST', '/health');
    assert.equal(legacy.status, 405);
    assert.equal(legacy.text, '{"message":"Method Not Allowed"}');
  });

  test('38: validation errors name their source', async () => {
    const bodyErr = await call('POST', '/sessions', { json: { data: { sessionType: 'protocol' } } });
    assert.equal(bodyErr.status, 422);
    for (const e of body(bodyErr).errors as Obj[]) {
      assert.equal(e.id, 'InvalidRequest');
      assert.equal(e.title, 'Invalid Request');
      assert.match(String(obj(e.source).pointer), /^\/data\//);
    }
    const headerErr = await call('GET', '/sessions', { headers: {} });
    assert.equal(headerErr.status, 422);
    assert.deepEqual((body(headerErr).errors as Obj[])[0].source, { header: 'opentrons-version' });
    const queryErr = await call('GET', '/sessions?session_type=nope');
    assert.equal(queryErr.status, 422);
    assert.deepEqual((body(queryErr).errors as Obj[])[0].source, { parameter: 'session_type' });
  });
});

describe('protocol manager limits (checks 39-40)', () => {
  test('39: the same name twice is Resource Exists', async () => {
    assert.equal((await upload(A, 'runtime_error.py')).status, 201);
    try {
      const again = await upload(A, 'runtime_error.py');
      assert.equal(again.status, 403);
      assert.equal(
        again.text,
        JSON.stringify({
          errors: [
            {
              id: 'UncategorizedError',
              title: 'Resource Exists',
              detail: "A 'protocol' with id 'A protocol with id 'runtime_error' already exists' already exists",
            },
          ],
        }),
      );
      // 40: a different name while one is stored hits the limit of 1.
      const other = await upload(A, 'thermocycler.py');
      assert.equal(other.status, 403);
      assert.equal(
        other.text,
        '{"errors":[{"id":"UncategorizedError","title":"Action Forbidden","detail":"Upload limit of 1 has been reached."}]}',
      );
    } finally {
      await call('DELETE', '/protocols/runtime_error');
    }
  });
});

describe('notifications (checks 41-43)', () => {
  const ws = () => server.base.replace(/^http/, 'ws') + '/notifications/subscribe';

  test('41: several topics are accepted', async () => {
    // Accepted means the server keeps the socket open: our own close code comes back to us. A
    // refused subscription is closed by the server at once, and its 1008 is what we would read.
    const sub = await subscribe(`${ws()}?topic=a&topic=b&topic=c`);
    await sub.close(4000, 'check 41 done');
    assert.deepEqual(await sub.closed, { code: 4000, reason: 'check 41 done' });
  });

  test('42: no topic is refused', async () => {
    const sub = await subscribe(ws());
    assert.deepEqual(await sub.closed, { code: 1008, reason: 'At least one topic query parameter is required' });
  });

  test('43: a published event arrives as one TopicEvent text frame', async () => {
    const up = await upload(A, 'basic_transfer_standalone.py');
    const id = String(data(up).id);
    try {
      const created = await createSession(id);
      const sid = String(data(created).id);
      const sub = await subscribe(`${ws()}?topic=sessions/${sid}&since=0`);
      await sub.until('a first frame', (frames) => frames.length > 0);
      for (const raw of sub.raw) {
        const frame = JSON.parse(raw) as Obj;
        assert.deepEqual(Object.keys(frame), ['topic', 'event']);
        assert.equal(frame.topic, `sessions/${sid}`);
        const event = obj(frame.event);
        assert.deepEqual(Object.keys(event), ['createdOn', 'publisher', 'data']);
        assert.match(String(event.createdOn), TIMESTAMP);
        assert.equal(raw, JSON.stringify(frame));
      }
      await sub.close();
      await call('DELETE', `/sessions/${sid}`);
    } finally {
      await call('DELETE', `/protocols/${id}`);
    }
  });
});
