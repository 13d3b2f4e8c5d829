// `labwright analyze --rtp name=value`: runtime-parameter values in place of the defaults, the
// parameters in the --json document, a refused value reported as the analysis error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { cliRunner } from '../helpers/cli.ts';
import { repoRoot } from '../helpers/paths.ts';

const { labwright } = await cliRunner();
const EXAMPLE = join(repoRoot, 'examples', 'sample_normalisation', 'sample_normalisation.py');

type Parameter = { variableName: string; value: unknown; default: unknown };

test('analyze --json lists the parameters with their defaults', async () => {
  const res = await labwright('analyze', EXAMPLE, '--json');
  assert.equal(res.code, 0, res.stderr);
  const doc = JSON.parse(res.stdout) as { runTimeParameters: Parameter[]; runLog: string[] };
  assert.deepEqual(doc.runTimeParameters.map((p) => [p.variableName, p.value, p.default]), [
    ['sample_count', 2, 2],
    ['dry_run', false, false],
    ['plate_type', 'corning_96_wellplate_360ul_flat', 'corning_96_wellplate_360ul_flat'],
  ]);
  assert.equal(doc.runLog[0], 'Normalising 2 samples');
});

test('--rtp gives values (numbers, booleans, text), used by the analysis', async () => {
  const res = await labwright('analyze', EXAMPLE, '--json', '--rtp', 'sample_count=3', '--rtp', 'dry_run=true', '--rtp', 'plate_type=nest_96_wellplate_100ul_pcr_full_skirt');
  assert.equal(res.code, 0, res.stderr);
  const doc = JSON.parse(res.stdout) as { runTimeParameters: Parameter[]; runLog: string[] };
  assert.deepEqual(doc.runTimeParameters.map((p) => [p.variableName, p.value, p.default]), [
    ['sample_count', 3, 2],
    ['dry_run', true, false],
    ['plate_type', 'nest_96_wellplate_100ul_pcr_full_skirt', 'corning_96_wellplate_360ul_flat'],
  ]);
  assert.equal(doc.runLog[0], 'Normalising 3 samples');
  assert.equal(doc.runLog.filter((line) => line === 'Returning tip').length, 3);

  const text = await labwright('analyze', EXAMPLE, '--rtp', 'sample_count=3');
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /Runtime parameters:\n {2}sample_count = 3 \(default 2\)\n {2}dry_run = false\n/);
});

test('a value the protocol refuses is the analysis error (exit 1); a malformed --rtp is a usage error (exit 2)', async () => {
  const refused = await labwright('analyze', EXAMPLE, '--json', '--rtp', 'sample_count=30');
  assert.equal(refused.code, 1);
  const doc = JSON.parse(refused.stdout) as { errors: { type: string; description: string }[] };
  assert.deepEqual(doc.errors, [{ type: 'ParameterValueError', description: 'Parameter must be between 1 and 24 inclusive.' }]);
  const malformed = await labwright('analyze', EXAMPLE, '--rtp', 'sample_count');
  assert.equal(malformed.code, 2);
  assert.match(malformed.stderr, /--rtp <name=value>' argument 'sample_count' is invalid\. must be name=value/);
});
