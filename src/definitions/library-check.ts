// What the lab's labware library accepts: a labware schema 2 definition outside the `opentrons`
// namespace (a standard definition can never be overridden), with sizes a real labware can have.
// The schema bounds neither the number of wells nor any dimension, and a definition with a
// million wells or a 10 m plate would cost every analysis and page that draws it.
import type { LabwareDefinition } from '../common/index.ts';
import { validateLabwareDefinition } from './schemas.ts';

/** One reason a definition is refused; `pointer` is a JSON pointer into the definition. */
export interface LabwareIssue {
  pointer: string;
  detail: string;
}

export type LabwareCheck = { ok: true; definition: LabwareDefinition } | { ok: false; issues: LabwareIssue[] };

/** The most wells a definition may have: the densest plate made (1536 wells). */
export const MAX_WELLS = 1536;
/** Largest footprint (mm): two slots' pitch each way, far beyond any OT-2 labware. */
export const MAX_FOOTPRINT_MM = 265;
/** Tallest labware (mm); the OT-2's gantry clears far less. */
export const MAX_HEIGHT_MM = 300;
/** Largest well (µL): 2 L, beyond the largest reservoir. */
export const MAX_WELL_VOLUME_UL = 2_000_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function within(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}

/** Size checks on a schema-valid definition: the first problem found, or none. */
export function labwareSizeIssues(def: LabwareDefinition): LabwareIssue[] {
  const wellNames = Object.keys(def.wells);
  if (wellNames.length === 0) return [{ pointer: '/wells', detail: 'must have at least one well' }];
  if (wellNames.length > MAX_WELLS) return [{ pointer: '/wells', detail: `has ${wellNames.length} wells; at most ${MAX_WELLS} are accepted` }];
  const dims = def.dimensions;
  const limits: [keyof typeof dims, number][] = [
    ['xDimension', MAX_FOOTPRINT_MM],
    ['yDimension', MAX_FOOTPRINT_MM],
    ['zDimension', MAX_HEIGHT_MM],
  ];
  for (const [key, max] of limits) {
    if (!within(dims[key], Number.MIN_VALUE, max)) {
      return [{ pointer: `/dimensions/${key}`, detail: `must be a number above 0 and at most ${max} mm, got ${String(dims[key])}` }];
    }
  }
  for (const name of wellNames) {
    const well = def.wells[name];
    const at = `/wells/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    const checks: [string, unknown, number, number][] = [
      ['depth', well.depth, 0, MAX_HEIGHT_MM],
      ['totalLiquidVolume', well.totalLiquidVolume, 0, MAX_WELL_VOLUME_UL],
      ['x', well.x, -MAX_FOOTPRINT_MM, MAX_FOOTPRINT_MM],
      ['y', well.y, -MAX_FOOTPRINT_MM, MAX_FOOTPRINT_MM],
      ['z', well.z, -MAX_HEIGHT_MM, MAX_HEIGHT_MM],
      ['diameter', well.diameter ?? 0, 0, MAX_FOOTPRINT_MM],
      ['xDimension', well.xDimension ?? 0, 0, MAX_FOOTPRINT_MM],
      ['yDimension', well.yDimension ?? 0, 0, MAX_FOOTPRINT_MM],
    ];
    for (const [key, value, min, max] of checks) {
      if (!within(value, min, max)) return [{ pointer: `${at}/${key}`, detail: `must be between ${min} and ${max}, got ${String(value)}` }];
    }
  }
  const known = new Set(wellNames);
  for (const [c, column] of def.ordering.entries()) {
    for (const [r, name] of column.entries()) {
      if (!known.has(name)) return [{ pointer: `/ordering/${c}/${r}`, detail: `names well '${name}', which is not in wells` }];
    }
  }
  return [];
}

/** Validates a candidate for the library: schema 2, not `opentrons`, sizes within the limits. */
export function checkLibraryLabware(value: unknown): LabwareCheck {
  if (!isRecord(value)) return { ok: false, issues: [{ pointer: '', detail: 'a labware definition must be a JSON object' }] };
  const schema = validateLabwareDefinition(value);
  if (!schema.valid) {
    return { ok: false, issues: [{ pointer: schema.errorPath ?? '', detail: `labware schema 2: ${schema.errorMessage ?? 'is invalid'}` }] };
  }
  const def = value as unknown as LabwareDefinition;
  if (def.namespace.toLowerCase() === 'opentrons') {
    return {
      ok: false,
      issues: [{ pointer: '/namespace', detail: "the 'opentrons' namespace is reserved for the standard definitions; use your lab's own namespace" }],
    };
  }
  const sizes = labwareSizeIssues(def);
  return sizes.length > 0 ? { ok: false, issues: sizes } : { ok: true, definition: def };
}
