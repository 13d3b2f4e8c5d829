import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, file, protocol, service } from './helpers.ts';
import type { PythonService } from '../../src/python/index.ts';

let svc: PythonService;
before(() => {
  svc = service(undefined, 1);
});
after(() => svc.close());

test('nothing one protocol imports, defines or writes is visible to the next', async () => {
  const polluter = protocol(
    [
      'import builtins, sys, opentrons.protocol_api as api',
      "builtins.LEFTOVER = 'yes'",
      "sys.modules['leftover_module'] = sys",
      "api.ProtocolContext.comment = lambda self, msg: None",
      "open('/tmp/leftover.txt', 'w').write('x')",
      "open('leftover_here.txt', 'w').write('x')",
    ].join('\n'),
  );
  const first = await analyze(svc, polluter, [file('shared_mod.py', 'VALUE = 1\n')]);
  assert.deepEqual(first.errors, []);
  const probe = protocol(
    [
      'import builtins, os, sys',
      "found = [hasattr(builtins, 'LEFTOVER'), 'leftover_module' in sys.modules, 'shared_mod' in sys.modules,",
      "         os.path.exists('/tmp/leftover.txt'), os.path.exists('leftover_here.txt')]",
      "ctx.comment('found: ' + repr(found))",
    ].join('\n'),
  );
  const second = await analyze(svc, probe);
  assert.deepEqual(second.errors, []);
  assert.deepEqual(second.runLog.map((e) => e.text), ['found: [False, False, False, False, False]']);
});
