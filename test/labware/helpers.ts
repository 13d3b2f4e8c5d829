// Custom labware for tests, made from a standard definition of the installed shared-data package
// under the lab's own namespace and load name.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
const sharedData = path.dirname(require.resolve('@opentrons/shared-data/package.json'));

export type Definition = Record<string, unknown> & {
  namespace: string;
  version: number;
  parameters: Record<string, unknown> & { loadName: string };
  metadata: Record<string, unknown> & { displayName: string };
  wells: Record<string, Record<string, unknown>>;
  dimensions: Record<string, number>;
};

export function standardDefinition(loadName: string): Definition {
  return JSON.parse(readFileSync(path.join(sharedData, 'labware', 'definitions', '2', loadName, '1.json'), 'utf8')) as Definition;
}

/** A 6-tube rack as the lab's own definition `ourlab/<loadName>/<version>`. */
export function labDefinition(loadName = 'ourlab_6_tuberack_50ml', version = 1, displayName = 'Our Lab 6 Tube Rack 50 mL'): Definition {
  const def = standardDefinition('opentrons_6_tuberack_falcon_50ml_conical');
  return {
    ...def,
    namespace: 'ourlab',
    version,
    parameters: { ...def.parameters, loadName },
    metadata: { ...def.metadata, displayName },
  };
}
