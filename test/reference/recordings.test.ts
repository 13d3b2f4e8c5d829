// The project's fixtures of the original's output (test/fixtures/original/) still say what the
// recordings in the reference material say: every recorded fact carried over, none altered.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { jsonProtocolFixture, labwareRenames, originalExchanges, originalJsonAnalyses } from '../helpers/original.ts';
import { recordedExchanges } from './recordings.ts';
import { requireReference, SHARED } from './shared.ts';

requireReference();

const reference = (name: string): string => readFileSync(path.join(SHARED, 'reference', name), 'utf8');

test('http-exchanges.json holds every recorded exchange, exactly', () => {
  const recorded = recordedExchanges();
  assert.equal(recorded.length, 74);
  assert.deepEqual(originalExchanges(), recorded);
});

test('json-analyses.json holds every recorded JSON protocol analysis, exactly', () => {
  const records = reference('json-fixtures-runlogs.jsonl')
    .trim()
    .split('\n')
    .map(
      (line) =>
        JSON.parse(line) as {
          id: string;
          ok: boolean;
          runlog: string[];
          equipment: unknown;
          robot_server_analysis: { metadata: unknown; errors: { type: string; description: string }[] };
        },
    );
  const fixtures = originalJsonAnalyses();
  assert.deepEqual(Object.keys(fixtures), records.map((r) => r.id));
  for (const r of records) {
    assert.deepEqual(
      fixtures[r.id],
      {
        ok: r.ok,
        metadata: r.robot_server_analysis.metadata,
        requiredEquipment: r.equipment,
        errors: r.robot_server_analysis.errors.map((e) => ({ type: e.type, description: e.description })),
        runLog: r.runlog,
      },
      r.id,
    );
  }
});

test('labware-renames.json holds every recorded display name change, exactly', () => {
  const doc = JSON.parse(reference('labware-display-name-changes.json')) as {
    changes: { uri: string; displayName4_7_0: string; displayNameNow: string }[];
  };
  assert.deepEqual(
    labwareRenames,
    doc.changes.map((c) => ({ uri: c.uri, then: c.displayName4_7_0, now: c.displayNameNow })),
  );
});

test('the recorded JSON fixtures are the ones shared-data ships, but for links and legacy module names', () => {
  for (const id of Object.keys(originalJsonAnalyses())) {
    const recorded = path.join(SHARED, 'reference/json-fixtures', id);
    let text: string;
    try {
      text = readFileSync(recorded, 'utf8');
    } catch {
      continue; // refused schemas were recorded without their file
    }
    const strip = (json: string): string =>
      json
        .replace(/"(https?:)?\/\/[^"]*"/g, '"<link>"')
        .replace(/"tempdeck"/g, '"temperatureModuleV1"')
        .replace(/"magdeck"/g, '"magneticModuleV1"');
    assert.deepEqual(JSON.parse(strip(readFileSync(jsonProtocolFixture(id), 'utf8'))), JSON.parse(strip(text)), id);
  }
});
