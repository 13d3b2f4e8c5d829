// Child process of bench/notify.ts: ZeroMQ SUB and websocket subscribers, outside the server's
// process as real clients are. Prints `ready` once every subscriber has received a probe, `drained`
// once every one has received the probe marked `end`, and when stdin closes one JSON line with the
// number of session messages each received.
//   tsx bench/notify-subscribers.ts <zmq address> <ws url base> <session topic> <zmq count> <ws count>
import { Subscriber } from 'zeromq';
import { WebSocket } from 'ws';

const [address, wsBase, topic, zmqCountText, wsCountText] = process.argv.slice(2);
const zmqCount = Number(zmqCountText);
const wsCount = Number(wsCountText);
const probed = new Set<string>();
const ended = new Set<string>();
const counts = new Map<string, number>();
let announced = false;

function received(name: string, messageTopic: string, event: () => string): void {
  if (messageTopic === 'probe') {
    if (event().includes('"marker":"end"')) {
      ended.add(name);
      if (ended.size === zmqCount + wsCount) process.stdout.write('drained\n');
    }
    probed.add(name);
    if (!announced && probed.size === zmqCount + wsCount) {
      announced = true;
      process.stdout.write('ready\n');
    }
  } else if (messageTopic === topic) {
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
}

const subs: Subscriber[] = [];
for (let i = 0; i < zmqCount; i += 1) {
  const sub = new Subscriber({ receiveHighWaterMark: 0, linger: 0 });
  sub.connect(address);
  sub.subscribe('probe', topic);
  subs.push(sub);
  void (async () => {
    try {
      for await (const [t, e] of sub) received(`zmq${i}`, t.toString(), () => e.toString());
    } catch {
      // closed
    }
  })();
}
const sockets: WebSocket[] = [];
for (let i = 0; i < wsCount; i += 1) {
  const ws = new WebSocket(`${wsBase}/notifications/subscribe?topic=probe&topic=${encodeURIComponent(topic)}`);
  ws.on('message', (data) => {
    const text = data.toString();
    received(`ws${i}`, (JSON.parse(text) as { topic: string }).topic, () => text);
  });
  sockets.push(ws);
}

process.stdin.resume();
process.stdin.on('end', () => {
  process.stdout.write(JSON.stringify(Object.fromEntries(counts)) + '\n');
  for (const sub of subs) sub.close();
  for (const ws of sockets) ws.terminate();
  process.exit(0);
});
