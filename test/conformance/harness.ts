// A real Labwright server on a loopback port with a fresh data folder, and a small HTTP client that
// speaks to it the way curl and the original's test harness did.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../../src/server/index.ts';
import { closeAtEnd } from '../helpers/cleanup.ts';
import { eventually } from '../helpers/wait.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURES = path.join(here, 'fixtures');

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  base: string;
  dataDir: string;
  close(): Promise<void>;
}

export interface TestServerOptions {
  speed: number | 'max';
  maxProtocols: number;
  dataDir?: string;
}

export async function startTestServer(options: TestServerOptions): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'labwright-conformance-')));
  const app = await buildApp({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    speed: options.speed,
    maxProtocols: options.maxProtocols,
    logger: false,
    // One warm interpreter is enough for one client; a second would be started only to be stopped.
    pythonPoolSize: 1,
  });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  // Closed by the end of the test file, whatever happened in it.
  const close = closeAtEnd(async () => {
    await app.close();
    if (options.dataDir === undefined) await rm(dataDir, { recursive: true, force: true });
  });
  return { base, dataDir, close };
}

export interface FilePart {
  field: string;
  name: string;
  data: Uint8Array | string;
}

export interface HttpRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  /** Sent as is (the caller sets the content type, as curl -d with -H did). */
  body?: string;
  files?: FilePart[];
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
  json(): unknown;
}

export async function http(base: string, req: HttpRequest): Promise<HttpResponse> {
  let body: string | FormData | undefined = req.body;
  if (req.files && req.files.length > 0) {
    const form = new FormData();
    for (const part of req.files) form.append(part.field, new Blob([part.data]), part.name);
    body = form;
  }
  const res = await fetch(base + req.path, { method: req.method ?? 'GET', headers: req.headers, body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) as unknown };
}

export const V2 = { 'Opentrons-Version': '2' };
export const ANY = { 'Opentrons-Version': '*' };

export async function fixture(dir: string, name: string): Promise<FilePart & { field: string }> {
  return { field: 'protocolFile', name, data: await readFile(path.join(dir, name)) };
}

/**
 * A custom labware definition for the `load_custom_labware.py` check, derived from a shipped
 * definition (never hand-written): same geometry as the NEST 1-well reservoir, new identity.
 */
export async function customReservoirDefinition(): Promise<string> {
  const require = createRequire(import.meta.url);
  const defPath = require.resolve('@opentrons/shared-data/labware/definitions/2/nest_1_reservoir_195ml/1.json');
  const def = JSON.parse(await readFile(defPath, 'utf8')) as {
    parameters: { loadName: string };
    metadata: { displayName: string };
    namespace: string;
    version: number;
    wells: Record<string, { totalLiquidVolume: number }>;
  };
  def.parameters.loadName = 'test_1_reservoir_5ul';
  def.metadata.displayName = 'Test 1 Reservoir 5 µL';
  def.namespace = 'custom_beta';
  def.version = 1;
  for (const well of Object.values(def.wells)) well.totalLiquidVolume = 5;
  return JSON.stringify(def, null, 2);
}

export interface SessionView {
  currentState: string | null;
  events: { source: string; event: string; commandId: string | null }[];
}

/** The session is in one of `states` (named in a failed wait). */
export const stateIs = (...states: string[]): ((d: SessionView) => boolean) & { description: string } =>
  Object.assign((d: SessionView) => states.includes(d.currentState ?? ''), { description: `state ${states.join(' or ')}` });

/** Polls `GET /sessions/{id}` until `accept` holds (a readiness wait, not a timing assertion). */
export function waitForSession(
  base: string,
  sessionId: string,
  accept: ((details: SessionView) => boolean) & { description?: string },
  timeoutMs = 120_000,
): Promise<SessionView> {
  return eventually(
    `session ${sessionId} to reach ${accept.description ?? 'the awaited condition'}`,
    async () => {
      const res = await http(base, { path: `/sessions/${sessionId}`, headers: V2 });
      if (res.status !== 200) throw new Error(`GET /sessions/${sessionId} answered ${res.status}: ${res.text}`);
      return (res.json() as { data: { details: SessionView } }).data.details;
    },
    accept,
    {
      timeoutMs,
      show: (d) => `state ${d.currentState} with ${d.events.length} events, the last ${JSON.stringify(d.events.at(-1) ?? null)}`,
    },
  );
}
