// A real Labwright server on 127.0.0.1 (port 0) with a temporary data folder, and small HTTP helpers.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type ServerConfig } from '../../src/server/index.ts';
import { sharedDir } from '../helpers/paths.ts';

export const V2 = { 'Opentrons-Version': '2' } as const;
export const SIMPLE_V5 = path.join(sharedDir, 'reference/json-fixtures/5/simpleV5.json');

export interface Server {
  base: string;
  dataDir: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** Starts a server; `dataDir` given means the caller owns (and removes) it. */
export async function startServer(config: ServerConfig = {}): Promise<Server> {
  const ownDir = config.dataDir === undefined;
  const dataDir = config.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'labwright-server-')));
  const app = await buildApp({ logger: false, speed: 'max', ...config, dataDir });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    base,
    dataDir,
    app,
    async close() {
      await app.close();
      if (ownDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Reply<T> {
  status: number;
  headers: Headers;
  text: string;
  body: T;
}

export interface SessionEvent {
  source: string;
  event: string;
  timestamp: string;
  commandId: string | null;
  params: { text: string | null } | null;
  result: null;
}

export interface SessionData {
  id: string;
  createdAt: string;
  details: { protocolId: string; currentState: string; events: SessionEvent[]; errors?: { type: string; description: string }[] };
  sessionType: string;
  createParams: { protocolId: string };
}

export interface ProtocolData {
  id: string;
  protocolFile: { basename: string };
  supportFiles: { basename: string }[];
  createdAt: string;
  lastModifiedAt: string;
  requiredEquipment: {
    pipettes: { mount: string; pipetteName: string }[];
    labware: { label: string; uri: string; location: number; slot: number }[];
    modules: unknown[];
  };
  metadata: { name: string | null; author: string | null; apiLevel: string | null };
  errors: { type: string; description: string }[];
}

export interface ErrorReplyBody {
  errors: { id: string; title: string; detail: string; source?: Record<string, string> }[];
  links?: unknown;
}

export interface Envelope<T> {
  data: T;
  links: unknown;
}

export async function call<T = unknown>(base: string, method: string, url: string, init: { headers?: Record<string, string>; json?: unknown; raw?: string | FormData } = {}): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...V2, ...init.headers };
  let body: string | FormData | undefined = init.raw;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(base + url, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  return { status: res.status, headers: res.headers, text, body: parsed as T };
}

export function form(files: { field: string; name: string; data: string | Uint8Array }[]): FormData {
  const fd = new FormData();
  for (const f of files) fd.append(f.field, new Blob([f.data]), f.name);
  return fd;
}

export async function uploadFile(base: string, file: string, name = path.basename(file)): Promise<Reply<Envelope<ProtocolData>>> {
  return call<Envelope<ProtocolData>>(base, 'POST', '/protocols', {
    raw: form([{ field: 'protocolFile', name, data: await readFile(file) }]),
  });
}

export async function createSession(base: string, protocolId: string): Promise<SessionData> {
  const res = await call<Envelope<SessionData>>(base, 'POST', '/sessions', {
    json: { data: { sessionType: 'protocol', createParams: { protocolId } } },
  });
  assert.equal(res.status, 201, res.text);
  return res.body.data;
}

export async function getSession(base: string, id: string): Promise<SessionData> {
  const res = await call<Envelope<SessionData>>(base, 'GET', `/sessions/${id}`);
  assert.equal(res.status, 200, res.text);
  return res.body.data;
}

export async function command(base: string, id: string, name: string): Promise<Reply<unknown>> {
  return call(base, 'POST', `/sessions/${id}/commands/execute`, { json: { data: { command: name, data: {} } } });
}

/** Polls until the session satisfies `until` (or fails after `timeoutMs`). */
export async function waitFor(base: string, id: string, until: (s: SessionData) => boolean, timeoutMs = 20_000): Promise<SessionData> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await getSession(base, id);
    if (until(s)) return s;
    if (Date.now() > deadline) assert.fail(`session never got there; last state ${s.details.currentState}, ${s.details.events.length} events`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const inState = (...states: string[]) => (s: SessionData) => states.includes(s.details.currentState);

const REFERENCE = path.join(sharedDir, 'reference/original-server-responses.md');

/** The compact JSON body of entry `number` (e.g. `'052'`) of the original's recorded responses. */
export async function referenceBody(number: string): Promise<string> {
  const text = await readFile(REFERENCE, 'utf8');
  const start = text.indexOf(`### ${number} `);
  assert.ok(start >= 0, `reference entry ${number} not found`);
  const fence = text.indexOf('```json\n', start);
  return text.slice(fence + 8, text.indexOf('\n```', fence + 8));
}

/** A multipart body built by hand, so file names reach the server exactly as written. */
export function rawMultipart(parts: { field: string; filename?: string; data: string }[]): { raw: string; headers: Record<string, string> } {
  const boundary = '----labwright-test-boundary';
  const chunks = parts.map((p) => {
    const disposition = p.filename === undefined ? `form-data; name="${p.field}"` : `form-data; name="${p.field}"; filename="${p.filename}"`;
    return `--${boundary}\r\nContent-Disposition: ${disposition}\r\nContent-Type: application/octet-stream\r\n\r\n${p.data}\r\n`;
  });
  return { raw: `${chunks.join('')}--${boundary}--\r\n`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
