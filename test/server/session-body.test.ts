// Session bodies are rendered once per change and spliced from the events' kept JSON text: they
// must stay exactly what serialising the resource gives, follow every change, and be the same
// under gzip as without it.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { command, createSession, SIMPLE_V5, startServer, uploadFile, V2, waitFor, inState } from './helpers.ts';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  bytes: Buffer;
}

/** A GET with exactly these headers (fetch would add and undo its own Accept-Encoding). */
function rawGet(base: string, url: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(base + url, { headers: { ...V2, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const decoded = (r: Raw): string => (r.headers['content-encoding'] === 'gzip' ? gunzipSync(r.bytes) : r.bytes).toString('utf8');

test('a session body follows every change and is exactly the serialised resource', async () => {
  const server = await startServer({ speed: 20 });
  try {
    assert.equal((await uploadFile(server.base, SIMPLE_V5)).status, 201);
    const { id } = await createSession(server.base, 'simpleV5');
    await waitFor(server.base, id, inState('loaded'));
    assert.equal((await command(server.base, id, 'protocol.startRun')).status, 200);

    // Read while the run goes on: each read is current (never an older rendering), compact JSON
    // text as JSON.stringify writes it, and its events extend the previous read's.
    let previous: { currentState: string; events: unknown[] } | null = null;
    let reads = 0;
    const deadline = Date.now() + 60_000;
    for (;;) {
      assert.ok(Date.now() < deadline, `the reads never showed the run finishing: ${JSON.stringify(previous)?.slice(0, 200)}`);
      const text = decoded(await rawGet(server.base, `/sessions/${id}`, {}));
      const body = JSON.parse(text) as { data: { details: { currentState: string; events: unknown[] } } };
      assert.equal(text, JSON.stringify(body));
      const details = body.data.details;
      if (previous !== null) {
        assert.ok(details.events.length >= previous.events.length);
        assert.deepEqual(details.events.slice(0, previous.events.length), previous.events);
      }
      previous = details;
      reads += 1;
      if (details.currentState === 'finished') break;
      await new Promise((r) => setTimeout(r, 10));
    }
    assert.ok(reads > 2, `only ${reads} reads during the run`);

    // The list shows each session exactly as the single read does.
    const one = JSON.parse(decoded(await rawGet(server.base, `/sessions/${id}`, {}))) as { data: unknown };
    const list = JSON.parse(decoded(await rawGet(server.base, '/sessions', {}))) as { data: unknown[]; links: null };
    assert.deepEqual(list, { data: [one.data], links: null });
  } finally {
    await server.close();
  }
});

test('a large session body is gzipped for clients that accept it, and identical once decoded', async () => {
  const server = await startServer();
  try {
    assert.equal((await uploadFile(server.base, SIMPLE_V5)).status, 201);
    const { id } = await createSession(server.base, 'simpleV5');
    const loaded = await waitFor(server.base, id, inState('loaded'));
    // Re-simulations add the command's event and the whole run's steps each time (the state stays
    // `loaded` meanwhile), until the body is worth compressing.
    const perSimulation = loaded.details.events.length + 1;
    for (let count = loaded.details.events.length; ; ) {
      const plain = await rawGet(server.base, `/sessions/${id}`, {});
      if (plain.bytes.length >= 64 * 1024) break;
      assert.equal((await command(server.base, id, 'protocol.startSimulate')).status, 200);
      count += perSimulation;
      await waitFor(server.base, id, (s) => s.details.events.length >= count);
    }

    const plain = await rawGet(server.base, `/sessions/${id}`, {});
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.headers['content-type'], 'application/json');
    const gzip = await rawGet(server.base, `/sessions/${id}`, { 'accept-encoding': 'gzip, deflate' });
    assert.equal(gzip.status, 200);
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.equal(gzip.headers['content-type'], 'application/json');
    assert.match(String(gzip.headers.vary), /accept-encoding/i);
    // CORS's own Vary stays.
    const cors = await rawGet(server.base, `/sessions/${id}`, { 'accept-encoding': 'gzip', origin: 'http://example.test' });
    assert.match(String(cors.headers.vary), /origin/i);
    assert.match(String(cors.headers.vary), /accept-encoding/i);
    assert.ok(gzip.bytes.length * 5 < plain.bytes.length, `${gzip.bytes.length} gzipped bytes of ${plain.bytes.length}`);
    assert.equal(decoded(gzip), plain.bytes.toString('utf8'));

    // gzip refused with q=0: the identity encoding.
    const refused = await rawGet(server.base, `/sessions/${id}`, { 'accept-encoding': 'gzip;q=0, identity' });
    assert.equal(refused.headers['content-encoding'], undefined);
    assert.deepEqual(refused.bytes, plain.bytes);
  } finally {
    await server.close();
  }
});
