// A real Labwright server with a temporary data folder, and small HTTP helpers that speak to it
// either over a loopback socket (a base URL) or in-process through Fastify's `inject` (the app).
// Route behaviour that needs no socket is tested in-process; sockets stay for end to end.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type ServerConfig } from '../../src/server/index.ts';
import { jsonProtocolFixture } from '../helpers/original.ts';
import { closeAtEnd } from '../helpers/cleanup.ts';
import { eventually } from '../helpers/wait.ts';

export const V2 = { 'Opentrons-Version': '2' } as const;
export const SIMPLE_V5 = jsonProtocolFixture('5/simpleV5.json');

/** Where a request goes: a listening server's base URL, or an app answered in-process. */
export type Target = string | FastifyInstance;

export interface Server {
  base: string;
  dataDir: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** An app that is not listening: requests reach it through `inject`. */
export interface InProcessServer {
  app: FastifyInstance;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * Starts a server, closed by the end of the test file (or earlier by `close()`);
 * `dataDir` given means the caller owns (and removes) it.
 */
export async function startServer(config: ServerConfig = {}): Promise<Server> {
  const ownDir = config.dataDir === undefined;
  const dataDir = config.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'labwright-server-')));
  const app = await buildApp({ logger: false, speed: 'max', pythonPoolSize: 1, ...config, dataDir });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const close = closeAtEnd(async () => {
    await app.close();
    if (ownDir) await rm(dataDir, { recursive: true, force: true });
  });
  return { base, dataDir, app, close };
}

/**
 * Builds an app without a socket, closed by the end of the test file (or earlier by `close()`);
 * `dataDir` given means the caller owns (and removes) it.
 */
export async function startApp(config: ServerConfig = {}): Promise<InProcessServer> {
  const ownDir = config.dataDir === undefined;
  const dataDir = config.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'labwright-app-')));
  const app = await buildApp({ logger: false, speed: 'max', pythonPoolSize: 1, ...config, dataDir });
  await app.ready();
  const close = closeAtEnd(async () => {
    await app.close();
    if (ownDir) await rm(dataDir, { recursive: true, force: true });
  });
  return { app, dataDir, close };
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

export interface RequestInit {
  /** Sent without the `Opentrons-Version` header (which is otherwise 2 unless `headers` say). */
  withoutVersion?: boolean;
  headers?: Record<string, string>;
  json?: unknown;
  raw?: string | FormData;
}

/** A request with the version header (unless `headers` override it), to a socket or in-process. */
export async function call<T = unknown>(target: Target, method: string, url: string, init: RequestInit = {}): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...(init.withoutVersion ? {} : V2), ...init.headers };
  let body: string | FormData | undefined = init.raw;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers['content-type'] ??= 'application/json';
  }
  const { status, headers: replyHeaders, text } = await send(target, method, url, headers, body);
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  return { status, headers: replyHeaders, text, body: parsed as T };
}

async function send(
  target: Target,
  method: string,
  url: string,
  headers: Record<string, string>,
  body: string | FormData | undefined,
): Promise<{ status: number; headers: Headers; text: string }> {
  if (typeof target === 'string') {
    const res = await fetch(target + url, { method, headers, body });
    return { status: res.status, headers: res.headers, text: await res.text() };
  }
  const res = await target.inject({ method: method as 'GET', url, headers, payload: body });
  const replyHeaders = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) replyHeaders.append(name, String(v));
  }
  return { status: res.statusCode, headers: replyHeaders, text: res.body };
}

export function form(files: { field: string; name: string; data: string | Uint8Array }[]): FormData {
  const fd = new FormData();
  for (const f of files) fd.append(f.field, new Blob([f.data]), f.name);
  return fd;
}

export async function uploadFile(base: Target, file: string, name = path.basename(file)): Promise<Reply<Envelope<ProtocolData>>> {
  return call<Envelope<ProtocolData>>(base, 'POST', '/protocols', {
    raw: form([{ field: 'protocolFile', name, data: await readFile(file) }]),
  });
}

export async function createSession(base: Target, protocolId: string): Promise<SessionData> {
  const res = await call<Envelope<SessionData>>(base, 'POST', '/sessions', {
    json: { data: { sessionType: 'protocol', createParams: { protocolId } } },
  });
  assert.equal(res.status, 201, res.text);
  return res.body.data;
}

export async function getSession(base: Target, id: string): Promise<SessionData> {
  const res = await call<Envelope<SessionData>>(base, 'GET', `/sessions/${id}`);
  assert.equal(res.status, 200, res.text);
  return res.body.data;
}

export async function command(base: Target, id: string, name: string): Promise<Reply<unknown>> {
  return call(base, 'POST', `/sessions/${id}/commands/execute`, { json: { data: { command: name, data: {} } } });
}

/** A condition on a session, with the words a failed wait uses for it. */
export type SessionCondition = ((s: SessionData) => boolean) & { description?: string };

/** Polls until the session satisfies `until`; fails after `timeoutMs` saying what it last saw. */
export function waitFor(base: Target, id: string, until: SessionCondition, timeoutMs = 20_000): Promise<SessionData> {
  return eventually(`session ${id} to reach ${until.description ?? 'the awaited condition'}`, () => getSession(base, id), until, {
    timeoutMs,
    show: (s) => `state ${s.details.currentState} with ${s.details.events.length} events, the last ${JSON.stringify(s.details.events.at(-1) ?? null)}`,
  });
}

export const inState = (...states: string[]): SessionCondition =>
  Object.assign((s: SessionData) => states.includes(s.details.currentState), { description: `state ${states.join(' or ')}` });


/** A multipart body built by hand, so file names reach the server exactly as written. */
export function rawMultipart(parts: { field: string; filename?: string; data: string }[]): { raw: string; headers: Record<string, string> } {
  const boundary = '----labwright-test-boundary';
  const chunks = parts.map((p) => {
    const disposition = p.filename === undefined ? `form-data; name="${p.field}"` : `form-data; name="${p.field}"; filename="${p.filename}"`;
    return `--${boundary}\r\nContent-Disposition: ${disposition}\r\nContent-Type: application/octet-stream\r\n\r\n${p.data}\r\n`;
  });
  return { raw: `${chunks.join('')}--${boundary}--\r\n`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
