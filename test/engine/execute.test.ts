// The engine's one entry point: commands as data in, command records out, errors as data.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commandTypes, lookupCommand, ProtocolApiError, TransferPlan } from '../../src/engine/index.ts';
import type { AnyCommand, ComplexOptions, ProtocolEngine } from '../../src/engine/index.ts';
import { basic, engine, texts, well } from './helpers.ts';

describe('engine.execute', () => {
  it('records each command in order with its result and the modeled clock', () => {
    const e = engine();
    const tips = e.execute({ commandType: 'loadLabware', params: { location: { slotName: 2 }, loadName: 'opentrons_96_tiprack_300ul' } });
    assert.equal(tips.status, 'succeeded');
    assert.equal(tips.id, 'command-1');
    const tipsId = (tips.result as { labwareId: string }).labwareId;
    const pipette = e.execute({ commandType: 'loadPipette', params: { pipetteName: 'p300_single_gen2', mount: 'right', tipRackIds: [tipsId] } });
    const pipetteId = (pipette.result as { pipetteId: string }).pipetteId;
    const pick = e.execute({ commandType: 'pickUpTip', params: { pipetteId } });
    assert.equal(pick.status, 'succeeded');
    assert.deepEqual([pick.id, pick.commandType, pick.parentId, pick.error], ['command-3', 'pickUpTip', null, null]);
    assert.equal(pick.startedAt, 0);
    assert.ok(pick.completedAt > pick.startedAt, 'a pick-up takes modeled time');
    assert.equal(pick.completedAt, e.clock);
    assert.deepEqual([pick.firstEntry, pick.entryCount], [0, 1]);
    assert.equal(e.runLog[pick.firstEntry].text, 'Picking up tip from A1 of Opentrons OT-2 96 Tip Rack 300 µL on 2');
    assert.deepEqual(
      e.commands.map((c) => c.commandType),
      ['loadLabware', 'loadPipette', 'pickUpTip'],
    );
  });

  it('returns a failure as data: the Python class and message, and nothing logged', () => {
    const { e, p, plate } = basic();
    const record = e.execute({ commandType: 'aspirate', params: { pipetteId: p, volume: 50, location: well(plate, 'A1') } });
    assert.equal(record.status, 'failed');
    assert.deepEqual(record.error, { errorType: 'NoTipAttachedError', detail: 'Cannot perform PREPARE_ASPIRATE without a tip attached' });
    assert.equal(record.result, null);
    assert.equal(e.runLog.length, 0);
  });

  it('checks params against the command schema and names the field', () => {
    const { e, p } = basic();
    const record = e.execute({ commandType: 'aspirate', params: { pipetteId: p, volume: 'lots' } });
    assert.equal(record.status, 'failed');
    assert.equal(record.error?.errorType, 'TypeError');
    assert.match(record.error?.detail ?? '', /^aspirate: params\.volume: /);
    const unknown = e.execute({ commandType: 'fooBar', params: {} });
    assert.deepEqual(unknown.error, { errorType: 'RuntimeError', detail: 'unknown command type "fooBar"' });
  });

  it('run() gives the result or throws the command’s own exception', () => {
    const { e, p } = basic();
    assert.throws(
      () => e.run({ commandType: 'dropTip', params: { pipetteId: p } }),
      (error: unknown) => error instanceof ProtocolApiError && error.pyType === 'NoTipAttachedError' && error.message === 'Cannot perform DROPTIP without a tip attached',
    );
    assert.equal(e.commands.at(-1)?.status, 'failed');
  });

  it('records the children of a transfer under their parent, which spans them', () => {
    const { e, p, plate } = basic();
    e.run({
      commandType: 'labwright/transfer',
      params: { pipetteId: p, mode: 'transfer', volume: 100, source: well(plate, 'A1'), dest: well(plate, 'B1'), options: {} },
    });
    const [parent, ...children] = e.commands.slice(3);
    assert.equal(parent.commandType, 'labwright/transfer');
    assert.deepEqual(
      children.map((c) => [c.commandType, c.parentId]),
      [
        ['pickUpTip', parent.id],
        ['aspirate', parent.id],
        ['dispense', parent.id],
        ['dropTip', parent.id],
      ],
    );
    assert.equal(parent.entryCount, 5);
    assert.equal(parent.completedAt, children.at(-1)?.completedAt);
    assert.equal(texts(e)[0], 'Transferring 100.0 from A1 of Corning 96 Well Plate 360 µL Flat on 1 to B1 of Corning 96 Well Plate 360 µL Flat on 1');
  });

  it('knows every command type once, each with a params schema', () => {
    const types = commandTypes();
    assert.equal(new Set(types).size, types.length);
    for (const type of types) assert.ok(lookupCommand(type)?.check, type);
    for (const type of ['loadPipette', 'loadLabware', 'loadModule', 'pickUpTip', 'aspirate', 'dispense', 'blowout', 'touchTip', 'dropTip', 'home', 'waitForDuration', 'waitForResume', 'comment', 'setRailLights']) {
      assert.ok(types.includes(type), type);
    }
  });
});

