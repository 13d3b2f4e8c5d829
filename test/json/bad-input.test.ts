// Bad JSON protocols get the original's errors, never a crash.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyze, lines, loadFixture } from './helpers.ts';

interface Doc {
  pipettes: Record<string, { name: string; mount: string }>;
  labware: Record<string, { slot: string; definitionId: string; displayName?: string }>;
  modules: Record<string, { slot: string; model: string }>;
  commands: { command: string; params: Record<string, unknown> }[];
  [key: string]: unknown;
}

function simple(): Doc {
  return loadFixture('5/simpleV5.json') as Doc;
}

async function errorOf(doc: Doc | Record<string, unknown> | string | Uint8Array, name = 'p.json') {
  const a = await analyze(name, typeof doc === 'string' || doc instanceof Uint8Array ? doc : JSON.stringify(doc));
  assert.equal(a.ok, false);
  assert.equal(a.errors.length, 1);
  return { a, e: a.errors[0] };
}

describe('reading JSON protocols', () => {
  it('malformed JSON is a JSONDecodeError with Python wording, line and file name', async () => {
    const { e, a } = await errorOf('{\n  "schemaVersion": 5,\n  "metadata": {},\n}', 'broken.json');
    assert.deepEqual(e, {
      type: 'JSONDecodeError',
      description: 'Expecting property name enclosed in double quotes',
      lineNumber: 4,
      fileName: 'broken.json',
    });
    assert.deepEqual(a.metadata, { name: null, author: null, apiLevel: null });
  });

  it('other decoder messages follow Python', async () => {
    assert.equal((await errorOf('')).e.description, 'Expecting value');
    assert.equal((await errorOf('{"a" 1}')).e.description, "Expecting ':' delimiter");
    assert.equal((await errorOf('{"a": 1 "b": 2}')).e.description, "Expecting ',' delimiter");
    assert.equal((await errorOf('{"a": 1} x')).e.description, 'Extra data');
    assert.equal((await errorOf('{"a": "x')).e.description, 'Unterminated string starting at');
    assert.equal((await errorOf('[1, 2,]')).e.description, 'Expecting value');
    assert.equal((await errorOf('\ufeff{}')).e.description, 'Unexpected UTF-8 BOM (decode using utf-8-sig)');
    assert.deepEqual((await errorOf(new Uint8Array([0x7b, 0xff, 0x7d]))).e, {
      type: 'UnicodeDecodeError',
      description: "'utf-8' codec can't decode byte 0xff in position 1: invalid start byte",
    });
  });

  it('a labware definition uploaded as a protocol is refused', async () => {
    const def = readFileSync(
      new URL('../../node_modules/@opentrons/shared-data/labware/definitions/2/opentrons_96_tiprack_300ul/1.json', import.meta.url),
    );
    const { e } = await errorOf(new TextDecoder().decode(def), 'tips.json');
    assert.deepEqual(e, {
      type: 'RuntimeError',
      description:
        'The file you are trying to open is a JSON labware definition, and therefore can not be opened here. Please try uploading a JSON protocol file instead.',
    });
  });

  it('schema version rules', async () => {
    assert.equal(
      (await errorOf({ metadata: {} })).e.description,
      'Could not determine schema version for protocol. Make sure there is a version number under "schemaVersion"',
    );
    assert.equal(
      (await errorOf({ 'protocol-schema': '3.0.0' })).e.description,
      'No such schema version: "3.0.0". Did you mean "1.0.0" or "2.0.0"?',
    );
    assert.match((await errorOf({ 'protocol-schema': '2.0.0' })).e.description, /^JSON protocol version 2 is deprecated\./);
    assert.match((await errorOf({ schemaVersion: 7 })).e.description, /is a JSONv7 protocol and is not supported/);
  });

  it('a document failing its schema is "corrupted"', async () => {
    const doc = simple();
    doc.commands.push({ command: 'flyAway', params: {} });
    const { e } = await errorOf(doc);
    assert.deepEqual(e, {
      type: 'RuntimeError',
      description: 'This may be a corrupted file or a JSON file that is not an Opentrons JSON protocol.',
    });
  });
});

