// Liquids a Python protocol defines (`ctx.define_liquid`, apiLevel ≥ 2.14): checked and named as
// the Protocol Engine's Liquid model does, then available to `loadLiquid`.
import { pyError } from './errors.ts';
import type { EngineState } from './state.ts';
import type { EngineLiquid } from './types.ts';
import { issueId } from './ids.ts';
import { applyUpdate } from './stores/index.ts';

/** pydantic's `Color` as the Liquid model takes it: `#` and 3, 4, 6 or 8 hex digits. */
const HEX_COLOR = /^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;

export function defineLiquid(st: EngineState, name: string, description: string | null, displayColor: string | null): EngineLiquid {
  if (displayColor !== null && !HEX_COLOR.test(displayColor)) {
    throw pyError('ValidationError', '1 validation error for Liquid\ndisplayColor -> __root__\n  Color is not a valid hex color. (type=value_error)');
  }
  const liquid: EngineLiquid = { id: issueId(st, 'liquid'), displayName: name, description: description ?? '', displayColor };
  applyUpdate(st, { type: 'liquid/defined', liquid });
  return liquid;
}
