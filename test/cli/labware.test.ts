// `labwright labware add|list|show|remove` and `analyze --data-dir`, as real processes on a
// temporary data folder (no server running).
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { cliRunner } from '../helpers/cli.ts';
import { repoRoot } from '../helpers/paths.ts';

const RACK = join(repoRoot, 'test/fixtures/labware/ourlab_6_tuberack_50ml.json');
const PROTOCOL = join(repoRoot, 'test/fixtures/protocols/library_tuberack.py');

// The cache folder of analyze is a temporary one, shared by the tests of this file.
const { labwright } = await cliRunner();

test('labware add, list, show and remove work on the data folder', { timeout: 120_000 }, async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'labwright-cli-labware-'));
  t.after(() => rm(dir, { recursive: true, force: true }));

  const added = await labwright('labware', 'add', RACK, '--data-dir', dir);
  assert.equal(added.code, 0, added.stderr);
  assert.equal(added.stdout, 'added: ourlab/ourlab_6_tuberack_50ml/1 (Our Lab 6 Tube Rack 50 mL)\n');
  const again = await labwright('labware', 'add', RACK, '--data-dir', dir);
  assert.equal(again.code, 0);
  assert.match(again.stdout, /^already there \(same content\): ourlab\/ourlab_6_tuberack_50ml\/1/);

  const listed = await labwright('labware', 'list', '--json', '--data-dir', dir);
  assert.equal(listed.code, 0);
  const items = JSON.parse(listed.stdout) as { uri: string; displayName: string }[];
  assert.deepEqual(items.map((i) => [i.uri, i.displayName]), [['ourlab/ourlab_6_tuberack_50ml/1', 'Our Lab 6 Tube Rack 50 mL']]);

  const shown = await labwright('labware', 'show', 'ourlab/ourlab_6_tuberack_50ml/1', '--data-dir', dir);
  assert.equal(shown.code, 0);
  assert.equal((JSON.parse(shown.stdout) as { parameters: { loadName: string } }).parameters.loadName, 'ourlab_6_tuberack_50ml');

  // A refused definition names the file and field, exits 1 and adds nothing (not even the good one).
  const bad = join(dir, 'bad.json');
  const good = join(dir, 'good.json');
  const def = JSON.parse(shown.stdout) as Record<string, unknown>;
  await writeFile(good, JSON.stringify({ ...def, parameters: { ...(def.parameters as object), loadName: 'ourlab_other' } }));
  await writeFile(bad, JSON.stringify({ ...def, namespace: 'opentrons' }));
  const refused = await labwright('labware', 'add', good, bad, '--data-dir', dir);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /bad\.json: \/namespace the 'opentrons' namespace is reserved/);
  assert.match(refused.stderr, /nothing was added/);
  const conflict = await labwright('labware', 'add', join(dir, 'changed.json'), '--data-dir', dir);
  assert.equal(conflict.code, 2, 'an unreadable file is a usage error');
  await writeFile(join(dir, 'changed.json'), JSON.stringify({ ...def, metadata: { ...(def.metadata as object), displayName: 'Changed' } }));
  const changed = await labwright('labware', 'add', join(dir, 'changed.json'), '--data-dir', dir);
  assert.equal(changed.code, 1);
  assert.match(changed.stderr, /already in the library with different content/);
  assert.equal((JSON.parse((await labwright('labware', 'list', '--json', '--data-dir', dir)).stdout) as unknown[]).length, 1);

  const removed = await labwright('labware', 'remove', 'ourlab/ourlab_6_tuberack_50ml/1', '--data-dir', dir);
  assert.equal(removed.code, 0);
  assert.equal(removed.stdout, 'removed: ourlab/ourlab_6_tuberack_50ml/1\n');
  const missing = await labwright('labware', 'remove', 'ourlab/ourlab_6_tuberack_50ml/1', '--data-dir', dir);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /'ourlab\/ourlab_6_tuberack_50ml\/1' was not found/);
  assert.equal((await labwright('labware', 'list', '--data-dir', dir)).stdout, 'the labware library is empty\n');
});

test('analyze --data-dir finds labware in the library and says where it came from', { timeout: 180_000 }, async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'labwright-cli-analyze-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const without = await labwright('analyze', PROTOCOL, '--json', '--data-dir', dir);
  assert.equal(without.code, 1);
  assert.match(JSON.stringify(JSON.parse(without.stdout).errors), /ourlab_6_tuberack_50ml/);

  assert.equal((await labwright('labware', 'add', RACK, '--data-dir', dir)).code, 0);
  const withLibrary = await labwright('analyze', PROTOCOL, '--json', '--data-dir', dir);
  assert.equal(withLibrary.code, 0, withLibrary.stdout + withLibrary.stderr);
  const doc = JSON.parse(withLibrary.stdout) as { customLabware: unknown; requiredEquipment: { labware: { uri: string }[] } };
  assert.deepEqual(doc.customLabware, [{ uri: 'ourlab/ourlab_6_tuberack_50ml/1', source: 'library' }]);
  assert.ok(doc.requiredEquipment.labware.some((l) => l.uri === 'ourlab/ourlab_6_tuberack_50ml/1'));

  const text = await labwright('analyze', PROTOCOL, '--data-dir', dir);
  assert.match(text.stdout, /slot 2: ourlab_6_tuberack_50ml \(ourlab\/ourlab_6_tuberack_50ml\/1\), from the labware library/);
  // Without --data-dir the library is not consulted.
  assert.equal((await labwright('analyze', PROTOCOL, '--json')).code, 1);
});
