// The first group of the original server's recorded exchanges (001-024): the seed's own example
// protocol uploaded with its support files, a session loaded, run and deleted, and the version
// header rules, replayed against a real Labwright server and compared as the other groups are
// (test/conformance/reference-exchanges.test.ts).
import path from 'node:path';
import { describe, test } from 'node:test';
import { exchanges, withServer } from '../conformance/exchanges.ts';
import { FIXTURES } from '../conformance/harness.ts';
import { replay } from '../conformance/replay.ts';
import { requireReference, SEED_EXAMPLE } from './shared.ts';

requireReference();

describe('(A) seed protocol flow and version headers, 001-024', () => {
  withServer('max', (server) => {
    test('replays like the original', { timeout: 120_000 }, async () => {
      await replay(server().base, exchanges('001', '024'), {
        // Taken while the run was under way; at full speed ours may already have finished.
        modes: { '015': { kind: 'snapshot', states: ['running', 'finished'] } },
        fileDirs: [SEED_EXAMPLE, path.join(FIXTURES, 'reference')],
      });
    });
  });
});
