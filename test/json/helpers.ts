// Helpers for the JSON executor tests: protocol fixtures as `@opentrons/shared-data` ships them,
// bundles built from text, the run log as the original's simulator prints it.
import { readFileSync } from 'node:fs';
import type { Analysis, ProtocolBundle } from '../../src/common/index.ts';
import { executeJsonProtocol } from '../../src/json/index.ts';
import { jsonProtocolFixture } from '../helpers/original.ts';

export function bundleOf(name: string, data: Uint8Array | string, supportFiles: ProtocolBundle['supportFiles'] = []): ProtocolBundle {
  return {
    protocolFile: { name, data: typeof data === 'string' ? new TextEncoder().encode(data) : data },
    supportFiles,
  };
}

export function analyze(name: string, data: Uint8Array | string): Promise<Analysis> {
  return executeJsonProtocol(bundleOf(name, data), { mode: 'analyze' });
}

/** A shared-data protocol fixture (e.g. `5/simpleV5.json`), parsed. */
export function loadFixture(id: string): Record<string, unknown> {
  return JSON.parse(readFileSync(jsonProtocolFixture(id), 'utf8')) as Record<string, unknown>;
}

export function lines(a: Analysis): string[] {
  return a.runLog.map((e) => '\t'.repeat(e.level) + e.text);
}
