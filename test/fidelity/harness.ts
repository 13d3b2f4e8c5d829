// Runs the fidelity protocols through the real public surface (createProtocolService: detection,
// sandboxed Pyodide, the engine) and prints their run logs the way the original's simulator does.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProtocolService } from '../../src/service/index.ts';
import type { Analysis, ProtocolBundle, ProtocolFileData } from '../../src/analysis/index.ts';
import type { ProtocolService } from '../../src/service/index.ts';
import { closeAtEnd } from '../helpers/cleanup.ts';
import { as470 } from '../helpers/original.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const PROTOCOLS = path.join(here, 'protocols');

/** A real service, whose interpreters are stopped by the end of the test file. */
export function service(): ProtocolService {
  const svc = createProtocolService({ poolSize: 1, limits: { timeoutMs: 60_000, memoryBytes: 512 * 1024 * 1024 } });
  return { ...svc, close: closeAtEnd(() => svc.close()) };
}

function readFile(file: string): ProtocolFileData {
  return { name: path.basename(file), data: new Uint8Array(fs.readFileSync(file)) };
}

/** A protocol from `protocols/` with every custom labware of `protocols/labware/` beside it. */
export function bundle(relative: string, withLabware = false): ProtocolBundle {
  const labwareDir = path.join(PROTOCOLS, 'labware');
  const support = withLabware
    ? fs.readdirSync(labwareDir).filter((f) => f.endsWith('.json')).map((f) => readFile(path.join(labwareDir, f)))
    : [];
  return { protocolFile: readFile(path.join(PROTOCOLS, relative)), supportFiles: support };
}

export function analyze(svc: ProtocolService, relative: string, withLabware = false): Promise<Analysis> {
  return svc.execute(bundle(relative, withLabware), { mode: 'analyze' });
}

export { as470 };

/** The run log as `opentrons_simulate` prints it: a tab per nesting level, 4.7.0 names. */
export function printed(a: Analysis): string[] {
  return a.runLog.map((e) => '\t'.repeat(e.level) + as470(e.text));
}

/** First differing line, for a readable failure (the full arrays are compared afterwards). */
export function firstDifference(actual: readonly string[], expected: readonly string[]): string | null {
  const n = Math.max(actual.length, expected.length);
  for (let i = 0; i < n; i++) {
    if (actual[i] !== expected[i]) {
      return `line ${i}:\n  actual:   ${JSON.stringify(actual[i])}\n  expected: ${JSON.stringify(expected[i])}`;
    }
  }
  return null;
}
