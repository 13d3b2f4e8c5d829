import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { delayParts, pyFloat, pyNum, pyRepr, pyRound } from '../../src/engine/index.ts';

describe('Python number formatting', () => {
  it('float repr', () => {
    assert.equal(pyFloat(100), '100.0');
    assert.equal(pyFloat(92.86), '92.86');
    assert.equal(pyFloat(0.3 * 92.86), '27.858');
    assert.equal(pyFloat(10.123456789 + 10), '20.123456789000002');
    assert.equal(pyFloat(265 + 82.84), '347.84000000000003');
    assert.equal(pyFloat(1e-5), '1e-05');
    assert.equal(pyFloat(0.0001), '0.0001');
    assert.equal(pyFloat(1e16), '1e+16');
    assert.equal(pyFloat(1.5e16), '1.5e+16');
    assert.equal(pyFloat(123456789012345.6), '123456789012345.6');
    assert.equal(pyFloat(-0), '-0.0');
  });

  it('int vs float', () => {
    assert.equal(pyNum(2), '2');
    assert.equal(pyNum({ float: 2 }), '2.0');
    assert.equal(pyNum(2.5), '2.5');
  });

  it("banker's round on the exact binary value", () => {
    assert.equal(pyRound(2.675, 2), 2.67);
    assert.equal(pyRound(0.125, 2), 0.12);
    assert.equal(pyRound(0.375, 2), 0.38);
    assert.equal(pyRound(37.5, 0), 38);
    assert.equal(pyRound(4.5, 0), 4);
    assert.equal(pyRound(5.5, 0), 6);
    assert.equal(pyRound(-0.125, 2), -0.12);
  });

  it('delay minutes and seconds', () => {
    const fmt = (s: number, m: number) => {
      const p = delayParts(s, m);
      return `${p.m} minutes and ${pyFloat(p.s)} seconds`;
    };
    assert.equal(fmt(0, 0), '0 minutes and 0.0 seconds');
    assert.equal(fmt(1.5, 0), '0 minutes and 1.5 seconds');
    assert.equal(fmt(0, 1.5), '1 minutes and 30.0 seconds');
    assert.equal(fmt(90, 0), '1 minutes and 30.0 seconds');
    assert.equal(fmt(0.0001, 0), '0 minutes and 0.0 seconds');
    assert.equal(fmt(125.12345, 2), '4 minutes and 5.123 seconds');
  });

  it('repr of lists and dicts', () => {
    assert.equal(
      pyRepr([{ temperature: 95, hold_time_seconds: 10 }, { temperature: 60, hold_time_minutes: 0.5 }]),
      "[{'temperature': 95, 'hold_time_seconds': 10}, {'temperature': 60, 'hold_time_minutes': 0.5}]",
    );
    assert.equal(pyRepr(["it's", true, null]), `["it's", True, None]`);
  });
});
