// The rule that decides which analyses a library change makes stale: pure, so every case is cheap.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Analysis, CustomLabwareUse } from '../../src/analysis/index.ts';
import { findLabwareDefinition } from '../../src/definitions/index.ts';
import type { LabwareDefinition } from '../../src/engine/index.ts';
import { contentHash, staleReason, type LibrarySnapshot } from '../../src/library/index.ts';
import { labDefinition } from './helpers.ts';

function snapshot(defs: LabwareDefinition[]): LibrarySnapshot {
  return { revision: 1, definitions: defs, hashes: new Map(defs.map((d) => [`${d.namespace}/${d.parameters.loadName}/${d.version}`, contentHash(d)])) };
}

function analysisWith(uses: CustomLabwareUse[], ok = true): Analysis {
  return {
    ok,
    protocolType: 'python',
    metadata: { name: null, author: null, apiLevel: '2.8' },
    rawMetadata: null,
    requiredEquipment: { pipettes: [], labware: [], modules: [] },
    errors: ok ? [] : [{ type: 'ExceptionInProtocolError', description: 'x' }],
    warnings: [],
    commandCount: 0,
    estimatedDurationSeconds: 0,
    runLog: [],
    liquids: [],
    customLabware: uses,
  };
}

const v1 = labDefinition() as unknown as LabwareDefinition;
const v2 = labDefinition('ourlab_6_tuberack_50ml', 2) as unknown as LabwareDefinition;
const renamed = labDefinition('ourlab_6_tuberack_50ml', 1, 'Renamed') as unknown as LabwareDefinition;
const use = (requested: CustomLabwareUse['requested']): CustomLabwareUse => ({ uri: 'ourlab/ourlab_6_tuberack_50ml/1', source: 'library', requested, sha256: contentHash(v1) });

test('an analysis holds while every library lookup it made finds the same definition', { timeout: 10_000 }, () => {
  const exact = use({ loadName: 'ourlab_6_tuberack_50ml', namespace: 'ourlab', version: 1 });
  assert.equal(staleReason(analysisWith([exact]), snapshot([v1])), null);
  // Another version added: a request naming its version still finds version 1.
  assert.equal(staleReason(analysisWith([exact]), snapshot([v1, v2])), null);
  // Protocols that never touched the library and succeeded are unaffected by anything.
  assert.equal(staleReason(analysisWith([]), snapshot([])), null);
  assert.equal(staleReason(analysisWith([{ ...exact, source: 'protocol' }]), snapshot([])), null);
});

test('removed, changed, ambiguous or failed: stale with the reason', { timeout: 10_000 }, () => {
  const exact = use({ loadName: 'ourlab_6_tuberack_50ml', namespace: 'ourlab', version: 1 });
  assert.equal(staleReason(analysisWith([exact]), snapshot([])), 'labware ourlab/ourlab_6_tuberack_50ml/1 is no longer in the labware library');
  assert.equal(staleReason(analysisWith([exact]), snapshot([renamed])), 'labware ourlab/ourlab_6_tuberack_50ml/1 changed in the labware library');
  // By load name alone, a second version makes the request ambiguous: a run would fail.
  const byName = use({ loadName: 'ourlab_6_tuberack_50ml', namespace: null, version: null });
  assert.equal(staleReason(analysisWith([byName]), snapshot([v1])), null);
  assert.equal(
    staleReason(analysisWith([byName]), snapshot([v1, v2])),
    'labware ourlab/ourlab_6_tuberack_50ml/1: the labware library now has several definitions for "ourlab_6_tuberack_50ml"',
  );
  assert.equal(staleReason(analysisWith([], false), snapshot([v1])), 'the labware library changed after this analysis failed');
});

test('lookup order: own definitions, then the standard set, then the library', { timeout: 10_000 }, () => {
  const shadow = { ...v1, parameters: { ...v1.parameters, loadName: 'corning_96_wellplate_360ul_flat' } } as LabwareDefinition;
  const standard = findLabwareDefinition('corning_96_wellplate_360ul_flat', null, null, [], [shadow]);
  assert.ok(standard.ok && standard.origin === 'standard', 'a library definition never changes a standard load name');
  const own = findLabwareDefinition('ourlab_6_tuberack_50ml', null, null, [renamed], [v1]);
  assert.ok(own.ok && own.origin === 'supportFile' && own.definition.metadata.displayName === 'Renamed');
  const lib = findLabwareDefinition('OURLAB_6_TUBERACK_50ML', 'OurLab', null, [], [v1]);
  assert.ok(lib.ok && lib.origin === 'library');
  const ambiguous = findLabwareDefinition('ourlab_6_tuberack_50ml', null, null, [], [v1, v2]);
  assert.ok(!ambiguous.ok && ambiguous.error.type === 'RuntimeError');
  assert.match(ambiguous.ok ? '' : ambiguous.error.message, /ourlab\/ourlab_6_tuberack_50ml\/1, ourlab\/ourlab_6_tuberack_50ml\/2/);
  const opentrons = findLabwareDefinition('ourlab_6_tuberack_50ml', 'opentrons', null, [], [v1]);
  assert.ok(!opentrons.ok, 'namespace opentrons never reaches the library');
});
