// Custom labware travels as support files beside a protocol: every one that is a valid labware
// definition (schema 2) becomes loadable, searched before the standard set (http-api.md §2.7,
// spec §6.1). Files that are not labware (data, Python modules, the JSON protocol itself) are
// silently ignored, as the original does. One rule for JSON and Python protocols alike.
import type { LabwareDefinition } from '../common/index.ts';
import { labwareUri } from './labware.ts';
import { validateLabwareDefinition } from './schemas.ts';

export interface NamedFile {
  readonly name: string;
  readonly data: Uint8Array;
}

/**
 * The labware definitions among `files`, one per URI (`namespace/loadName/version`): the original
 * keeps them in a dict keyed by URI, so a second file with the same URI (a re-saved copy such as
 * `x0.json` beside `x.json`) replaces the first instead of making the load name ambiguous.
 */
export function customLabwareFromFiles(files: readonly NamedFile[]): LabwareDefinition[] {
  const found = new Map<string, LabwareDefinition>();
  const decoder = new TextDecoder();
  for (const file of files) {
    if (!file.name.toLowerCase().endsWith('json')) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(decoder.decode(file.data));
    } catch {
      continue;
    }
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) && validateLabwareDefinition(parsed).valid) {
      const definition = parsed as LabwareDefinition;
      found.set(labwareUri(definition), definition);
    }
  }
  return [...found.values()];
}
