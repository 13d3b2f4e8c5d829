// Every bad request gets the original's status and body (never a 500), and refused uploads leave
// the stored protocols exactly as they were.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { originalBody } from '../helpers/original.ts';
import {
  call, command, createSession, form, inState, rawMultipart, SIMPLE_V5, startApp, startServer, uploadFile, waitFor,
  type Envelope, type ErrorReplyBody, type InProcessServer, type SessionData,
} from './helpers.ts';

const NO_HEADER = { 'Opentrons-Version': '' };
const invalid = (detail: string, source: Record<string, string>) => ({ id: 'InvalidRequest', title: 'Invalid Request', detail, source });
const forbidden = (detail: string) => `{"errors":[{"id":"UncategorizedError","title":"Action Forbidden","detail":"${detail}"}]}`;

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(path.relative(dir, path.join(entry.parentPath, entry.name)));
  }
  return out.sort();
}

// Route behaviour: answered in-process; only the upload over the size limit goes through a socket.
const LIMITS = { uploadLimitBytes: 64 * 1024, jsonBodyLimitBytes: 16 * 1024 };
let server: InProcessServer;
before(async () => {
  server = await startApp({ speed: 4, maxProtocols: 3, ...LIMITS });
  assert.equal((await uploadFile(server.app, SIMPLE_V5)).status, 201);
});
after(async () => server?.close());

describe('the Opentrons-Version header', () => {
  test('missing: 422 with the header as source, and the version headers in the reply', async () => {
    const res = await call(server.app, 'GET', '/protocols', { withoutVersion: true });
    assert.equal(res.status, 422);
    assert.equal(res.text, originalBody('001'));
    assert.equal(res.headers.get('opentrons-version'), '2');
    assert.equal(res.headers.get('opentrons-min-version'), '2');
  });

  test('outdated: 400 OutdatedAPIVersion, also on the legacy /health', async () => {
    for (const url of ['/protocols', '/health']) {
      const res = await call(server.app, 'GET', url, { headers: { 'Opentrons-Version': '1' } });
      assert.equal(res.status, 400);
      assert.equal(res.text, originalBody('002'));
    }
  });

  test('newer and * are accepted as 2', async () => {
    for (const v of ['1337', '*', ' 2 ']) {
      const res = await call(server.app, 'GET', '/health', { headers: { 'Opentrons-Version': v } });
      assert.equal(res.status, 200, v);
      assert.equal(res.headers.get('opentrons-version'), '2');
    }
  });

  test('malformed: both union failures; /health answers in its legacy {message} form', async () => {
    const res = await call<ErrorReplyBody>(server.app, 'GET', '/sessions', { headers: { 'Opentrons-Version': '2.5' } });
    assert.equal(res.status, 422);
    assert.deepEqual(res.body.errors, [
      invalid('value is not a valid integer', { header: 'opentrons-version' }),
      invalid("unexpected value; permitted: '*'", { header: 'opentrons-version' }),
    ]);
    const health = await call(server.app, 'GET', '/health', { withoutVersion: true });
    assert.equal(health.status, 422);
    assert.deepEqual(health.body, { message: 'header.opentrons-version: field required' });
  });

  test('a missing header is reported in the same list as the body problems', async () => {
    const res = await call<ErrorReplyBody>(server.app, 'POST', '/sessions', {
      withoutVersion: true,
      headers: { 'content-type': 'application/json' },
      raw: '{"data":{"sessionType":"protocol"}}',
    });
    const body = res.body;
    assert.equal(res.status, 422);
    assert.deepEqual(body.errors[0], invalid('field required', { header: 'opentrons-version' }));
    assert.equal(body.errors.length, 10);
  });
});

