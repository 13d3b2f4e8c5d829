import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  STANDARD_LOAD_NAMES,
  findLabwareDefinition,
  moduleSpec,
  pipetteSpec,
  resolveModuleName,
  standardLabware,
  validateLabwareDefinition,
} from '../../src/definitions/index.ts';
import type { LabwareDefinition } from '../../src/engine/index.ts';

function customPlate(): LabwareDefinition {
  const def = structuredClone(standardLabware('corning_96_wellplate_360ul_flat', 1)) as LabwareDefinition;
  def.namespace = 'custom_beta';
  def.parameters.loadName = 'my_plate';
  def.metadata.displayName = 'My Custom Plate';
  return def;
}

describe('labware definitions', () => {
  it('all 60 load names of 4.7.0 resolve in the pinned package', () => {
    assert.equal(STANDARD_LOAD_NAMES.size, 60);
    for (const name of STANDARD_LOAD_NAMES) assert.ok(standardLabware(name, 1), name);
  });

  it('lookup: lower-cased names, custom definitions first, exact errors', () => {
    const custom = customPlate();
    const r = findLabwareDefinition('MY_PLATE', null, null, [custom]);
    assert.ok(r.ok && r.definition === custom);
    const ns = findLabwareDefinition('my_plate', 'nope', null, [custom]);
    assert.deepEqual(ns, {
      ok: false,
      error: { type: 'FileNotFoundError', message: 'Labware "my_plate" not found with version 1 in namespace "nope".' },
    });
    const missing = findLabwareDefinition('my_plate', null, 3, [custom]);
    assert.ok(!missing.ok && missing.error.message.startsWith('Unable to find a labware\n        definition for "my_plate",\n        version 3,'));
    assert.ok(!missing.ok && missing.error.message.endsWith('uploading your protocol.\n        '));
  });

  it('schema 2 validation names the failing field', () => {
    const def = customPlate();
    assert.deepEqual(validateLabwareDefinition(def), { valid: true, error: null, errorPath: null, errorMessage: null });
    def.parameters.loadName = 'My Plate';
    assert.deepEqual(validateLabwareDefinition(def), {
      valid: false,
      error: '/parameters/loadName must match pattern "^[a-z0-9._]+$"',
      errorPath: '/parameters/loadName',
      errorMessage: 'must match pattern "^[a-z0-9._]+$"',
    });
  });
});

describe('pipette and module specs', () => {
  it('GEN2 single-channel flow rates double at 2.6', () => {
    const p = pipetteSpec('p20_single_gen2');
    assert.ok(p);
    assert.equal(p.model, 'p20_single_v2.0');
    assert.equal(p.defaultFlowRates([2, 5]).aspirate, 3.78);
    assert.equal(p.defaultFlowRates([2, 6]).aspirate, 7.56);
    assert.equal(pipetteSpec('p1000_single')?.model, 'p1000_single_v1');
    assert.equal(pipetteSpec('p1000_96'), null);
  });

  it('module aliases and display names', () => {
    assert.equal(resolveModuleName('Temperature Module GEN2'), 'temperatureModuleV2');
    assert.equal(resolveModuleName('magneticmodulev1'), null);
    assert.equal(moduleSpec('magneticModuleV1', true)?.displayName, 'Magnetic Module');
    assert.equal(moduleSpec('magneticModuleV2', true), null);
    assert.equal(moduleSpec('temperatureModuleV2', false)?.displayName, 'Temperature Module GEN2');
  });
});
