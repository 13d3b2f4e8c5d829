// Shared helpers for the Python executor tests: a real service (real sandboxed Pyodide and engine),
// bundles built from text, and the 4.7.0 display names the original's texts use.
import { createPythonService } from '../../src/python/index.ts';
import type { PythonService } from '../../src/python/index.ts';
import type { Analysis, ProtocolBundle, ProtocolFileData } from '../../src/common/index.ts';
import { closeAtEnd } from '../helpers/cleanup.ts';
import { as470 } from '../helpers/original.ts';

export { as470 };

/** A real service, whose interpreters are stopped by the end of the test file. */
export function service(limits = { timeoutMs: 30_000, memoryBytes: 512 * 1024 * 1024 }, poolSize = 1, jobsPerProcess?: number, maxPoolSize?: number): PythonService {
  const svc = createPythonService({ poolSize, limits, jobsPerProcess, maxPoolSize });
  return { ...svc, close: closeAtEnd(() => svc.close()) };
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

/** The run log as the original's simulator prints it: tabs for nesting, 4.7.0 names. */
export function printed(analysis: Analysis): string[] {
  return analysis.runLog.map((e) => '\t'.repeat(e.level) + as470(e.text));
}

/** Indents a protocol body under `def run(ctx):` with the usual header. */
export function protocol(body: string, apiLevel = '2.11'): string {
  const lines = body.trim().split('\n').map((l) => `    ${l}`);
  return `from opentrons import protocol_api\nmetadata = {'apiLevel': '${apiLevel}'}\n\ndef run(ctx):\n${lines.join('\n')}\n`;
}