describe('bodies', () => {
  test('a session body missing createParams: the original list, byte for byte', async () => {
    const res = await call(server.app, 'POST', '/sessions', { json: { data: { sessionType: 'protocol' } } });
    assert.equal(res.status, 422);
    assert.equal(res.text, originalBody('052'));
  });

  test('an unknown command and a command no body shape accepts: 422 with every alternative', async () => {
    const s = await createSession(server.app, 'simpleV5');
    for (const name of ['protocol.fly', 'robot.homeAllMotors']) {
      const res = await command(server.app, s.id, name);
      assert.equal(res.status, 422);
      // The recorded body is elided; its full length and its first entry are known.
      assert.equal(res.text.length, 4076);
      assert.match((res.body as ErrorReplyBody).errors[0].detail, /^unexpected value; permitted: <ProtocolCommand.start_run: 'protocol.startRun'>, /);
    }
    await call(server.app, 'DELETE', `/sessions/${s.id}`);
  });

  test('not JSON, empty, not an object, missing data: 422, never 500', async () => {
    const cases: [string | undefined, string][] = [
      ['{bad', 'Expecting property name enclosed in double quotes: line 1 column 2 (char 1)'],
      ['[1,2', 'Expecting value: line 1 column 5 (char 4)'],
      [undefined, 'field required'],
      ['"text"', 'value is not a valid dict'],
      ['{}', 'field required'],
      ['{"data":5}', 'value is not a valid dict'],
    ];
    for (const [raw, detail] of cases) {
      const res = await call<ErrorReplyBody>(server.app, 'POST', '/sessions', { raw, headers: { 'content-type': 'application/json' } });
      assert.equal(res.status, 422, `${raw}: ${res.text}`);
      assert.equal(res.body.errors[0].detail, detail, String(raw));
      assert.equal(res.body.errors[0].id, 'InvalidRequest');
    }
    const text = await call(server.app, 'POST', '/sessions', { raw: 'hello', headers: { 'content-type': 'text/plain' } });
    assert.equal(text.status, 422);
  });

  test('a command without its inner data: 422', async () => {
    const s = await createSession(server.app, 'simpleV5');
    const res = await call<ErrorReplyBody>(server.app, 'POST', `/sessions/${s.id}/commands/execute`, { json: { data: { command: 'protocol.pause' } } });
    assert.equal(res.status, 422);
    assert.deepEqual(res.body.errors[0], invalid('field required', { pointer: '/data/data' }));
    await call(server.app, 'DELETE', `/sessions/${s.id}`);
  });

  test('an upload without protocolFile, and a PATCH without file', async () => {
    const res = await call(server.app, 'POST', '/protocols', { raw: form([{ field: 'supportFiles', name: 'helpers.py', data: 'x = 1\n' }]) });
    assert.equal(res.status, 422);
    assert.equal(res.text, originalBody('050'));
    const notMultipart = await call(server.app, 'POST', '/protocols', { json: { protocolFile: 'x' } });
    assert.equal(notMultipart.status, 422);
    assert.equal(notMultipart.text, originalBody('050'));
    const patch = await call<ErrorReplyBody>(server.app, 'PATCH', '/protocols/simpleV5', { raw: form([{ field: 'other', name: 'a.txt', data: 'a' }]) });
    assert.equal(patch.status, 422);
    assert.deepEqual(patch.body.errors, [invalid('field required', { pointer: '/file' })]);
  });

  test('a text field where a file belongs: 422', async () => {
    const res = await call<ErrorReplyBody>(server.app, 'POST', '/protocols', rawMultipart([{ field: 'protocolFile', data: 'not a file' }]));
    assert.equal(res.status, 422);
    assert.deepEqual(res.body.errors, [invalid("Expected UploadFile, received: <class 'str'>", { pointer: '/protocolFile' })]);
  });
});

