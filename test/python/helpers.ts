// Shared helpers for the Python executor tests: a real service (real sandboxed Pyodide and engine),
// bundles built from text, and the 4.7.0 display names the reference texts use.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPythonService } from '../../src/python/index.ts';
import type { PythonService } from '../../src/python/index.ts';
import type { Analysis, ProtocolBundle, ProtocolFileData } from '../../src/analysis/types.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SHARED = path.resolve(here, '../../../shared');

export function service(limits = { timeoutMs: 30_000, memoryBytes: 512 * 1024 * 1024 }, poolSize = 1): PythonService {
  return createPythonService({ poolSize, limits });
}

export function file(name: string, text: string): ProtocolFileData {
  return { name, data: new TextEncoder().encode(text) };
}

export function bundle(text: string, support: ProtocolFileData[] = [], name = 'protocol.py'): ProtocolBundle {
  return { protocolFile: file(name, text), supportFiles: support };
}

export function analyze(svc: PythonService, text: string, support: ProtocolFileData[] = []): Promise<Analysis> {
  return svc.execute(bundle(text, support), { mode: 'analyze' });
}

const changes = JSON.parse(
  fs.readFileSync(path.join(SHARED, 'reference/labware-display-name-changes.json'), 'utf8'),
) as { changes: { displayName4_7_0: string; displayNameNow: string }[] };

/** Run-log text with today's display names put back to 4.7.0's (the only expected difference). */
export function as470(text: string): string {
  let out = text;
  for (const c of changes.changes) out = out.split(c.displayNameNow).join(c.displayName4_7_0);
  return out;
}

/** The run log as the original's simulator prints it: tabs for nesting, 4.7.0 names. */
export function printed(analysis: Analysis): string[] {
  return analysis.runLog.map((e) => '\t'.repeat(e.level) + as470(e.text));
}

/** Indents a protocol body under `def run(ctx):` with the usual header. */
export function protocol(body: string, apiLevel = '2.11'): string {
  const lines = body.trim().split('\n').map((l) => `    ${l}`);
  return `from opentrons import protocol_api\nmetadata = {'apiLevel': '${apiLevel}'}\n\ndef run(ctx):\n${lines.join('\n')}\n`;
}
