// Every JSON protocol fixture the original analysed is a test: the fixture as shared-data ships it,
// against what 4.7.0 reported for it (test/fixtures/original/json-analyses.json): run log line for
// line, equipment, errors, metadata.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { jsonProtocolFixture, originalJsonAnalyses, withTodaysNames } from '../helpers/original.ts';
import { analyze, lines } from './helpers.ts';

/** 4.7.0 refused schemas 6 and later; Labwright now runs them as robot software 7 does (test/json/engine-json-fixtures.test.ts). */
const readBy470 = (id: string) => Number(id.split('/')[0]) < 6;

describe('JSON fixtures match the original 4.7.0 analysis', () => {
  for (const [id, original] of Object.entries(originalJsonAnalyses()).filter(([id]) => readBy470(id))) {
    it(id, { timeout: 30_000 }, async () => {
      const name = id.split('/')[1];
      const a = await analyze(name, readFileSync(jsonProtocolFixture(id)));
      // Each line equals the original's, or differs only by a labware renamed since 4.7.0
      // (labels written into the JSON keep the old name, definition names are today's).
      const got = lines(a);
      assert.equal(got.length, original.runLog.length, `run log length\n${got.join('\n')}`);
      got.forEach((line, i) => {
        if (line !== original.runLog[i]) assert.equal(line, withTodaysNames(original.runLog[i]), `run log line ${i}`);
      });
      assert.deepEqual(a.requiredEquipment, original.requiredEquipment);
      assert.deepEqual(
        a.errors.map((e) => ({ type: e.type, description: e.description })),
        original.errors,
      );
      // The original omits lineNumber/fileName for JSON protocol errors.
      for (const e of a.errors) {
        assert.equal(e.lineNumber ?? null, null);
        assert.equal(e.fileName ?? null, null);
      }
      assert.deepEqual(a.metadata, original.metadata);
      assert.equal(a.ok, original.ok);
      assert.equal(a.commandCount, a.runLog.length);
      a.runLog.forEach((e, i) => {
        assert.equal(e.index, i);
        assert.ok(e.durationS >= 0 && e.startS >= 0);
      });
    });
  }
});