describe('file names with a path are refused and nothing is written', () => {
  for (const name of ['../x.py', '/etc/x', 'a/b.py', '..\\evil.py', '..']) {
    test(`${JSON.stringify(name)} as a support file and as the protocol file`, async () => {
      const before = await filesUnder(server.dataDir);
      const protocolsBefore = (await call(server.app, 'GET', '/protocols')).text;
      const support = await call<ErrorReplyBody>(
        server.app,
        'POST',
        '/protocols',
        rawMultipart([
          { field: 'protocolFile', filename: 'fine.py', data: 'metadata = {"apiLevel": "2.6"}\ndef run(ctx): pass\n' },
          { field: 'supportFiles', filename: 'ok.csv', data: 'a' },
          { field: 'supportFiles', filename: name, data: 'evil' },
        ]),
      );
      assert.equal(support.status, 422, support.text);
      assert.equal(support.body.errors[0].id, 'InvalidRequest');
      assert.deepEqual(support.body.errors[0].source, { pointer: '/supportFiles/1' });
      assert.match(support.body.errors[0].detail, /plain file name/);
      const main = await call<ErrorReplyBody>(server.app, 'POST', '/protocols', rawMultipart([{ field: 'protocolFile', filename: name, data: '{}' }]));
      assert.equal(main.status, 422, main.text);
      assert.deepEqual(main.body.errors[0].source, { pointer: '/protocolFile' });
      const patch = await call(server.app, 'PATCH', '/protocols/simpleV5', rawMultipart([{ field: 'file', filename: name, data: 'evil' }]));
      assert.equal(patch.status, 422);
      assert.deepEqual(await filesUnder(server.dataDir), before);
      assert.equal((await call(server.app, 'GET', '/protocols')).text, protocolsBefore);
    });
  }
});

describe('protocol limits', () => {
  test('a duplicate id: 403 Resource Exists with the original doubled message', async () => {
    const res = await uploadFile(server.app, SIMPLE_V5, 'simpleV5.py');
    assert.equal(res.status, 403);
    assert.equal(res.text, forbidden("A 'protocol' with id 'A protocol with id 'simpleV5' already exists' already exists").replace('Action Forbidden', 'Resource Exists'));
  });

  test('the upload limit: 403 once the store is full', async () => {
    const small = await startApp({ maxProtocols: 1 });
    try {
      assert.equal((await uploadFile(small.app, SIMPLE_V5)).status, 201);
      const res = await uploadFile(small.app, SIMPLE_V5, 'other.json');
      assert.equal(res.status, 403);
      assert.equal(res.text, originalBody('006'));
    } finally {
      await small.close();
    }
  });

  test('a file over the size limit: 413 in the error format; stored protocols intact', async () => {
    // An upload of real size, through a real socket.
    const sized = await startServer({ ...LIMITS, maxProtocols: 3 });
    assert.equal((await uploadFile(sized.base, SIMPLE_V5)).status, 201);
    const before = (await call(sized.base, 'GET', '/protocols')).text;
    const big = 'x'.repeat(100 * 1024);
    const res = await call<ErrorReplyBody>(sized.base, 'POST', '/protocols', {
      raw: form([
        { field: 'protocolFile', name: 'big.py', data: 'def run(ctx): pass\n' },
        { field: 'supportFiles', name: 'big.csv', data: big },
      ]),
    });
    assert.equal(res.status, 413);
    assert.deepEqual(res.body.errors.map((e) => [e.id, e.title]), [['BadRequest', 'Bad Request']]);
    assert.match(res.body.errors[0].detail, /65536 bytes/);
    const patch = await call(sized.base, 'PATCH', '/protocols/simpleV5', { raw: form([{ field: 'file', name: 'big.csv', data: big }]) });
    assert.equal(patch.status, 413);
    assert.equal((await call(sized.base, 'GET', '/protocols')).text, before);
    const json = await call<ErrorReplyBody>(sized.base, 'POST', '/sessions', { raw: JSON.stringify({ pad: big }), headers: { 'content-type': 'application/json' } });
    assert.equal(json.status, 413);
    assert.equal(json.body.errors[0].id, 'BadRequest');
    await sized.close();
  });
});

