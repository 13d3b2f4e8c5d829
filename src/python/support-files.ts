// Support files uploaded beside a protocol: every one that is a valid labware definition (schema 2)
// becomes custom labware, searched before the standard set (http-api.md §2.7, spec §6.1). Files
// that are not labware (data, Python modules, a JSON protocol) are silently ignored here.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import type { ProtocolFileData } from '../analysis/types.ts';

let validator: ValidateFunction | null = null;

function labwareValidator(): ValidateFunction {
  if (validator) return validator;
  const require = createRequire(import.meta.url);
  const schemaPath = require.resolve('@opentrons/shared-data/labware/schemas/2.json');
  const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ strict: false, allErrors: false });
  validator = ajv.compile(schema);
  return validator;
}

/** Labware definitions found among the support files, in upload order. */
export function collectCustomLabware(files: readonly ProtocolFileData[]): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  for (const file of files) {
    if (!file.name.toLowerCase().endsWith('json')) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder().decode(file.data));
    } catch {
      continue;
    }
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) && labwareValidator()(parsed)) {
      found.push(parsed as Record<string, unknown>);
    }
  }
  return found;
}
