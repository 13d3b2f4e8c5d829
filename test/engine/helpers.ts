import { sharedDefinitions } from '../../src/definitions/index.ts';
import { ProtocolEngine, ProtocolApiError } from '../../src/engine/index.ts';
import type { WellArg } from '../../src/engine/index.ts';
import assert from 'node:assert/strict';

export function engine(apiLevel = '2.11'): ProtocolEngine {
  return new ProtocolEngine({ apiLevel, definitions: sharedDefinitions() });
}

export function well(labwareId: string, wellName: string): WellArg {
  return { kind: 'well', labwareId, wellName };
}

export function texts(e: ProtocolEngine): string[] {
  return e.runLog.map((x) => '\t'.repeat(x.level) + x.text);
}

export function throwsPy(fn: () => unknown, pyType: string, message: string | RegExp): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof ProtocolApiError, `expected ProtocolApiError, got ${String(err)}`);
    assert.equal(err.pyType, pyType);
    if (typeof message === 'string') assert.equal(err.message, message);
    else assert.match(err.message, message);
    return true;
  });
}

/** The seed-style setup: plate in 1, 300 µL tips in 2, a P300 GEN2 on the right. */
export function basic(apiLevel = '2.11') {
  const e = engine(apiLevel);
  const plate = e.loadLabware('corning_96_wellplate_360ul_flat', 1).labwareId;
  const tips = e.loadLabware('opentrons_96_tiprack_300ul', 2).labwareId;
  const p = e.loadInstrument('p300_single_gen2', 'right', [tips]).pipetteId;
  return { e, plate, tips, p };
}
