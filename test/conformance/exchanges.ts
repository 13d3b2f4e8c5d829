// The recorded exchanges by number range, and a server per replayed group.
import { after, before } from 'node:test';
import type { OriginalExchange } from '../helpers/original.ts';
import { originalExchanges } from '../helpers/original.ts';
import type { TestServer } from './harness.ts';
import { startTestServer } from './harness.ts';

const all = originalExchanges();

/** The recorded exchanges numbered `from` to `to`, in order. */
export function exchanges(from: string, to: string): OriginalExchange[] {
  return all.filter((e) => e.num >= from && e.num <= to);
}

/** A real server for the suite around `body`, with the original's default of one protocol. */
export function withServer(speed: number | 'max', body: (server: () => TestServer) => void): void {
  let server: TestServer | undefined;
  before(async () => {
    server = await startTestServer({ speed, maxProtocols: 1 });
  });
  after(async () => {
    await server?.close();
  });
  body(() => {
    if (!server) throw new Error('the test server did not start');
    return server;
  });
}
