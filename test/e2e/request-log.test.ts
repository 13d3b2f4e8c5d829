// The server logs one JSON line per request on stdout (written asynchronously, in batches): each
// request appears exactly once, soon after it is answered, and nothing is lost on a normal stop.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { freePort, startServerProcess } from './process.ts';

const V2 = { 'Opentrons-Version': '2' };

interface RequestLine {
  msg: string;
  method: string;
  url: string;
  statusCode: number;
  responseTimeMs: number;
}

function requestLines(output: string, token: string): RequestLine[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{') && line.includes(token))
    .map((line) => JSON.parse(line) as RequestLine)
    .filter((line) => line.msg === 'request');
}

test('one JSON log line per request, flushed while running and complete after a stop', async () => {
  const work = await mkdtemp(path.join(tmpdir(), 'labwright-log-'));
  const server = await startServerProcess({ port: await freePort(), dataDir: path.join(work, 'data'), speed: 'max' });
  try {
    const token = randomUUID();
    const urls = [`/health?t=${token}`, `/sessions?t=${token}`, `/nowhere?t=${token}`];
    const statuses = [];
    for (const url of urls) statuses.push((await fetch(server.base + url, { headers: V2 })).status);
    assert.deepEqual(statuses, [200, 200, 404]);

    // Written in batches, but not held back while the server is idle.
    const deadline = Date.now() + 10_000;
    while (requestLines(server.output(), token).length < urls.length) {
      assert.ok(Date.now() < deadline, `request lines did not appear:\n${server.output().slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 50));
    }

    // A burst, then a normal stop: every line is there, once.
    const burst = Array.from({ length: 200 }, (_, i) => `/health?t=${token}&i=${i}`);
    await Promise.all(burst.map(async (url) => (await fetch(server.base + url, { headers: V2 })).text()));
    await server.stop('SIGTERM');
    const lines = requestLines(server.output(), token);
    assert.deepEqual(
      lines.map((l) => l.url).sort(),
      [...urls, ...burst].sort(),
    );
    const first = lines.find((l) => l.url === urls[2]);
    assert.equal(first?.method, 'GET');
    assert.equal(first?.statusCode, 404);
    assert.equal(typeof first?.responseTimeMs, 'number');
  } finally {
    await server.stop('SIGKILL');
    await rm(work, { recursive: true, force: true });
  }
});