describe('unknown resources and routes', () => {
  test('unknown protocol and session ids: 404 with the original bodies', async () => {
    assert.equal((await call(server.app, 'GET', '/protocols/nope')).text, originalBody('054'));
    assert.equal((await call(server.app, 'DELETE', '/protocols/nope')).text, originalBody('054'));
    const patch = await call(server.app, 'PATCH', '/protocols/nope', { raw: form([{ field: 'file', name: 'a.txt', data: 'a' }]) });
    assert.equal(patch.status, 404);
    assert.equal(patch.text, originalBody('054'));
    const create = await call(server.app, 'POST', '/sessions', { json: { data: { sessionType: 'protocol', createParams: { protocolId: 'nope' } } } });
    assert.equal(create.status, 404);
    assert.equal(create.text, originalBody('051'));
    for (const [method, url] of [['GET', '/sessions/nope'], ['DELETE', '/sessions/nope']]) {
      const res = await call(server.app, method, url);
      assert.equal(res.status, 404);
      assert.equal(res.text, originalBody('053'));
    }
    const exec = await command(server.app, 'nope', 'protocol.pause');
    assert.equal(exec.status, 404);
    assert.equal(exec.text, originalBody('053'));
  });

  test('an unknown route is 404 and a wrong method 405, in the error format', async () => {
    const missing = await call(server.app, 'GET', '/nowhere');
    assert.equal(missing.text, '{"errors":[{"id":"BadRequest","title":"Bad Request","detail":"Not Found"}]}');
    assert.equal(missing.status, 404);
    const wrong = await call(server.app, 'PUT', '/sessions/abc');
    assert.equal(wrong.status, 405);
    assert.equal(wrong.text, '{"errors":[{"id":"BadRequest","title":"Bad Request","detail":"Method Not Allowed"}]}');
    const legacy = await call(server.app, 'POST', '/health');
    assert.equal(legacy.status, 405);
    assert.equal(legacy.text, '{"message":"Method Not Allowed"}');
  });

  test('a bad session_type filter: 422 with the parameter as source', async () => {
    const res = await call<ErrorReplyBody>(server.app, 'GET', '/sessions?session_type=bogus');
    assert.equal(res.status, 422);
    assert.deepEqual(res.body.errors[0].source, { parameter: 'session_type' });
  });
});

