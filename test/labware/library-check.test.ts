// The size limits refuse absurd definitions but no real one: every standard definition passes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { labwareSizeIssues, standardLabware, STANDARD_LOAD_NAMES } from '../../src/definitions/index.ts';
import { canonicalJson, contentHash } from '../../src/library/index.ts';

test('every standard definition is within the library size limits', { timeout: 30_000 }, () => {
  for (const loadName of STANDARD_LOAD_NAMES) {
    const def = standardLabware(loadName, 1);
    assert.ok(def, loadName);
    assert.deepEqual(labwareSizeIssues(def), [], loadName);
  }
});

test('content hashes ignore key order and whitespace, not values', { timeout: 10_000 }, () => {
  assert.equal(canonicalJson({ b: [1, { d: 2, c: 3 }], a: 'x' }), '{"a":"x","b":[1,{"c":3,"d":2}]}');
  assert.equal(contentHash({ a: 1, b: 2 }), contentHash(JSON.parse('{ "b": 2,\n "a": 1 }')));
  assert.notEqual(contentHash({ a: 1 }), contentHash({ a: 2 }));
});
