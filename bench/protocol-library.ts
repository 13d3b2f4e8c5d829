// The lab's protocol library the HTTP benches work through: the real-world-style protocols of
// test/fidelity/protocols/ (with the custom labware of protocols/labware/ beside those that load
// it, as the fidelity tests give it) and the seed's example with its two support files; and one
// lab operation on a server: upload (until the analysis is back), session created until loaded,
// both deleted.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO } from '../test/e2e/process.ts';

const V2 = { 'Opentrons-Version': '2' };
const JSON_V2 = { ...V2, 'Content-Type': 'application/json' };

export interface LibraryProtocol {
  name: string;
  files: { field: 'protocolFile' | 'supportFiles'; name: string; data: Uint8Array }[];
}

export async function protocolLibrary(): Promise<LibraryProtocol[]> {
  const dir = path.join(REPO, 'test', 'fidelity', 'protocols');
  const labwareDir = path.join(dir, 'labware');
  const labware = await Promise.all(
    (await readdir(labwareDir))
      .filter((n) => n.endsWith('.json'))
      .sort()
      .map(async (name) => ({ name, data: new Uint8Array(await readFile(path.join(labwareDir, name))) })),
  );
  const loadNames = new Set(labware.map((l) => (JSON.parse(new TextDecoder().decode(l.data)) as { parameters: { loadName: string } }).parameters.loadName));
  const out: LibraryProtocol[] = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.py')).sort()) {
    const data = new Uint8Array(await readFile(path.join(dir, name)));
    const text = new TextDecoder().decode(data);
    const needsLabware = [...loadNames].some((loadName) => text.includes(`'${loadName}'`));
    out.push({
      name,
      files: [
        { field: 'protocolFile', name, data },
        ...(needsLabware ? labware.map((l) => ({ field: 'supportFiles' as const, ...l })) : []),
      ],
    });
  }
  const example = path.join(REPO, 'examples', 'plate_transfer');
  out.push({
    name: 'plate_transfer.py',
    files: await Promise.all(
      (
        [
          ['protocolFile', 'plate_transfer.py'],
          ['supportFiles', 'tip_handling.py'],
          ['supportFiles', 'plate_transfer_plan.json'],
        ] as const
      ).map(async ([field, name]) => ({ field, name, data: new Uint8Array(await readFile(path.join(example, name))) })),
    ),
  });
  return out;
}

async function ok(res: Response, what: string): Promise<unknown> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${what}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as unknown;
}

/** Polls until the session leaves its load (the original's clients poll; so does this). */
async function untilLoaded(base: string, id: string): Promise<string> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const body = (await ok(await fetch(`${base}/sessions/${id}`, { headers: V2 }), 'get session')) as { data: { details: { currentState: string } } };
    const state = body.data.details.currentState;
    if (state === 'loaded' || state === 'error') return state;
    if (Date.now() > deadline) throw new Error(`session ${id} still ${state} after 120 s`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export interface OperationTimes {
  /** POST /protocols until its reply (the analysis is done by then). */
  uploadMs: number;
  /** POST /sessions until the session reads `loaded`. */
  loadMs: number;
  /** The analysis's errors and the session's state: the same work in every checkout compared. */
  errors: number;
  sessionState: string;
}

/**
 * Upload → session load → delete. `prefix` renames the protocol file (its name is the protocol's
 * id), so clients working at once never upload the same id.
 */
/**
 * Upload, session load, deletes. `unique`: a line added to the end of the protocol file (a Python
 * comment, or blanks after a JSON document), so that no earlier analysis of the same files can
 * be reused and the upload measures a fresh analysis.
 */
export async function labOperation(base: string, protocol: LibraryProtocol, prefix = '', unique: number | null = null): Promise<OperationTimes> {
  const form = new FormData();
  for (const f of protocol.files) {
    const isProtocol = f.field === 'protocolFile';
    const data = isProtocol && unique !== null ? withUniqueEnd(f.name, f.data, unique) : f.data;
    form.append(f.field, new Blob([data]), isProtocol ? prefix + f.name : f.name);
  }
  let t0 = performance.now();
  const uploaded = (await ok(await fetch(`${base}/protocols`, { method: 'POST', headers: V2, body: form }), `upload ${protocol.name}`)) as {
    data: { id: string; errors?: unknown[] };
  };
  const uploadMs = performance.now() - t0;
  t0 = performance.now();
  const created = (await ok(
    await fetch(`${base}/sessions`, {
      method: 'POST',
      headers: JSON_V2,
      body: JSON.stringify({ data: { sessionType: 'protocol', createParams: { protocolId: uploaded.data.id } } }),
    }),
    'create session',
  )) as { data: { id: string } };
  const sessionState = await untilLoaded(base, created.data.id);
  const loadMs = performance.now() - t0;
  await ok(await fetch(`${base}/sessions/${created.data.id}`, { method: 'DELETE', headers: V2 }), 'delete session');
  await ok(await fetch(`${base}/protocols/${uploaded.data.id}`, { method: 'DELETE', headers: V2 }), 'delete protocol');
  return { uploadMs, loadMs, errors: uploaded.data.errors?.length ?? 0, sessionState };
}

function withUniqueEnd(name: string, data: Uint8Array, unique: number): Uint8Array {
  const end = name.endsWith('.py') ? `\n# bench upload ${unique}\n` : `\n${' '.repeat(unique)}`;
  const extra = new TextEncoder().encode(end);
  const out = new Uint8Array(data.byteLength + extra.byteLength);
  out.set(data);
  out.set(extra, data.byteLength);
  return out;
}

export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
