// What the broker accepts from a pushing program, and what it refuses (with a reason to log).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkNotifyAddress, checkPushedMessage, isReservedTopic, NotifyAddressError } from '../../src/notifications/index.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const event = (data: unknown, extra: Record<string, unknown> = {}) =>
  enc(JSON.stringify({ createdOn: '2021-11-18T14:07:12.345678+00:00', publisher: 'plate_reader', data, ...extra }));
const check = (frames: Uint8Array[]) => checkPushedMessage(frames, isReservedTopic);

describe('pushed messages', () => {
  test('UserData and DoorStatePayload are accepted as the original models them', { timeout: 5000 }, () => {
    const user = check([enc('lab/reader'), event({ type: 'UserData', data: { plate: 'A', od: [0.1, 0.2] } }, { extra: 1 })]);
    assert.deepEqual(user, {
      ok: true,
      event: {
        topic: 'lab/reader',
        createdOn: '2021-11-18T14:07:12.345678+00:00',
        publisher: 'plate_reader',
        data: { type: 'UserData', data: { plate: 'A', od: [0.1, 0.2] } },
      },
    });
    const door = check([enc('lab/door'), event({ event: 'door_state', state: false, extra: 'dropped' })]);
    assert.ok(door.ok);
    assert.deepEqual(door.event.data, { event: 'door_state', state: false });
  });

  test('malformed messages are refused, each with its reason', { timeout: 5000 }, () => {
    const cases: [Uint8Array[], RegExp][] = [
      [[enc('lab')], /expected 2 frames/],
      [[enc('lab'), event({ type: 'UserData', data: {} }), enc('x')], /expected 2 frames .*got 3/],
      [[new Uint8Array([0xff, 0xfe]), event({ type: 'UserData', data: {} })], /topic is not UTF-8/],
      [[enc(''), event({ type: 'UserData', data: {} })], /topic is empty/],
      [[enc('x'.repeat(256)), event({ type: 'UserData', data: {} })], /longer than 255/],
      [[enc('sessions/abc'), event({ type: 'UserData', data: {} })], /published by Labwright itself/],
      [[enc('sessions'), event({ type: 'UserData', data: {} })], /published by Labwright itself/],
      [[enc('hardware_events'), event({ event: 'door_state', state: true })], /published by Labwright itself/],
      [[enc('hardware_events_x'), event({ type: 'UserData', data: {} })], /published by Labwright itself/],
      [[enc('sessions_x'), event({ type: 'UserData', data: {} })], /published by Labwright itself/],
      [[enc('lab'), enc('{not json')], /not JSON/],
      [[enc('lab'), new Uint8Array([0xc3])], /event is not UTF-8/],
      [[enc('lab'), enc('[1,2]')], /not a JSON object/],
      [[enc('lab'), event({ type: 'UserData', data: {} }, { createdOn: 'yesterday' })], /createdOn/],
      [[enc('lab'), event({ type: 'UserData', data: {} }, { createdOn: 12 })], /createdOn/],
      [[enc('lab'), event({ type: 'UserData', data: {} }, { publisher: '' })], /publisher/],
      [[enc('lab'), event({ type: 'UserData', data: [1] })], /neither UserData/],
      [[enc('lab'), event({ type: 'UserData' })], /neither UserData/],
      [[enc('lab'), event({ event: 'door_state', state: 'open' })], /neither UserData/],
      [[enc('lab'), event(null)], /neither UserData/],
    ];
    for (const [frames, reason] of cases) {
      const result = check(frames);
      assert.equal(result.ok, false, `accepted: ${frames.map((f) => Buffer.from(f).toString()).join(' | ')}`);
      if (!result.ok) assert.match(result.reason, reason);
    }
  });
});

describe('notify addresses', () => {
  test('tcp and ipc addresses ZeroMQ can bind are accepted; anything else is refused', { timeout: 5000 }, () => {
    for (const ok of ['tcp://*:5555', 'tcp://127.0.0.1:1', 'tcp://localhost:65535', 'tcp://[::1]:5555', 'ipc:///tmp/notify', 'ipc://relative']) {
      assert.equal(checkNotifyAddress(ok), ok);
    }
    for (const bad of ['tcp://*:0', 'tcp://*:65536', 'tcp://*', 'tcp://:5555', 'udp://*:5555', 'ipc://', '5555', `ipc:///${'x'.repeat(120)}`]) {
      assert.throws(() => checkNotifyAddress(bad), NotifyAddressError, bad);
    }
  });
});
