// `labwright serve` as an operator starts it: a real process on a loopback port, then the HTTP API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serveForTest } from '../e2e/served.ts';
import { jsonProtocolFixture } from '../helpers/original.ts';
import { eventually } from '../helpers/wait.ts';

const V2 = { 'Opentrons-Version': '2' };

async function upload(base: string, file: string): Promise<{ status: number; body: { data: { id: string } } }> {
  const form = new FormData();
  const name = file.split('/').pop() ?? 'protocol.json';
  form.append('protocolFile', new Blob([await readFile(file)]), name);
  const res = await fetch(`${base}/protocols`, { method: 'POST', headers: V2, body: form });
  return { status: res.status, body: (await res.json()) as { data: { id: string } } };
}

interface SettledDetails {
  currentState: string;
  errors?: Array<{ description: string }>;
}

async function sessionUntilSettled(base: string, protocolId: string): Promise<SettledDetails> {
  const created = await fetch(`${base}/sessions`, {
    method: 'POST',
    headers: { ...V2, 'Content-Type': 'application/json' },
    body: JSON.stringify({ data: { sessionType: 'protocol', createParams: { protocolId } } }),
  });
  assert.equal(created.status, 201);
  const id = ((await created.json()) as { data: { id: string } }).data.id;
  return eventually(
    `session ${id} to be loaded or in error`,
    async () => {
      const res = await fetch(`${base}/sessions/${id}`, { headers: V2 });
      return ((await res.json()) as { data: { details: SettledDetails } }).data.details;
    },
    (details) => ['loaded', 'error'].includes(details.currentState),
    { timeoutMs: 30_000, intervalMs: 100, show: (d) => `state ${d.currentState}` },
  );
}

test('serve: a virtual robot loads whatever the protocol needs', async () => {
  const server = await serveForTest();
  try {
    const up = await upload(server.base, jsonProtocolFixture('5/simpleV5.json'));
    assert.equal(up.status, 201);
    const details = await sessionUntilSettled(server.base, up.body.data.id);
    assert.equal(details.currentState, 'loaded');
    // The dashboard is served beside the API, without the version header a browser cannot send.
    const page = await fetch(`${server.base}/dashboard`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await page.text(), /<script type="module" src="\/dashboard\/app.js">/);
    const script = await fetch(`${server.base}/dashboard/app.js`);
    assert.equal(script.status, 200);
    assert.match(await script.text(), /from '\.\/api\.js'/);
    // Every request the dashboard makes goes through api.js, with the version header.
    const api = await fetch(`${server.base}/dashboard/api.js`);
    assert.equal(api.status, 200);
    assert.match(await api.text(), /'Opentrons-Version': '2'/);
    assert.equal((await fetch(`${server.base}/dashboard/nothing.js`)).status, 404);
  } finally {
    await server.stop();
  }
});

test('serve --right-pipette: a fixed robot refuses a protocol that needs another pipette', async () => {
  const server = await serveForTest({ serveArgs: ['--right-pipette', 'p300_single_gen2'] });
  try {
    const up = await upload(server.base, jsonProtocolFixture('5/simpleV5.json'));
    assert.equal(up.status, 201);
    const details = await sessionUntilSettled(server.base, up.body.data.id);
    assert.equal(details.currentState, 'error');
    assert.match(details.errors?.[0]?.description ?? '', /p10_single was requested on the left mount, but no pipette is attached/);
  } finally {
    await server.stop();
  }
});

test('serve warms a Python interpreter at start and logs when the first is ready', async () => {
  const server = await serveForTest();
  try {
    const line = await eventually(
      'the log line of the first warm interpreter',
      async () => server.output().split('\n').find((l) => l.includes('"msg":"Python interpreter ready"')) ?? null,
      (found) => found !== null,
      { timeoutMs: 120_000, intervalMs: 100 },
    );
    const logged = JSON.parse(line!) as { sinceStartMs: number };
    assert.ok(Number.isInteger(logged.sinceStartMs) && logged.sinceStartMs > 0);
  } finally {
    await server.stop();
  }
});
