// The uploads' cache of recent analyses: least recently used out first, within a count and a size.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Analysis } from '../../src/analysis/index.ts';
import { RecentAnalyses } from '../../src/server/recent-analyses.ts';

function analysis(entries: number, reproducible = true): Analysis {
  return {
    ok: true,
    protocolType: 'python',
    metadata: {},
    rawMetadata: null,
    requiredEquipment: { pipettes: [], labware: [], modules: [] },
    errors: [],
    warnings: [],
    commandCount: entries,
    estimatedDurationSeconds: 0,
    runLog: Array.from({ length: entries }, (_, index) => ({ index, level: 0, text: `step ${index}`, name: 'command.COMMENT', line: null, startS: 0, durationS: 0 })),
    liquids: [],
    ...(reproducible ? {} : { reproducible: false }),
  } as unknown as Analysis;
}

describe('recent analyses', () => {
  test('keeps the most recently used within the count', () => {
    const recent = new RecentAnalyses({ entries: 2, items: 1000 });
    const a = analysis(1);
    recent.remember('a', a);
    recent.remember('b', analysis(1));
    assert.equal(recent.get('a'), a, 'a is now the most recent');
    recent.remember('c', analysis(1));
    assert.equal(recent.get('b'), null, 'b, the least recently used, went first');
    assert.equal(recent.get('a'), a);
    assert.notEqual(recent.get('c'), null);
    assert.equal(recent.size, 2);
  });

  test('keeps their run logs and commands within the size, and none larger than it', () => {
    const recent = new RecentAnalyses({ entries: 10, items: 10 });
    recent.remember('a', analysis(6));
    recent.remember('b', analysis(3));
    recent.remember('c', analysis(4));
    assert.equal(recent.get('a'), null, 'a went: 13 items are more than 10');
    assert.notEqual(recent.get('b'), null);
    assert.notEqual(recent.get('c'), null);
    recent.remember('huge', analysis(11));
    assert.equal(recent.get('huge'), null);
    assert.equal(recent.size, 2, 'nothing was pushed out for an analysis that could not be kept');
  });

  test('never keeps an analysis that another run may not repeat', () => {
    const recent = new RecentAnalyses();
    recent.remember('clock', analysis(1, false));
    assert.equal(recent.get('clock'), null);
  });

  test('remembering a key again replaces its analysis and counts its size once', () => {
    const recent = new RecentAnalyses({ entries: 10, items: 10 });
    recent.remember('a', analysis(6));
    const again = analysis(6);
    recent.remember('a', again);
    recent.remember('b', analysis(4));
    assert.equal(recent.get('a'), again);
    assert.notEqual(recent.get('b'), null);
  });
});
