// The recorded exchanges of the original 4.7.0 server (test/fixtures/original/http-exchanges.json),
// replayed in order against a real Labwright server and compared byte for byte after
// normalisation. The first group (001-024) uploads the seed's own example protocol and runs under
// `npm run test:reference` (test/reference/seed-exchanges.test.ts); the rest are here. Deliberate
// differences, and only those, are aligned:
// * the upload limit: these servers are started with maxProtocols 1, the original's default;
// * `slot` in required labware (ours only) is dropped after checking it equals `location`;
// * labware display names renamed since 4.7.0 are read with today's names;
// * pause and cancel really stop a run here (the recording's simulator kept going), so where that
//   changes the events list only its start, its session-command events and, when the run went on
//   to finish, its counts and last events are compared, and a paused or stopped session must not
//   gain events.
import path from 'node:path';
import { describe, test } from 'node:test';
import { FIXTURES } from './harness.ts';
import { exchanges, withServer } from './exchanges.ts';
import { replay } from './replay.ts';

describe('(A2) slow_transfer: second run, pause, resume, refused cancel, 025-040', () => {
  // A finite speed so the second run is still going when it is paused.
  withServer(20, (server) => {
    test('replays like the original, with a pause that holds', async () => {
      await replay(server().base, exchanges('025', '040'), {
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
      // 050 sends a support file alone: any will do, Appendix A's own is taken.
      await replay(server().base, exchanges('041', '054'), { fileDirs: [path.join(FIXTURES, 'reference'), path.join(FIXTURES, 'appendix-a')] });
    });
  });
});

describe('(B) long protocol: running, pause, resume, cancel, 101-120', () => {
  withServer(20, (server) => {
    test('replays like the original, with pause and cancel that stop the run', async () => {
      await replay(server().base, exchanges('101', '120'), {
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
