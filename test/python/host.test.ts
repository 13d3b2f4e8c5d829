// The bridge host without an interpreter: the request envelope, engine commands run by type, the
// named views, and the answer to `parsed` (the engine's highest level and its refusal).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RunLogEntry } from '../../src/common/index.ts';
import { createHost } from '../../src/python/child/host.ts';
import type { Host } from '../../src/python/child/host.ts';

function host(apiLevel = '2.11'): { h: Host; steps: RunLogEntry[][]; call: (request: unknown) => unknown } {
  const steps: RunLogEntry[][] = [];
  const h = createHost({
    mode: 'analyze',
    customLabware: [],
    labwareLibrary: [],
    onStep: (entries) => steps.push([...entries]),
    onWait: null,
    onParsed: () => {},
  });
  const call = (request: unknown): unknown => JSON.parse(h.call(JSON.stringify(request)));
  call({ request: 'parsed', args: { metadata: {}, apiLevel } });
  return { h, steps, call };
}

describe('bridge host', () => {
  it('answers parsed with the engine level rules, and its refusal of a level above its highest', () => {
    const { call } = host();
    const started = call({ request: 'parsed', args: { metadata: {}, apiLevel: '2.11' } }) as {
      result: { maxSupportedVersion: number[]; members: Record<string, number[]>; refusal: unknown };
    };
    assert.deepEqual(started.result.maxSupportedVersion, [2, 19]);
    assert.deepEqual(started.result.members['ProtocolContext.set_rail_lights'], [2, 5]);
    assert.equal(started.result.refusal, null);
    const refused = call({ request: 'parsed', args: { metadata: {}, apiLevel: '2.20' } }) as { result: { refusal: unknown } };
    assert.deepEqual(refused.result.refusal, {
      type: 'RuntimeError',
      message: 'API version 2.20 is not supported by this robot software. Please either reduce your requested API version or update your robot.',
    });
  });

  it('runs commands by type, reports their entries as a step and answers their errors', () => {
    const { h, steps, call } = host();
    assert.deepEqual(call({ commandType: 'comment', params: { message: 'hi' }, line: 7 }), { result: null });
    assert.deepEqual(
      steps.map((s) => s.map((e) => [e.text, e.line])),
      [[['hi', 7]]],
    );
    assert.deepEqual(call({ commandType: 'waitForDuration', params: { seconds: { float: 1.5 }, message: null }, line: null }), { result: null });
    assert.deepEqual(call({ commandType: 'comment', params: { message: 5 }, line: null }), {
      error: { type: 'TypeError', message: 'comment: params.message: Expected string' },
    });
    assert.deepEqual(call({ commandType: 'labwright/setFlowRate', params: { pipetteId: 'nope', aspirate: 1 }, line: null }), {
      error: { type: 'KeyError', message: "'nope'" },
    });
    assert.deepEqual(
      h.finish(true).runLog.map((e) => e.text),
      ['hi', 'Delaying for 0 minutes and 1.5 seconds'],
    );
  });

  it('refuses a request outside the envelope', () => {
    const { call } = host();
    const answer = call({ op: 'comment', args: { text: 'x' }, line: null }) as { error: { type: string; message: string } };
    assert.equal(answer.error.type, 'RuntimeError');
    assert.match(answer.error.message, /^internal error: bad bridge request/);
  });

  it('reads views: labware without its definition, the definition on demand, the engine tip search', () => {
    const { call } = host();
    const rack = (call({ commandType: 'loadLabware', params: { location: { slotName: 1 }, loadName: 'opentrons_96_tiprack_300ul' }, line: null }) as {
      result: { labwareId: string; definition?: unknown };
    }).result;
    assert.equal('definition' in rack, false);
    const info = call({ view: 'labwareInfo', args: { labwareId: rack.labwareId } }) as { result: Record<string, unknown> };
    assert.equal('definition' in info.result, false);
    const definition = call({ view: 'labwareDefinition', args: { labwareId: rack.labwareId } }) as { result: { parameters: { loadName: string } } };
    assert.equal(definition.result.parameters.loadName, 'opentrons_96_tiprack_300ul');
    call({ commandType: 'labwright/useTips', params: { labwareId: rack.labwareId, wellName: 'A1', numChannels: 8 }, line: null });
    assert.deepEqual(call({ view: 'nextAvailableTip', args: { tipRackIds: [rack.labwareId], startingTip: null, channels: 8 } }), {
      result: { labwareId: rack.labwareId, wellName: 'A2' },
    });
    assert.deepEqual(
      call({ view: 'nextAvailableTip', args: { tipRackIds: [rack.labwareId], startingTip: { labwareId: rack.labwareId, wellName: 'B12' }, channels: 1 } }),
      { result: { labwareId: rack.labwareId, wellName: 'B12' } },
    );
    assert.deepEqual(call({ view: 'nextAvailableTip', args: { tipRackIds: [], startingTip: { labwareId: rack.labwareId, wellName: 'A1' }, channels: 1 } }), {
      result: null,
    });
  });

  it('gives the engine APIVersionError text and the texts a pause or delay message is formatted with', () => {
    const { call } = host('2.4');
    assert.deepEqual(call({ view: 'requireMember', args: { member: 'ProtocolContext.set_rail_lights' } }), {
      error: {
        type: 'APIVersionError',
        message:
          'ProtocolContext.set_rail_lights was added in 2.5, but your protocol requested version 2.4. You must increase your API version to 2.5 to use this functionality.',
      },
    });
    assert.deepEqual(call({ view: 'requireMember', args: { member: 'ModuleContext.load_labware_by_name' } }), { result: null });
    assert.equal((call({ view: 'requireMember', args: { member: 'x' } }) as { error: { type: string } }).error.type, 'TypeError');
    assert.deepEqual(call({ view: 'pausePayload', args: { message: '{text}' } }), { result: { text: 'Pausing robot operation: {text}', userMessage: '{text}' } });
    assert.deepEqual(call({ view: 'delayPayload', args: { seconds: 90, minutes: { float: 1 }, message: '{seconds}' } }), {
      result: { text: 'Delaying for 2 minutes and 30.0 seconds. {seconds}', minutes: 2, seconds: 30 },
    });
    assert.deepEqual(call({ view: 'nope', args: {} }), { error: { type: 'RuntimeError', message: 'unknown view "nope"' } });
  });
});
