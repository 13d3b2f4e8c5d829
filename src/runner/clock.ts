// Timestamps in the original's format: ISO 8601, UTC, microseconds, `+00:00` offset.
import { performance } from 'node:perf_hooks';

let lastMicros = 0n;

/** Now, e.g. `2021-11-18T14:03:27.123456+00:00`. Strictly increasing within the process. */
export function isoNow(): string {
  let micros = BigInt(Math.round((performance.timeOrigin + performance.now()) * 1000));
  if (micros <= lastMicros) micros = lastMicros + 1n;
  lastMicros = micros;
  const date = new Date(Number(micros / 1000n)).toISOString();
  return `${date.slice(0, 19)}.${String(micros % 1_000_000n).padStart(6, '0')}+00:00`;
}
