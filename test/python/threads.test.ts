// Background threads in protocols (spec §12: a thread blinks the rail lights during a pause).
// The sandbox has no threads: a started thread runs when joined (semantics in
// docs/notes/python.md), so the usual pattern works in analysis and in a live run.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { bundle, service } from './helpers.ts';
import type { PythonService } from '../../src/python/index.ts';
import type { Analysis, RunLogEntry } from '../../src/common/index.ts';

let svc: PythonService;
before(() => {
  svc = service(undefined, 1);
});
after(() => svc.close());

const texts = (a: Analysis): string[] => a.runLog.map((e) => e.text);

async function liveRun(source: string, target: PythonService = svc): Promise<{ analysis: Analysis; steps: string[] }> {
  const steps: string[] = [];
  const step = async (entries: readonly RunLogEntry[]): Promise<void> => {
    steps.push(...entries.map((e) => e.text));
  };
  const analysis = await target.execute(bundle(source), { mode: 'run', step });
  return { analysis, steps };
}

// The pattern of the Protocol Library: a stop flag, a thread started before the pause (only on
// the robot), the flag cleared after it, then join().
const BLINK = `
import threading
from time import sleep
from opentrons import protocol_api
metadata = {'apiLevel': '2.11'}

class CancellationToken:
    def __init__(self):
        self.is_continued = False

def blink(hardware, token, seen):
    while token.is_continued:
        hardware.set_lights(rails=True)
        sleep(1)
        hardware.set_lights(rails=False)
        sleep(1)
    seen.append('blink ended')

def run(ctx):
    token = CancellationToken()
    seen = []
    thread = None
    if not ctx._hw_manager.hardware.is_simulator:
        token.is_continued = True
        thread = threading.Thread(target=blink, args=(ctx._hw_manager.hardware, token, seen))
        thread.start()
        ctx.comment('started: alive={} seen={}'.format(thread.is_alive(), seen))
    ctx.pause('Refill the reservoir')
    if thread is not None:
        token.is_continued = False
        thread.join()
        ctx.comment('joined: alive={} seen={}'.format(thread.is_alive(), seen))
    ctx.comment('done')
`;

test('blink thread: analysis skips it', async () => {
  const a = await svc.execute(bundle(BLINK), { mode: 'analyze' });
  assert.deepEqual(a.errors, []);
  assert.deepEqual(texts(a), ['Pausing robot operation: Refill the reservoir', 'done']);
});

test('blink thread: a live run starts it, pauses, and runs it to its end at join()', async () => {
  const { analysis, steps } = await liveRun(BLINK);
  assert.deepEqual(analysis.errors, []);
  const expected = [
    'started: alive=True seen=[]',
    'Pausing robot operation: Refill the reservoir',
    "joined: alive=False seen=['blink ended']",
    'done',
  ];
  assert.deepEqual(steps, expected);
  assert.deepEqual(texts(analysis), expected);
});

// The Opentrons cookbook's `flashing_rail_lights`: an Event as stop flag, waited on with a timeout.
const FLASHING = `
import contextlib
import threading
metadata = {'apiLevel': '2.11'}

@contextlib.contextmanager
def flashing_rail_lights(protocol, seconds_per_flash_cycle=1.0):
    original = protocol.rail_lights_on
    stop = threading.Event()

    def background_loop():
        while True:
            protocol.set_rail_lights(not protocol.rail_lights_on)
            if stop.wait(timeout=seconds_per_flash_cycle / 2):
                break

    thread = threading.Thread(target=background_loop, name='flashing')
    try:
        if not protocol.is_simulating():
            thread.start()
        yield
    finally:
        if not protocol.is_simulating():
            stop.set()
            thread.join()
        protocol.set_rail_lights(original)

def run(ctx):
    ctx.set_rail_lights(True)
    with flashing_rail_lights(ctx):
        ctx.pause('Condition met')
    ctx.comment('lights on: {}'.format(ctx.rail_lights_on))
`;

test('flashing_rail_lights context manager: analysis and live run end with the lights restored', async () => {
  const a = await svc.execute(bundle(FLASHING), { mode: 'analyze' });
  assert.deepEqual(a.errors, []);
  assert.deepEqual(texts(a), ['Pausing robot operation: Condition met', 'lights on: True']);
  const { analysis, steps } = await liveRun(FLASHING);
  assert.deepEqual(analysis.errors, []);
  assert.deepEqual(steps, ['Pausing robot operation: Condition met', 'lights on: True']);
});

