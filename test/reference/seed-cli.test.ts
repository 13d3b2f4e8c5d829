// `labwright analyze --json` on the seed's own example protocol and its support files gives the
// seed's equipment, in the HTTP API's shapes, and the recorded run log (with today's names).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { withTodaysNames } from '../helpers/original.ts';
import { cliRunner } from '../helpers/cli.ts';
import { requireReference, SEED_EXAMPLE, SHARED } from './shared.ts';

requireReference();

test('analyze --json on the seed example gives the seed equipment and run log', { timeout: 60_000 }, async () => {
  // With a temporary cache folder of its own, never the user's.
  const { labwright } = await cliRunner();
  const { code, stdout, stderr } = await labwright(
    'analyze',
    join(SEED_EXAMPLE, 'basic_transfer.py'),
    '--support', join(SEED_EXAMPLE, 'helpers.py'),
    '--support', join(SEED_EXAMPLE, 'basic_transfer_config.json'),
    '--json',
  );
  assert.equal(code, 0, stderr);
  const doc = JSON.parse(stdout) as { metadata: unknown; requiredEquipment: unknown; errors: unknown[]; runLog: string[] };
  const recorded = JSON.parse(readFileSync(join(SHARED, 'reference/seed-basic_transfer.jsonl'), 'utf8').trim()) as {
    equipment: unknown;
    runlog: string[];
    robot_server_analysis: { metadata: unknown };
  };
  assert.deepEqual(doc.metadata, recorded.robot_server_analysis.metadata);
  assert.deepEqual(doc.requiredEquipment, recorded.equipment);
  assert.deepEqual(doc.errors, []);
  assert.deepEqual(doc.runLog, recorded.runlog.map(withTodaysNames));
});