describe('commands refused by the state machine', () => {
  const ALL = ['protocol.startRun', 'protocol.startSimulate', 'protocol.pause', 'protocol.resume', 'protocol.cancel'];
  const LABEL: Record<string, string> = {
    'protocol.startRun': 'ProtocolCommand.start_run',
    'protocol.startSimulate': 'ProtocolCommand.start_simulate',
    'protocol.pause': 'ProtocolCommand.pause',
    'protocol.resume': 'ProtocolCommand.resume',
    'protocol.cancel': 'ProtocolCommand.cancel',
  };

  async function refusedIn(id: string, state: string, commands: string[]): Promise<void> {
    for (const name of commands) {
      const res = await command(server.app, id, name);
      assert.equal(res.status, 403, `${name} in ${state}: ${res.text}`);
      assert.equal(res.text, forbidden(`Can't execute '${LABEL[name]}' during state '${state}'`));
    }
  }

  test('loaded, running, paused, finished, stopped, error', async () => {
    const s = await createSession(server.app, 'simpleV5');
    await waitFor(server.app, s.id, inState('loaded'));
    await refusedIn(s.id, 'loaded', ['protocol.pause', 'protocol.resume', 'protocol.cancel']);
    assert.equal(
      (await call(server.app, 'POST', `/sessions/${s.id}/commands/execute`, { json: { data: { command: 'calibration.jog', data: { vector: [1, 0, 0] } } } })).text,
      forbidden("Can't execute 'CalibrationCommand.jog' during state 'loaded'"),
    );
    assert.equal((await command(server.app, s.id, 'protocol.startRun')).status, 200);
    await refusedIn(s.id, 'running', ['protocol.startRun', 'protocol.startSimulate', 'protocol.resume']);
    assert.equal((await command(server.app, s.id, 'protocol.pause')).status, 200);
    await refusedIn(s.id, 'paused', ['protocol.startRun', 'protocol.startSimulate', 'protocol.pause']);
    assert.equal((await command(server.app, s.id, 'protocol.cancel')).status, 200);
    await refusedIn(s.id, 'stopped', ALL);
    await call(server.app, 'DELETE', `/sessions/${s.id}`);

    const fast = await startApp({ speed: 'max' });
    try {
      await uploadFile(fast.app, SIMPLE_V5);
      const f = await createSession(fast.app, 'simpleV5');
      await waitFor(fast.app, f.id, inState('loaded'));
      assert.equal((await command(fast.app, f.id, 'protocol.startRun')).status, 200);
      await waitFor(fast.app, f.id, inState('finished'));
      for (const name of ['protocol.pause', 'protocol.resume', 'protocol.cancel']) {
        const res = await command(fast.app, f.id, name);
        assert.equal(res.text, forbidden(`Can't execute '${LABEL[name]}' during state 'finished'`));
      }
      // finished → startSimulate → loaded again.
      assert.equal((await command(fast.app, f.id, 'protocol.startSimulate')).status, 200);
      await waitFor(fast.app, f.id, inState('loaded'));
    } finally {
      await fast.close();
    }

    const broken = await call(server.app, 'POST', '/protocols', { raw: form([{ field: 'protocolFile', name: 'broken.json', data: '{' }]) });
    assert.equal(broken.status, 201);
    const e = await createSession(server.app, 'broken');
    const failed = await waitFor(server.app, e.id, inState('error', 'loaded'));
    assert.equal(failed.details.currentState, 'error');
    assert.equal(failed.details.errors?.[0].type, 'JSONDecodeError');
    await refusedIn(e.id, 'error', ALL);
    await call(server.app, 'DELETE', `/sessions/${e.id}`);
    await call(server.app, 'DELETE', '/protocols/broken');
  });

  test('only the active (latest) session executes commands', async () => {
    const older = await createSession(server.app, 'simpleV5');
    const newer = await createSession(server.app, 'simpleV5');
    await waitFor(server.app, older.id, inState('loaded'));
    const res = await command(server.app, older.id, 'protocol.startRun');
    assert.equal(res.status, 403);
    assert.equal(res.text, forbidden(`Session '${older.id}' is not active. Only the active session can execute commands`));
    await call(server.app, 'DELETE', `/sessions/${newer.id}`);
    // Deleting the active session leaves none active.
    assert.equal((await command(server.app, older.id, 'protocol.startRun')).status, 403);
    await call(server.app, 'DELETE', `/sessions/${older.id}`);
  });
});

test('a fixed robot refuses a protocol that needs other pipettes', async () => {
  const robot = await startApp({ robot: { pipettes: { right: 'p300_single_gen2' } } });
  try {
    await uploadFile(robot.app, SIMPLE_V5);
    const s = await createSession(robot.app, 'simpleV5');
    const failed = await waitFor(robot.app, s.id, inState('error', 'loaded'));
    assert.equal(failed.details.currentState, 'error');
    assert.deepEqual(failed.details.errors, [
      { type: 'RuntimeError', description: 'Instrument p10_single was requested on the left mount, but no pipette is attached' },
    ]);
  } finally {
    await robot.close();
  }
});

test('the data folder holds the protocol flat in its own folder', async () => {
  const files = await filesUnder(path.join(server.dataDir, 'protocols'));
  const simple = files.filter((f) => f.endsWith('simpleV5.json'));
  assert.equal(simple.length, 1);
  assert.equal(simple[0].split(path.sep).length, 2);
  assert.equal(await readFile(path.join(server.dataDir, 'protocols', simple[0]), 'utf8'), await readFile(SIMPLE_V5, 'utf8'));
});

void ({} as Envelope<SessionData>);
