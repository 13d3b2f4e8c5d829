// Every JSON fixture of the original is a test: run log line for line, equipment, errors.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyze, displayNameChanges, fixturePath, hasFixture, lines, referenceRuns } from './helpers.ts';

const renames = displayNameChanges();
function today(line: string): string {
  let out = line;
  for (const [old, now] of renames) out = out.split(old).join(now);
  return out;
}

describe('JSON fixtures match the original 4.7.0 analysis', () => {
  for (const ref of referenceRuns()) {
    if (!hasFixture(ref.id)) continue;
    it(ref.id, async () => {
      const name = ref.id.split('/')[1];
      const a = await analyze(name, readFileSync(fixturePath(ref.id)));
      // Each line equals the reference, or differs only by a labware renamed since 4.7.0
      // (labels written into the JSON keep the old name, definition names are today's).
      const got = lines(a);
      assert.equal(got.length, ref.runlog.length, `run log length\n${got.join('\n')}`);
      got.forEach((line, i) => {
        if (line !== ref.runlog[i]) assert.equal(line, today(ref.runlog[i]), `run log line ${i}`);
      });
      assert.deepEqual(a.requiredEquipment, ref.equipment);
      const expectedErrors = ref.robot_server_analysis.errors.map((e) => ({ type: e.type, description: e.description }));
      assert.deepEqual(
        a.errors.map((e) => ({ type: e.type, description: e.description })),
        expectedErrors,
      );
      // The original omits lineNumber/fileName for execution errors (null in the recording).
      for (const e of a.errors) {
        assert.equal(e.lineNumber ?? null, null);
        assert.equal(e.fileName ?? null, null);
      }
      assert.deepEqual(a.metadata, ref.robot_server_analysis.metadata);
      assert.equal(a.ok, ref.ok);
      assert.equal(a.commandCount, a.runLog.length);
      a.runLog.forEach((e, i) => {
        assert.equal(e.index, i);
        assert.ok(e.durationS >= 0 && e.startS >= 0);
      });
    });
  }
});

describe('refused schema versions recorded by the original', () => {
  for (const ref of referenceRuns()) {
    if (hasFixture(ref.id) || ref.ok) continue;
    const [major] = ref.id.split('/');
    it(`schema ${major} (${ref.id}) is refused with the recorded error`, async () => {
      const doc =
        major === '1'
          ? { 'protocol-schema': '1.0.0', metadata: {} }
          : { $otSharedSchema: `#/protocol/schemas/${major}`, schemaVersion: Number(major), metadata: {} };
      const a = await analyze('p.json', JSON.stringify(doc));
      assert.deepEqual(
        a.errors.map((e) => ({ type: e.type, description: e.description })),
        ref.robot_server_analysis.errors.map((e) => ({ type: e.type, description: e.description })),
      );
      assert.deepEqual(a.metadata, { name: null, author: null, apiLevel: null });
      assert.deepEqual(a.runLog, []);
    });
  }
});
