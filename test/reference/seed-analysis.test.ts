// The seed's own example protocol (examples/basic_transfer of the reference material), analysed
// exactly as the original recorded it (reference/seed-basic_transfer.jsonl), with and without its
// support files.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { as470, service } from '../python/helpers.ts';
import { requireReference, SEED_EXAMPLE, SHARED } from './shared.ts';
import type { PythonService } from '../../src/python/index.ts';

let svc: PythonService;
before(() => {
  svc = service();
});
after(() => svc.close());

requireReference();
const dir = SEED_EXAMPLE;
const read = (name: string) => ({ name, data: new Uint8Array(fs.readFileSync(path.join(dir, name))) });

test('the seed example gives exactly the original equipment and run log', async () => {
  const reference = JSON.parse(fs.readFileSync(path.join(SHARED, 'reference/seed-basic_transfer.jsonl'), 'utf8').trim());
  const analysis = await svc.execute(
    { protocolFile: read('basic_transfer.py'), supportFiles: [read('helpers.py'), read('basic_transfer_config.json')] },
    { mode: 'analyze' },
  );
  assert.deepEqual(analysis.errors, []);
  assert.equal(analysis.ok, true);
  assert.deepEqual(analysis.metadata, reference.robot_server_analysis.metadata);
  assert.deepEqual(analysis.requiredEquipment, reference.equipment);
  assert.deepEqual(analysis.runLog.map((e) => as470(e.text)), reference.runlog);
  assert.deepEqual(analysis.runLog.map((e) => e.level), [0, 0, 0, 0]);
  // Beyond the original: the protocol line of each command (the `with` block for helper calls).
  assert.deepEqual(analysis.runLog.map((e) => e.line), [16, 18, 19, 16]);
});

test('without its support files the seed fails as the original does', async () => {
  const missingHelpers = await svc.execute({ protocolFile: read('basic_transfer.py'), supportFiles: [] }, { mode: 'analyze' });
  assert.deepEqual(missingHelpers.errors, [{ type: 'ModuleNotFoundError', description: "No module named 'helpers'" }]);
  assert.equal(missingHelpers.metadata.apiLevel, '2.6');
  assert.deepEqual(missingHelpers.requiredEquipment, { pipettes: [], labware: [], modules: [] });

  const missingConfig = await svc.execute(
    { protocolFile: read('basic_transfer.py'), supportFiles: [read('helpers.py')] },
    { mode: 'analyze' },
  );
  assert.deepEqual(missingConfig.errors, [
    {
      type: 'ExceptionInProtocolError',
      description: "[Errno 2] No such file or directory: 'basic_transfer_config.json'",
      lineNumber: 8,
    },
  ]);
});
