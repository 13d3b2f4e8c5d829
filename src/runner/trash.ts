// The fixed trash's display name, for the drop-tip steps of a cancel (read from shared-data).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let cached: string | null = null;

export function fixedTrashName(): string {
  if (cached === null) {
    const def = require('@opentrons/shared-data/labware/definitions/2/opentrons_1_trash_1100ml_fixed/1.json') as {
      metadata: { displayName: string };
    };
    cached = def.metadata.displayName;
  }
  return cached;
}
