// Each escape attempt must fail cleanly as an analysis error while the service keeps working.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, protocol, service } from './helpers.ts';
import type { PythonService } from '../../src/python/index.ts';

let svc: PythonService;
let limited: PythonService;
let small: PythonService;
before(() => {
  svc = service(undefined, 1);
  limited = service({ timeoutMs: 3000, memoryBytes: 512 * 1024 * 1024 }, 1);
  small = service({ timeoutMs: 60_000, memoryBytes: 300 * 1024 * 1024 }, 1);
});
after(async () => {
  await svc.close();
  await limited.close();
  await small.close();
});

/** Runs `attempt` inside run(); the protocol comments the outcome (exception and message). */
async function outcome(attempt: string): Promise<string> {
  const body = ['try:', ...attempt.split('\n').map((l) => `    ${l}`), "    result = 'SUCCEEDED'", 'except BaseException as e:', "    result = 'failed: ' + type(e).__name__ + ': ' + str(e)", 'ctx.comment(result.replace("{", "(").replace("}", ")"))'].join('\n');
  const a = await analyze(svc, protocol(body));
  assert.deepEqual(a.errors, [], attempt);
  return a.runLog[0].text;
}

test('host files are out of reach', async () => {
  assert.equal(await outcome("open('/etc/passwd').read()"), "failed: FileNotFoundError: [Errno 44] No such file or directory: '/etc/passwd'");
  const a = await analyze(svc, protocol("import os\nctx.comment(' '.join(sorted(os.listdir('/'))))"));
  const listed = a.runLog[0].text.split(' ');
  for (const hostDir of ['etc', 'usr', 'work', 'root', 'var', 'bin']) assert.ok(!listed.includes(hostDir), `/${hostDir} visible`);
});

test('no processes and no sockets', async () => {
  assert.equal(await outcome("import os\nos.system('id')"), 'failed: OSError: [Errno 138] processes are not available in the sandbox');
  assert.equal(await outcome("import subprocess\nsubprocess.run(['id'])"), 'failed: OSError: [Errno 138] emscripten does not support processes.');
  assert.equal(await outcome("import socket\ns = socket.socket()\ns.connect(('127.0.0.1', 80))"), 'failed: OSError: [Errno 23] Host is unreachable');
});

test('the JavaScript side is hidden', async () => {
  assert.match(await outcome('import js'), /^failed: ModuleNotFoundError: No module named 'js'/);
  assert.match(await outcome('import pyodide_js'), /^failed: ModuleNotFoundError: No module named 'pyodide_js'/);
  assert.match(await outcome('from pyodide.code import run_js'), /^failed: ModuleNotFoundError: No module named 'pyodide/);
});

test('reaching Function through the bridge gives a process that can do nothing', async () => {
  const escape = "from labwright_sandbox import bridge\nproc = bridge._function.constructor('return globalThis.process')()\n";
  // The escape itself works (documented): the child's own restrictions are the boundary.
  assert.equal(await outcome(`${escape}assert proc.pid > 0`), 'SUCCEEDED');
  const restricted = 'failed: JsException: Error: Access to this API has been restricted';
  assert.equal(await outcome(`${escape}proc.getBuiltinModule('fs').readFileSync('/etc/passwd')`), restricted);
  assert.equal(await outcome(`${escape}proc.getBuiltinModule('fs').writeFileSync('/tmp/labwright-escape', 'x')`), restricted);
  assert.equal(await outcome(`${escape}proc.getBuiltinModule('child_process').execSync('id')`), restricted);
  // Network: Node's permission model does not cover it, the namespace does (no route anywhere).
  const net = await analyze(
    svc,
    protocol(
      [
        "from labwright_sandbox import bridge",
        "proc = bridge._function.constructor('return globalThis.process')()",
        "net = proc.getBuiltinModule('net')",
        "sock = net.connect(80, '1.1.1.1')",
        // Handled, so its asynchronous failure cannot race the result.
        "sock.on('error', bridge._function.constructor('error', 'return error.code'))",
        "ctx.comment('connect called')",
      ].join('\n'),
    ),
  );
  // connect() only starts an attempt; nothing can be reached, because the namespace has no
  // interface up, which the sandbox's own view of the interfaces shows next.
  assert.deepEqual(net.errors, []);
  assert.deepEqual(net.runLog.map((e) => e.text), ['connect called']);
  const ifaces = await analyze(
    svc,
    protocol(
      [
        "from labwright_sandbox import bridge",
        "proc = bridge._function.constructor('return globalThis.process')()",
        "names = proc.getBuiltinModule('os').networkInterfaces()",
        "ctx.comment('interfaces: ' + str(len(names.object_keys())))",
      ].join('\n'),
    ),
  );
  assert.equal(ifaces.errors.length, 0);
  assert.equal(ifaces.runLog[0].text, 'interfaces: 0');
});

test('an endless loop and a memory bomb are stopped by the limits; other analyses keep running', async () => {
  const loop = limited.execute({ protocolFile: { name: 'loop.py', data: new TextEncoder().encode(protocol('while True:\n    pass')) }, supportFiles: [] }, { mode: 'analyze' });
  const meanwhile = await analyze(svc, protocol("ctx.comment('still here')"));
  assert.deepEqual(meanwhile.runLog.map((e) => e.text), ['still here']);
  const looped = await loop;
  assert.equal(looped.ok, false);
  assert.deepEqual(looped.errors, [{ type: 'TimeoutError', description: 'Protocol execution exceeded the time limit of 3 s' }]);
  assert.equal(looped.metadata.apiLevel, '2.11');

  const bomb = await analyze(small, protocol("hog = []\nwhile True:\n    hog.append('x' * 10**7)"));
  assert.equal(bomb.ok, false);
  assert.deepEqual(bomb.errors, [{ type: 'MemoryError', description: 'Protocol execution exceeded the memory limit of 300 MiB' }]);

  for (const survivor of [limited, small]) {
    const fine = await analyze(survivor, protocol("ctx.comment('fine')"));
    assert.deepEqual(fine.runLog.map((e) => e.text), ['fine']);
  }
});

test('claiming to wait (a forged step or sleep) does not buy compute time in a live run', async () => {
  // Escaped code tells the parent it sleeps for an hour, then computes: the CPU it burns while
  // "waiting" is counted, so the time limit still stops it.
  const source = protocol(
    [
      "from labwright_sandbox import bridge",
      "bridge._function.constructor(\"globalThis.process.getBuiltinModule('worker_threads').parentPort.postMessage({type: 'wait', seconds: 3600})\")()",
      'while True:',
      '    pass',
    ].join('\n'),
  );
  const a = await limited.execute(
    { protocolFile: { name: 'forged.py', data: new TextEncoder().encode(source) }, supportFiles: [] },
    { mode: 'run', step: async () => {} },
  );
  assert.deepEqual(a.errors, [{ type: 'TimeoutError', description: 'Protocol execution exceeded the time limit of 3 s' }]);
});
