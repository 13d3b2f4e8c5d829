// Notification cost: events per second a run publishes at --speed max with no subscribers, and
// with 10 ZeroMQ and 10 websocket subscribers attached (in another process), and the ratio.
// The subscribers run in another process on the same machine, so on a small machine their own work
// competes with the run for the cores; the server's CPU time per event is printed beside the rate.
// Prints figures; asserts nothing.
//   npx tsx bench/notify.ts [--commands 2500] [--runs 5] [--zmq 10] [--ws 10]
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { Push } from 'zeromq';
import { buildApp } from '../src/server/index.ts';
import { freePort } from '../test/e2e/process.ts';

const { values } = parseArgs({
  options: {
    commands: { type: 'string', default: '2500' },
    runs: { type: 'string', default: '5' },
    zmq: { type: 'string', default: '10' },
    ws: { type: 'string', default: '10' },
  },
});
const REPEATS = Number(values.commands) / 5;
const RUNS = Number(values.runs);
const ZMQ_SUBSCRIBERS = Number(values.zmq);
const WS_SUBSCRIBERS = Number(values.ws);
const V2 = { 'Opentrons-Version': '2' };
const here = path.dirname(fileURLToPath(import.meta.url));

/** simpleV5 (shipped with shared-data) with its liquid handling repeated, and no delay. */
async function longProtocol(): Promise<string> {
  const file = createRequire(import.meta.url).resolve('@opentrons/shared-data/protocol/fixtures/5/simpleV5.json');
  const doc = JSON.parse(await readFile(file, 'utf8')) as { commands: { command: string }[] };
  const byName = (name: string) => doc.commands.filter((c) => c.command === name);
  const body = ['aspirate', 'dispense', 'touchTip', 'blowout', 'moveToWell'].map((n) => byName(n)[0]);
  doc.commands = [byName('pickUpTip')[0], ...Array.from({ length: REPEATS }, () => body).flat(), byName('dropTip')[0]];
  return JSON.stringify(doc);
}

interface Notice {
  type: string;
  state?: string;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'labwright-bench-notify-'));
  const subscriberAddress = `tcp://127.0.0.1:${await freePort()}`;
  const pushAddress = `ipc://${path.join(dir, 'notify')}`;
  const app = await buildApp({ dataDir: path.join(dir, 'data'), speed: 'max', logger: pino({ level: 'warn' }, pino.destination(2)), notify: { subscriberAddress, pushAddress } });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const hub = app.labwright.notificationHub;
  try {
    const form = new FormData();
    form.append('protocolFile', new Blob([await longProtocol()]), 'bench.json');
    const up = await fetch(`${base}/protocols`, { method: 'POST', headers: V2, body: form });
    if (up.status !== 201) throw new Error(`upload: ${up.status} ${await up.text()}`);
    const created = await fetch(`${base}/sessions`, {
      method: 'POST',
      headers: { ...V2, 'Content-Type': 'application/json' },
      body: JSON.stringify({ data: { sessionType: 'protocol', createParams: { protocolId: 'bench' } } }),
    });
    const sessionId = ((await created.json()) as { data: { id: string } }).data.id;
    const topic = `sessions/${sessionId}`;

    // One run: events published from `running` to `finished`, and the wall time between them.
    const run = async (): Promise<{ events: number; seconds: number; cpuUs: number }> => {
      let events = 0;
      let started = 0;
      const cpuBefore = process.cpuUsage();
      const done = new Promise<number>((resolve) => {
        const sub = hub.subscribe([topic], (e) => {
          const n = e.data as Notice;
          if (n.type === 'session.event') events += 1;
          if (n.type === 'session.state' && n.state === 'finished') {
            sub.unsubscribe();
            resolve(performance.now());
          }
        });
      });
      started = performance.now();
      const res = await fetch(`${base}/sessions/${sessionId}/commands/execute`, {
        method: 'POST',
        headers: { ...V2, 'Content-Type': 'application/json' },
        body: JSON.stringify({ data: { command: 'protocol.startRun', data: {} } }),
      });
      if (res.status !== 200) throw new Error(`startRun: ${res.status} ${await res.text()}`);
      const ended = await done;
      const cpu = process.cpuUsage(cpuBefore);
      return { events, seconds: (ended - started) / 1000, cpuUs: cpu.user + cpu.system };
    };
    const series = async (label: string): Promise<number> => {
      const rates: number[] = [];
      for (let i = 0; i < RUNS; i += 1) {
        const r = await run();
        rates.push(r.events / r.seconds);
        console.log(
          `${label} run ${i + 1}: ${r.events} events in ${r.seconds.toFixed(3)} s = ${Math.round(r.events / r.seconds)} events/s; ` +
            `server CPU ${(r.cpuUs / 1000).toFixed(0)} ms (${(r.cpuUs / r.events).toFixed(1)} µs per event, ZeroMQ's I/O thread included)`,
        );
      }
      rates.sort((a, b) => a - b);
      return rates[Math.floor(rates.length / 2)];
    };

    // Wait for the load simulation, then one warm-up run.
    for (;;) {
      const s = (await (await fetch(`${base}/sessions/${sessionId}`, { headers: V2 })).json()) as { data: { details: { currentState: string } } };
      if (s.data.details.currentState === 'loaded') break;
      if (s.data.details.currentState === 'error') throw new Error('the bench protocol failed to load');
      await new Promise((r) => setTimeout(r, 50));
    }
    await run();

    const none = await series('no subscribers');

    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'notify-subscribers.ts'), subscriberAddress, base.replace(/^http/, 'ws'), topic, String(ZMQ_SUBSCRIBERS), String(WS_SUBSCRIBERS)], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: child.stdout });
    const nextLine = () => new Promise<string>((resolve, reject) => {
      lines.once('line', resolve);
      child.once('exit', (code) => reject(new Error(`subscribers exited with ${code}`)));
    });
    const ready = nextLine();
    const push = new Push({ linger: 0 });
    push.connect(pushAddress);
    const probe = (marker: string) =>
      push.send(['probe', JSON.stringify({ createdOn: new Date().toISOString(), publisher: 'bench', data: { type: 'UserData', data: { marker } } })]);
    const prober = setInterval(() => void probe('ready'), 100);
    await ready;
    clearInterval(prober);

    const withSubs = await series(`${ZMQ_SUBSCRIBERS} ZeroMQ + ${WS_SUBSCRIBERS} websocket subscribers`);
    // Published after every session event, so a subscriber that has it has received all of them.
    const drained = nextLine();
    const drainStart = performance.now();
    await probe('end');
    await drained;
    console.log(`subscribers caught up ${((performance.now() - drainStart) / 1000).toFixed(2)} s after the last run`);
    push.close();
    const countsLine = nextLine();
    child.stdin.end();
    const counts = JSON.parse(await countsLine) as Record<string, number>;
    console.log(`session messages received per subscriber: ${JSON.stringify(counts)}`);
    console.log(`median events/s: none ${Math.round(none)}, with subscribers ${Math.round(withSubs)}; ratio ${(withSubs / none).toFixed(2)}`);
  } finally {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