test('threading semantics without concurrency: daemon, Timer, Lock, Queue, Event, errors in threads', async () => {
  const source = `
import threading, queue, time
metadata = {'apiLevel': '2.11'}

def run(ctx):
    c = ctx.comment
    ran = []
    daemon = threading.Thread(target=lambda: ran.append('daemon'), daemon=True)
    daemon.start()
    cancelled = threading.Timer(0.05, lambda: ran.append('cancelled'))
    cancelled.start()
    cancelled.cancel()
    cancelled.join()
    timer = threading.Timer(0.05, lambda: ran.append('timer'))
    timer.start()
    c('before join: {} {}'.format(ran, timer.is_alive()))
    timer.join()
    c('after join: {} {}'.format(ran, timer.is_alive()))
    c('daemon alive, never run: {}'.format(daemon.is_alive()))
    q = queue.Queue()
    producer = threading.Thread(target=lambda: [q.put(i) for i in range(3)])
    producer.start()
    c('queue: {}'.format([q.get() for _ in range(3)]))
    lock = threading.Lock()
    with lock:
        c('lock: {} {}'.format(lock.locked(), lock.acquire(blocking=False)))
    rlock = threading.RLock()
    with rlock:
        with rlock:
            c('rlock reentrant')
    failing = threading.Thread(target=lambda: 1 / 0)
    failing.start()
    failing.join()
    c('failing thread ended: {}'.format(failing.is_alive()))
    event = threading.Event()
    setter = threading.Thread(target=event.set)
    setter.start()
    c('event set by a started thread: {}'.format(event.wait()))
    event.clear()
    c('wait with timeout: {}'.format(event.wait(0.05)))
    try:
        event.wait()
    except RuntimeError as e:
        c('deadlock: ' + str(e).split(':')[0])
    try:
        threading.Thread(target=print).join()
    except RuntimeError as e:
        c(str(e))
    t0 = time.monotonic()
    time.sleep(0.2)
    c('slept: {}'.format(time.monotonic() - t0 >= 0.2))
`;
  const a = await svc.execute(bundle(source), { mode: 'analyze' });
  assert.deepEqual(a.errors, []);
  assert.deepEqual(texts(a), [
    'before join: [] True',
    "after join: ['timer'] False",
    'daemon alive, never run: True',
    'queue: [0, 1, 2]',
    'lock: True False',
    'rlock reentrant',
    'failing thread ended: False',
    'event set by a started thread: True',
    'wait with timeout: False',
    'deadlock: Event.wait() would wait forever',
    'cannot join thread before it is started',
    'slept: True',
  ]);
});

test('a joined thread that never ends is stopped by the time limit', async () => {
  const limited = service({ timeoutMs: 3000, memoryBytes: 512 * 1024 * 1024 }, 1);
  try {
    const source = `
import threading, time
metadata = {'apiLevel': '2.11'}

def forever(hardware):
    while True:
        hardware.set_lights(rails=True)
        time.sleep(0.1)

def run(ctx):
    thread = threading.Thread(target=forever, args=(ctx._hw_manager.hardware,))
    thread.start()
    ctx.pause('waiting')
    thread.join()
    ctx.comment('never reached')
`;
    const { analysis, steps } = await liveRun(source, limited);
    assert.deepEqual(steps, ['Pausing robot operation: waiting']);
    assert.equal(analysis.ok, false);
    assert.equal(analysis.errors[0].type, 'TimeoutError');
    assert.match(analysis.errors[0].description, /time limit of 3 s/);
  } finally {
    await limited.close();
  }
});

test('time.sleep: a live run waits without using its time limit; an analysis counts it', async () => {
  const limited = service({ timeoutMs: 3000, memoryBytes: 512 * 1024 * 1024 }, 1);
  try {
    const source = `
import time
metadata = {'apiLevel': '2.11'}

def run(ctx):
    ctx.comment('before')
    start = time.monotonic()
    time.sleep(4)
    ctx.comment('slept at least 4 s: {}'.format(time.monotonic() - start >= 4))
`;
    const { analysis, steps } = await liveRun(source, limited);
    assert.deepEqual(analysis.errors, []);
    assert.deepEqual(steps, ['before', 'slept at least 4 s: True']);
    const analysed = await limited.execute(bundle(source), { mode: 'analyze' });
    assert.equal(analysed.errors[0]?.type, 'TimeoutError');
    assert.deepEqual(analysed.runLog, []);
  } finally {
    await limited.close();
  }
});