/** Runs a plan the way the engine does, keeping the commands it yielded. */
function plan(e: ProtocolEngine, pipetteId: string, spec: ComplexOptions): AnyCommand[] {
  const planned: AnyCommand[] = [];
  const transferPlan = new TransferPlan(e.view, pipetteId, spec);
  transferPlan.validate();
  for (const command of transferPlan.commands()) {
    planned.push(command);
    e.run(command);
  }
  return planned;
}

const brief = (commands: AnyCommand[]): string[] =>
  commands.map((c) => {
    const { volume, location } = c.params as { volume?: number; location?: { wellName?: string } };
    return [c.commandType, volume, location?.wellName].filter((x) => x !== undefined).join(' ');
  });

describe('TransferPlan', () => {
  it('splits a transfer above the pipette’s volume into chunks, one tip for all', () => {
    const { e, p, plate } = basic();
    const planned = plan(e, p, { mode: 'transfer', volume: 500, source: well(plate, 'A1'), dest: well(plate, 'A2'), options: {} });
    assert.deepEqual(brief(planned), ['pickUpTip', 'aspirate 250 A1', 'dispense 250 A2', 'aspirate 250 A1', 'dispense 250 A2', 'dropTip']);
  });

  it('distributes with a disposal volume and blows it out at the trash', () => {
    const { e, p, plate } = basic();
    const planned = plan(e, p, {
      mode: 'distribute',
      volume: 100,
      source: well(plate, 'A1'),
      dest: [well(plate, 'B1'), well(plate, 'B2'), well(plate, 'B3')],
      options: { disposal_volume: 20 },
    });
    assert.deepEqual(brief(planned), [
      'pickUpTip',
      'aspirate 220 A1',
      'dispense 100 B1',
      'dispense 100 B2',
      'blowout A1',
      'aspirate 120 A1',
      'dispense 100 B3',
      'blowout A1',
      'dropTip',
    ]);
  });

  it('reads state between steps: new_tip=always picks the next tip each time', () => {
    const { e, p, plate } = basic();
    const planned = plan(e, p, {
      mode: 'transfer',
      volume: 10,
      source: [well(plate, 'A1'), well(plate, 'A2')],
      dest: [well(plate, 'B1'), well(plate, 'B2')],
      options: { new_tip: 'always', mix_after: [2, 5] },
    });
    assert.deepEqual(brief(planned), [
      'pickUpTip',
      'aspirate 10 A1',
      'dispense 10 B1',
      'labwright/mix 5 B1',
      'dropTip',
      'pickUpTip',
      'aspirate 10 A2',
      'dispense 10 B2',
      'labwright/mix 5 B2',
      'dropTip',
    ]);
    const picks = e.commands.filter((c) => c.commandType === 'pickUpTip');
    assert.deepEqual(
      picks.map((c) => e.runLog[c.firstEntry].text.slice(0, 27)),
      ['Picking up tip from A1 of O', 'Picking up tip from B1 of O'],
    );
  });
});

describe('docs/commands.md', () => {
  it('lists every command type of the catalogue, with its params', async () => {
    const { readFile } = await import('node:fs/promises');
    const doc = await readFile(new URL('../../docs/commands.md', import.meta.url), 'utf8');
    type ObjectSchema = { properties: Record<string, unknown>; required?: string[] };
    for (const type of commandTypes()) {
      const schema = lookupCommand(type)?.definition.params as unknown as ObjectSchema & { anyOf?: ObjectSchema[] };
      // A command with two forms (the Protocol Engine's and the 4.x one) documents each on its own row.
      for (const form of schema.anyOf ?? [schema]) {
        const required = new Set(form.properties ? (form.required ?? []) : []);
        const params = Object.keys(form.properties).map((key) => (required.has(key) ? key : `${key}?`)).join(', ');
        assert.ok(doc.includes(`| \`${type}\` | ${params === '' ? '—' : `\`${params}\``} |`), `${type} (${params}) is documented`);
      }
    }
  });
});
