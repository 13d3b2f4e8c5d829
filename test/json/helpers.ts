// Shared test helpers: the reference material lives beside the clone (../shared/reference).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Analysis, ProtocolBundle } from '../../src/analysis/types.ts';
import { executeJsonProtocol } from '../../src/json/index.ts';

export const REFERENCE_DIR = fileURLToPath(new URL('../../../shared/reference/', import.meta.url));

export interface ReferenceRun {
  id: string;
  ok: boolean;
  runlog: string[];
  equipment: Analysis['requiredEquipment'];
  robot_server_analysis: {
    metadata: Analysis['metadata'];
    errors: { type: string; description: string; lineNumber?: number | null; fileName?: string | null }[];
  };
}

export function referenceRuns(): ReferenceRun[] {
  return readFileSync(REFERENCE_DIR + 'json-fixtures-runlogs.jsonl', 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as ReferenceRun);
}

export function fixturePath(id: string): string {
  return REFERENCE_DIR + 'json-fixtures/' + id;
}

export function hasFixture(id: string): boolean {
  return existsSync(fixturePath(id));
}

/** 4.7.0 display name → today's, for the labware renamed since (the only expected differences). */
export function displayNameChanges(): [string, string][] {
  const doc = JSON.parse(readFileSync(REFERENCE_DIR + 'labware-display-name-changes.json', 'utf8')) as {
    changes: { displayName4_7_0: string; displayNameNow: string }[];
  };
  return doc.changes.map((c) => [c.displayName4_7_0, c.displayNameNow]);
}

export function bundleOf(name: string, data: Uint8Array | string, supportFiles: ProtocolBundle['supportFiles'] = []): ProtocolBundle {
  return {
    protocolFile: { name, data: typeof data === 'string' ? new TextEncoder().encode(data) : data },
    supportFiles,
  };
}

export function analyze(name: string, data: Uint8Array | string): Promise<Analysis> {
  return executeJsonProtocol(bundleOf(name, data), { mode: 'analyze' });
}

export function loadFixture(id: string): Record<string, unknown> {
  return JSON.parse(readFileSync(fixturePath(id), 'utf8')) as Record<string, unknown>;
}

export function lines(a: Analysis): string[] {
  return a.runLog.map((e) => '\t'.repeat(e.level) + e.text);
}
