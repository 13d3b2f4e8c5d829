// Every recorded exchange of the original 4.7.0 server (../shared/reference/original-server-
// responses.md), replayed in order against a real Labwright server and compared byte for byte
// after normalisation. Deliberate differences, and only those, are aligned:
// * the upload limit: these servers are started with maxProtocols 1, the original's default;
// * `slot` in required labware (ours only) is dropped after checking it equals `location`;
// * labware display names renamed since 4.7.0 are read with today's names;
// * pause and cancel really stop a run here (the recording's simulator kept going), so where that
//   changes the events list only its start, its session-command events and, when the run went on
//   to finish, its counts and last events are compared, and a paused or stopped session must not
//   gain events.
import { after, before, describe, test } from 'node:test';
import type { TestServer } from './harness.ts';
import { startTestServer } from './harness.ts';
import { loadReference } from './reference.ts';
import type { RefEntry } from './reference.ts';
import { replay } from './replay.ts';

const all = loadReference();
const range = (from: string, to: string): RefEntry[] => all.filter((e) => e.num >= from && e.num <= to);

function withServer(speed: number | 'max', body: (server: () => TestServer) => void): void {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ speed, maxProtocols: 1 });
  });
  after(async () => {
    await server?.close();
  });
  body(() => server);
}

describe('(A) seed protocol flow and version headers, 001-024', () => {
  withServer('max', (server) => {
    test('replays like the original', async () => {
      await replay(server().base, range('001', '024'), {
        // Taken while the run was under way; at full speed ours may already have finished.
        modes: { '015': { kind: 'snapshot', states: ['running', 'finished'] } },
      });
    });
  });
});

describe('(A2) slow_transfer: second run, pause, resume, refused cancel, 025-040', () => {
  // A finite speed so the second run is still going when it is paused.
  withServer(20, (server) => {
    test('replays like the original, with a pause that holds', async () => {
      await replay(server().base, range('025', '040'), {
        // The recording paused the second run while it was (nominally) running.
        preconditions: { '031': 'running' },
        modes: {
          '032': { kind: 'stops', holds: true },
          '035': { kind: 'stops', completed: true },
          '037': { kind: 'stops', completed: true },
          '038': { kind: 'stops', completed: true },
          '039': { kind: 'stops', completed: true },
        },
      });
    });
  });
});

describe('(C) bad uploads, unknown resources, malformed requests, 041-054', () => {
  withServer('max', (server) => {
    test('replays like the original', async () => {
      await replay(server().base, range('041', '054'));
    });
  });
});

describe('(B) long protocol: running, pause, resume, cancel, 101-120', () => {
  withServer(20, (server) => {
    test('replays like the original, with pause and cancel that stop the run', async () => {
      await replay(server().base, range('101', '120'), {
        modes: {
          // Taken while the load simulation was still going.
          '103': { kind: 'snapshot', states: ['stopped', 'loaded'] },
          '106': { kind: 'stops' },
          '109': { kind: 'stops', holds: true },
          '110': { kind: 'stops', holds: true },
          '113': { kind: 'stops' },
          '115': { kind: 'stops', holds: true },
          '116': { kind: 'stops', holds: true },
          '117': { kind: 'stops', holds: true },
          '119': { kind: 'stops', holds: true },
        },
      });
    });
  });
});