describe('executing JSON protocols', () => {
  it('an unknown pipette name', async () => {
    const doc = simple();
    doc.pipettes.pipetteId.name = 'p301_single';
    const { e, a } = await errorOf(doc);
    assert.deepEqual(e, { type: 'RuntimeError', description: 'p301_single is not a valid pipette name' });
    assert.equal(a.metadata.name, 'Simple test protocol');
    assert.equal(a.metadata.apiLevel, '2.8');
    assert.deepEqual(a.requiredEquipment, { pipettes: [], labware: [], modules: [] });
  });

  it('an unknown module model', async () => {
    const doc = loadFixture('4/testMagneticModuleV4.json') as Doc;
    const id = Object.keys(doc.modules)[0];
    doc.modules[id].model = 'heaterShakerModuleV1';
    const { e } = await errorOf(doc);
    assert.equal(e.type, 'ValueError');
    assert.match(e.description, /^heaterShakerModuleV1 is not a valid module load name\.\nValid names/);
  });

  it('a module in a forbidden slot', async () => {
    const doc = loadFixture('4/testMagneticModuleV4.json') as Doc;
    const id = Object.keys(doc.modules)[0];
    doc.modules[id].slot = '12';
    for (const lw of Object.values(doc.labware)) if (lw.slot === id) lw.slot = '4';
    const { e } = await errorOf(doc);
    assert.deepEqual(e, { type: 'AssertionError', description: 'A Magnetic Module cannot be loaded into slot 12' });
  });

  it('a slot already taken', async () => {
    const doc = simple();
    doc.labware.destPlateId.slot = '2';
    const { e } = await errorOf(doc);
    assert.equal(e.type, 'ValueError');
    assert.match(e.description, /^Deck location 2 already {2}has an item: <opentrons\.protocols\.context\.protocol_api\.labware\.LabwareImplementation object at 0x[0-9a-f]+>$/);
  });

  it('an unknown labware id in a command is a KeyError', async () => {
    const doc = simple();
    doc.commands[1].params.labware = 'nope';
    const { e } = await errorOf(doc);
    assert.deepEqual(e, { type: 'KeyError', description: "'nope'" });
  });

  it('aspirating without a tip', async () => {
    const doc = simple();
    doc.commands.splice(0, 1);
    const { e, a } = await errorOf(doc);
    assert.deepEqual(e, { type: 'NoTipAttachedError', description: 'Cannot perform PREPARE_ASPIRATE without a tip attached' });
    assert.deepEqual(lines(a), []);
  });

  it('picking up a tip with one attached', async () => {
    const doc = simple();
    doc.commands.splice(1, 0, { command: 'pickUpTip', params: { pipette: 'pipetteId', labware: 'tiprackId', well: 'C1' } });
    const { e, a } = await errorOf(doc);
    assert.deepEqual(e, { type: 'TipAttachedError', description: 'Cannot pick up tip with a tip attached' });
    assert.deepEqual(lines(a), [
      'Picking up tip from B1 of Opentrons 96 Tip Rack 10 µL on 1',
      'Picking up tip from C1 of Opentrons 96 Tip Rack 10 µL on 1',
    ]);
  });

  it('aspirating more than the pipette holds', async () => {
    const doc = simple();
    doc.commands[1].params.volume = 11;
    const { e, a } = await errorOf(doc);
    assert.deepEqual(e, { type: 'AssertionError', description: 'Cannot aspirate more than pipette max volume' });
    assert.equal(lines(a).at(-1), 'Aspirating 11.0 uL from A1 of Source Plate on 2 at 3.0 uL/sec');
  });

  it('dropping a tip into a plate is an AssertionError with an empty message', async () => {
    const doc = simple();
    doc.commands[doc.commands.length - 1].params = { pipette: 'pipetteId', labware: 'destPlateId', well: 'A1' };
    const { e } = await errorOf(doc);
    assert.deepEqual(e, { type: 'AssertionError', description: '' });
  });

  it('a non-positive flow rate', async () => {
    const doc = simple();
    doc.commands[1].params.flowRate = 0;
    assert.deepEqual((await errorOf(doc)).e, { type: 'RuntimeError', description: 'Positive flowRate param required' });
  });

  it('airGap is not supported by the v3 executor', async () => {
    const doc = loadFixture('3/simple.json') as Doc;
    doc.commands.splice(2, 0, {
      command: 'airGap',
      params: { pipette: 'pipetteId', labware: 'sourcePlateId', well: 'A1', volume: 1, flowRate: 1, offsetFromBottomMm: 1 },
    });
    assert.deepEqual((await errorOf(doc)).e, { type: 'RuntimeError', description: 'Unsupported command type airGap' });
  });

  it('thermocycler setters must be followed by their awaiters', async () => {
    const doc = loadFixture('4/testThermocyclerModuleV4.json') as Doc;
    doc.commands.splice(1, 1);
    assert.deepEqual((await errorOf(doc)).e, {
      type: 'RuntimeError',
      description:
        'Unsupported behavior. thermocycler/setTargetBlockTemperature must be immediatelyfollowed by thermocycler/awaitBlockTemperature',
    });
  });

  it('an empty v4 command list fails like the original', async () => {
    const doc = loadFixture('4/simpleV4.json') as Doc;
    doc.commands = [];
    assert.deepEqual((await errorOf(doc)).e, { type: 'IndexError', description: 'list index out of range' });
  });

  it('airGap runs as move, air gap and a nested aspirate (v5)', async () => {
    const doc = simple();
    doc.commands.splice(2, 0, {
      command: 'airGap',
      params: { pipette: 'pipetteId', labware: 'sourcePlateId', well: 'A1', volume: 2, flowRate: 4, offsetFromBottomMm: 15 },
    });
    const a = await analyze('p.json', JSON.stringify(doc));
    assert.deepEqual(a.errors, []);
    assert.deepEqual(lines(a).slice(1, 5), [
      'Aspirating 5.0 uL from A1 of Source Plate on 2 at 3.0 uL/sec',
      'Moving to A1 of Source Plate on 2',
      'Air gap',
      '\tAspirating 2.0 uL from A1 of Source Plate on 2 at 4.0 uL/sec',
    ]);
  });

  it('delay messages go through str.format like the original', async () => {
    const doc = simple();
    doc.commands[2].params = { wait: 1.5, message: 'wait {{x}}' };
    assert.equal(lines(await analyze('p.json', JSON.stringify(doc)))[2], 'Delaying for 0 minutes and 1.5 seconds. wait {x}');
    doc.commands[2].params = { wait: 1, message: 'oops {b}' };
    assert.deepEqual((await errorOf(doc)).e, { type: 'KeyError', description: "'b'" });
  });
});
