// Small JSON v6–8 protocols of our own, one per rule: the three failure stages (reading refuses the
// upload; translation gives no commands and one internal error; execution stops at the failed
// command) with the original's texts, the lenient reading, keys, and the fixed-trash rules.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completedAnalysis } from '../../src/analysis/index.ts';
import type { Analysis } from '../../src/common/index.ts';
import { ProtocolFilesInvalidError, ProtocolRobotTypeMismatchError } from '../../src/common/index.ts';
import { analyze } from './helpers.ts';

type Doc = Record<string, unknown>;
type Command = { commandType: string; params: Record<string, unknown>; key?: string };

/** A schema 8 OT-2 protocol as Protocol Designer 8 writes one, with these commands. */
function v8(commands: Command[], extra: Doc = {}): Doc {
  return {
    $otSharedSchema: '#/protocol/schemas/8',
    schemaVersion: 8,
    metadata: { protocolName: 'small', author: 'lab', created: 1700000000000 },
    robot: { model: 'OT-2 Standard', deckId: 'ot2_standard' },
    liquidSchemaId: 'opentronsLiquidSchemaV1',
    liquids: { water: { displayName: 'Water', description: '', displayColor: '#0000ff' } },
    labwareDefinitionSchemaId: 'opentronsLabwareSchemaV2',
    labwareDefinitions: {},
    commandSchemaId: 'opentronsCommandSchemaV8',
    commands,
    commandAnnotationSchemaId: 'opentronsCommandAnnotationSchemaV1',
    commandAnnotations: [],
    ...extra,
  };
}

/** The same commands as a schema 7 protocol (the fixed trash is pre-loaded). */
function v7(commands: Command[]): Doc {
  const doc = v8(commands);
  for (const key of ['liquidSchemaId', 'labwareDefinitionSchemaId', 'commandSchemaId', 'commandAnnotationSchemaId']) delete doc[key];
  return { ...doc, $otSharedSchema: '#/protocol/schemas/7', schemaVersion: 7 };
}

const PIPETTE: Command = { commandType: 'loadPipette', params: { pipetteName: 'p300_single_gen2', mount: 'left', pipetteId: 'p' } };
const TIPS: Command = { commandType: 'loadLabware', params: { labwareId: 'tr', loadName: 'opentrons_96_tiprack_300ul', namespace: 'opentrons', version: 1, location: { slotName: '1' } } };
const PLATE: Command = { commandType: 'loadLabware', params: { labwareId: 'pl', loadName: 'corning_96_wellplate_360ul_flat', namespace: 'opentrons', version: 1, location: { slotName: '3' } } };
const PICK: Command = { commandType: 'pickUpTip', params: { pipetteId: 'p', labwareId: 'tr', wellName: 'A1' } };
const aspirate = (volume: unknown, extra: Doc = {}): Command => ({
  commandType: 'aspirate',
  params: { pipetteId: 'p', labwareId: 'pl', wellName: 'A1', wellLocation: { origin: 'bottom', offset: { z: 1 } }, volume, flowRate: 50, ...extra },
});

const run = (doc: Doc, name = 'small.json'): Promise<Analysis> => analyze(name, JSON.stringify(doc));

async function refusal(doc: Doc, name = 'small.json'): Promise<string> {
  try {
    await run(doc, name);
  } catch (err) {
    if (err instanceof ProtocolFilesInvalidError) return err.message;
    throw err;
  }
  assert.fail('the upload should be refused');
}

const NOT_READ = 'Error 4006 INVALID_PROTOCOL_DATA (FileFormatValidationError): small.json could not be read as a JSON protocol.';
const NOT_PROTOCOL = 'Error 4006 INVALID_PROTOCOL_DATA (FileIdentificationError): small.json is not a valid JSON protocol.';

describe('stage 1: reading refuses the upload with the original’s words', () => {
  it('schema 8 names a command schema other than V8 (robot software 7.5.0)', async () => {
    assert.equal(await refusal(v8([], { commandSchemaId: 'opentronsCommandSchemaV9' })), NOT_READ);
  });

  it('the models’ requirements: liquids and commandKeys in schema 8, deckId, integer dates, params', async () => {
    const noLiquids = v8([]);
    delete noLiquids.liquids;
    assert.equal(await refusal(noLiquids), NOT_READ);
    assert.equal(await refusal(v8([], { commandAnnotations: [{ commandIds: ['a'], annotationType: 'x' }] })), NOT_READ);
    assert.equal(await refusal(v8([], { robot: { model: 'OT-2 Standard' } })), NOT_READ);
    assert.equal(await refusal(v8([], { metadata: { created: 'yesterday' } })), NOT_READ);
    assert.equal(await refusal(v8([{ commandType: 'home' } as unknown as Command])), NOT_READ);
    assert.equal(await refusal(v8([], { liquids: { water: { displayName: 'Water' } } })), NOT_READ);
    assert.equal(await refusal(v8([], { labwareDefinitions: { x: { parameters: { loadName: 'x' } } } })), NOT_READ);
    assert.equal(await refusal({ ...v8([]), schemaVersion: 9, $otSharedSchema: '#/protocol/schemas/9' }), NOT_READ);
  });

  it('the minimum header: metadata, an integer schema version, a known robot model', async () => {
    const noMetadata = v8([]);
    delete noMetadata.metadata;
    assert.equal(await refusal(noMetadata), NOT_PROTOCOL);
    assert.equal(await refusal(v8([], { metadata: [] })), NOT_PROTOCOL);
    assert.equal(await refusal(v8([], { robot: { model: 'OT-4', deckId: 'x' } })), NOT_PROTOCOL);
  });

  it('schema 6: every id a command names must be declared in its map', async () => {
    const doc = {
      $otSharedSchema: '#/protocol/schemas/6',
      schemaVersion: 6,
      metadata: {},
      robot: { model: 'OT-2 Standard', deckId: 'ot2_standard' },
      pipettes: { p: { name: 'p300_single_gen2' } },
      labware: {},
      labwareDefinitions: {},
      commands: [{ commandType: 'pickUpTip', params: { pipetteId: 'p', labwareId: 'nope', wellName: 'A1' } }],
    };
    assert.equal(await refusal(doc), NOT_READ);
  });

  it('a Flex protocol: refused for its robot type', async () => {
    await assert.rejects(run(v8([], { robot: { model: 'OT-3 Standard', deckId: 'ot3_standard' } })), (err: unknown) => {
      assert.ok(err instanceof ProtocolRobotTypeMismatchError);
      assert.equal(err.message, "This protocol is for Flex robots. It can't be analyzed or run on this robot, which is an OT-2.");
      return true;
    });
  });

  it('is lenient: unknown keys are ignored, unknown params dropped, values coerced, Flex slot names converted', async () => {
    const a = await run(
      v8([PIPETTE, TIPS, { ...PLATE, params: { ...PLATE.params, location: { slotName: 'D3' } } }, PICK, aspirate('7', { foo: 1, rate: 2 })], {
        extraTopLevel: true,
        pipettes: { ignored: { name: 'x' } },
      }),
    );
    assert.equal(a.ok, true, JSON.stringify(a.errors));
    const commands = a.commands ?? [];
    assert.deepEqual(commands[3].params.location, { slotName: '3' });
    assert.equal(commands.at(-1)?.params.volume, 7);
    assert.equal('foo' in (commands.at(-1)?.params ?? {}), false);
    assert.equal('rate' in (commands.at(-1)?.params ?? {}), false);
  });

  it('keeps schemas 3–5 and documents without commands on the 4.x reading and its errors', async () => {
    const a = await run({ schemaVersion: 7 });
    assert.equal(a.errors[0].type, 'RuntimeError');
    assert.match(a.errors[0].description, /is a JSONv7 protocol and is not supported/);
  });
});

const PYDANTIC_HEAD = /^pydantic\.error_wrappers\.ValidationError: 1 validation error for ParsingModel\[Annotated\[Union\[.*\], FieldInfo\(.*\)\]\]\n/;

async function translationFailure(doc: Doc): Promise<string> {
  const a = await run(doc);
  assert.equal(a.ok, false);
  assert.deepEqual(a.commands, [], 'no commands at all, not even the initial home');
  assert.equal(a.errors.length, 1);
  assert.equal(a.errors[0].type, 'PythonException');
  const record = completedAnalysis(a, { id: 'a', createdAt: '2026-01-01T00:00:00.000Z' });
  assert.equal(record.result, 'not-ok');
  assert.deepEqual([record.labware, record.pipettes, record.modules, record.liquids], [[], [], [], []]);
  assert.deepEqual(
    record.errors.map((e) => [e.id, e.errorType, e.errorCode]),
    [['internal-error', 'PythonException', '4000']],
  );
  return a.errors[0].description;
}

describe('stage 2: a translation failure is an analysis with no commands and one internal error', () => {
  it('an unknown command type', async () => {
    const detail = await translationFailure(v8([PIPETTE, { commandType: 'fooBar', params: {} }]));
    assert.match(detail, PYDANTIC_HEAD);
    assert.match(detail, /\n__root__\n {2}No match for discriminator 'commandType' and value 'fooBar' \(allowed values: 'home', /);
  });

  it('a required param missing after the filter, a value out of range, an origin not in the enum', async () => {
    const missing = await translationFailure(v8([PIPETTE, { ...aspirate(5), params: { pipetteId: 'p', labwareId: 'pl', wellName: 'A1', volume: 5 } }]));
    assert.match(missing, PYDANTIC_HEAD);
    assert.ok(missing.endsWith('\n__root__ -> AspirateCreate -> params -> flowRate\n  field required (type=value_error.missing)'), missing);
    const negative = await translationFailure(v8([aspirate(-1)]));
    assert.ok(
      negative.endsWith('\n__root__ -> AspirateCreate -> params -> volume\n  ensure this value is greater than or equal to 0 (type=value_error.number.not_ge; limit_value=0)'),
      negative,
    );
    const origin = await translationFailure(v8([{ commandType: 'moveToWell', params: { pipetteId: 'p', labwareId: 'pl', wellName: 'A1', wellLocation: { origin: 'side' } } }]));
    assert.match(origin, /\n__root__ -> MoveToWellCreate -> params -> wellLocation -> origin\n {2}value is not a valid enumeration member; permitted: 'top', 'bottom', 'center'/);
    // `on` is not a name the reader keeps: setRailLights always fails.
    const lights = await translationFailure(v8([{ commandType: 'setRailLights', params: { on: true } }]));
    assert.ok(lights.endsWith('\n__root__ -> SetRailLightsCreate -> params -> on\n  field required (type=value_error.missing)'), lights);
  });

  it('schema 6’s maps: an unknown model, pipette name or mount, a missing definition', async () => {
    const v6 = (extra: Doc, commands: Command[]): Doc => ({
      $otSharedSchema: '#/protocol/schemas/6',
      schemaVersion: 6,
      metadata: {},
      robot: { model: 'OT-2 Standard', deckId: 'foo' },
      pipettes: {},
      labware: {},
      labwareDefinitions: {},
      commands,
      ...extra,
    });
    assert.equal(
      await translationFailure(v6({ modules: { m: { model: 'fooModuleV9' } } }, [{ commandType: 'loadModule', params: { moduleId: 'm', location: { slotName: '1' } } }])),
      "ValueError: 'fooModuleV9' is not a valid ModuleModel",
    );
    assert.equal(
      await translationFailure(v6({ pipettes: { p: { name: 'p1000_99' } } }, [{ commandType: 'loadPipette', params: { pipetteId: 'p', mount: 'left' } }])),
      "ValueError: 'p1000_99' is not a valid PipetteNameType",
    );
    assert.equal(
      await translationFailure(v6({ pipettes: { p: { name: 'p300_single' } } }, [{ commandType: 'loadPipette', params: { pipetteId: 'p', mount: 'middle' } }])),
      "ValueError: 'middle' is not a valid MountType",
    );
    assert.equal(
      await translationFailure(v6({ labware: { l: { definitionId: 'nope/x/1' } } }, [{ commandType: 'loadLabware', params: { labwareId: 'l', location: { slotName: '1' } } }])),
      "KeyError: 'nope/x/1'",
    );
  });

  it('a liquid colour that is not a hex colour', async () => {
    const detail = await translationFailure(v8([], { liquids: { water: { displayName: 'Water', description: '', displayColor: 'red' } } }));
    assert.match(detail, /HexColor[\s\S]*Color is not a valid hex color\./);
  });
});

/** Runs to the failed command and returns its error; the commands before it succeeded. */
async function executionFailure(doc: Doc, commandType: string): Promise<{ errorType: string; detail: string }> {
  const a = await run(doc);
  assert.equal(a.ok, false);
  const commands = a.commands ?? [];
  const last = commands.at(-1);
  assert.equal(last?.commandType, commandType);
  assert.equal(last?.status, 'failed');
  assert.ok(commands.slice(0, -1).every((c) => c.status === 'succeeded'));
  assert.ok(last?.error);
  assert.deepEqual(a.errors, [{ type: last.error.errorType, description: last.error.detail }]);
  return last.error;
}

describe('stage 3: execution stops at the failed command, whose error is the analysis error', () => {
  it('schema 7: anything loaded into slot 12 meets the pre-loaded trash', async () => {
    const plate12 = { ...PLATE, params: { ...PLATE.params, location: { slotName: '12' } } };
    assert.deepEqual(await executionFailure(v7([plate12]), 'loadLabware'), {
      errorType: 'LocationIsOccupiedError',
      detail: "Labware opentrons_1_trash_1100ml_fixed is already present at slotName=<DeckSlotName.FIXED_TRASH: '12'>.",
    });
  });

  it('a labware or module in an occupied slot', async () => {
    const again = { ...PLATE, params: { ...PLATE.params, labwareId: 'pl2' } };
    assert.deepEqual(await executionFailure(v8([PLATE, again]), 'loadLabware'), {
      errorType: 'LocationIsOccupiedError',
      detail: "Labware corning_96_wellplate_360ul_flat is already present at slotName=<DeckSlotName.SLOT_3: '3'>.",
    });
    const module: Command = { commandType: 'loadModule', params: { model: 'temperatureModuleV2', location: { slotName: '1' }, moduleId: 'tm' } };
    const onModuleSlot = { ...PLATE, params: { ...PLATE.params, location: { slotName: '1' } } };
    assert.deepEqual(await executionFailure(v8([module, onModuleSlot]), 'loadLabware'), {
      errorType: 'LocationIsOccupiedError',
      detail: "Module temperatureModuleV2 is already present at slotName=<DeckSlotName.SLOT_1: '1'>.",
    });
    const onModule = { ...PLATE, params: { ...PLATE.params, location: { moduleId: 'tm' } } };
    const again2 = { ...onModule, params: { ...onModule.params, labwareId: 'pl2' } };
    assert.deepEqual(await executionFailure(v8([module, onModule, again2]), 'loadLabware'), {
      errorType: 'LocationIsOccupiedError',
      detail: "Labware corning_96_wellplate_360ul_flat is already present at moduleId='tm'.",
    });
  });

  it('a thermocycler outside slot 7, a Flex pipette', async () => {
    assert.deepEqual(
      await executionFailure(v8([{ commandType: 'loadModule', params: { model: 'thermocyclerModuleV1', location: { slotName: '1' }, moduleId: 'tc' } }]), 'loadModule'),
      { errorType: 'PythonException', detail: 'ValueError: A thermocyclerModuleType cannot be loaded into slot 1' },
    );
    assert.deepEqual(await executionFailure(v8([{ ...PIPETTE, params: { ...PIPETTE.params, pipetteName: 'p1000_96' } }]), 'loadPipette'), {
      errorType: 'InvalidSpecificationForRobotTypeError',
      detail: 'Cannot load a Flex pipette on an OT-2.',
    });
  });

  it('schema 8: nothing is pre-loaded, so the trash must be loaded to take a tip', async () => {
    const drop: Command = { commandType: 'dropTip', params: { pipetteId: 'p', labwareId: 'fixedTrash', wellName: 'A1' } };
    assert.deepEqual(await executionFailure(v8([PIPETTE, TIPS, PICK, drop]), 'dropTip'), { errorType: 'LabwareNotLoadedError', detail: 'Labware fixedTrash not found.' });
    const trash: Command = { commandType: 'loadLabware', params: { labwareId: 'fixedTrash', loadName: 'opentrons_1_trash_1100ml_fixed', namespace: 'opentrons', version: 1, location: { slotName: '12' } } };
    const a = await run(v8([PIPETTE, TIPS, trash, PICK, drop]));
    assert.equal(a.ok, true, JSON.stringify(a.errors));
  });

  it('liquid handling: the volume rules, tips, unknown wells, labware and pipettes', async () => {
    assert.deepEqual(await executionFailure(v8([PIPETTE, TIPS, PLATE, PICK, aspirate(301)]), 'aspirate'), {
      errorType: 'InvalidAspirateVolumeError',
      detail: 'Cannot aspirate 301.0 µL when only 300.0 is available.',
    });
    const p20 = { ...PIPETTE, params: { ...PIPETTE.params, pipetteName: 'p20_single_gen2' } };
    assert.deepEqual(await executionFailure(v8([p20, TIPS, PLATE, PICK, aspirate(21)]), 'aspirate'), {
      errorType: 'InvalidAspirateVolumeError',
      detail: 'Cannot aspirate 21.0 µL when only 20 is available.',
    });
    assert.deepEqual(await executionFailure(v8([PIPETTE, PLATE, aspirate(5)]), 'aspirate'), {
      errorType: 'TipNotAttachedError',
      detail: 'Pipette should have a tip attached, but does not.',
    });
    const dispense: Command = { commandType: 'dispense', params: { ...aspirate(11).params } };
    assert.deepEqual(await executionFailure(v8([PIPETTE, TIPS, PLATE, PICK, aspirate(10), dispense]), 'dispense'), {
      errorType: 'InvalidDispenseVolumeError',
      detail: 'Cannot dispense 11.0 µL when only 10.0 µL has been aspirated.',
    });
    assert.deepEqual(await executionFailure(v8([PIPETTE, TIPS, PICK, PICK]), 'pickUpTip'), {
      errorType: 'TipAttachedError',
      detail: 'Pipette should not have a tip attached, but does.',
    });
    assert.deepEqual(await executionFailure(v8([PIPETTE, PLATE, { ...PICK, params: { ...PICK.params, labwareId: 'pl' } }]), 'pickUpTip'), {
      errorType: 'LabwareIsNotTipRackError',
      detail: 'Labware pl has no tip length defined.',
    });
    assert.deepEqual(await executionFailure(v8([PIPETTE, TIPS, { ...PICK, params: { ...PICK.params, wellName: 'Z99' } }]), 'pickUpTip'), {
      errorType: 'WellDoesNotExistError',
      detail: 'Z99 does not exist in tr.',
    });
    assert.deepEqual(await executionFailure(v8([PIPETTE, { ...PICK, params: { ...PICK.params, labwareId: 'nope' } }]), 'pickUpTip'), {
      errorType: 'LabwareNotLoadedError',
      detail: 'Labware nope not found.',
    });
    assert.deepEqual(await executionFailure(v8([TIPS, { ...PICK, params: { ...PICK.params, pipetteId: 'nope' } }]), 'pickUpTip'), {
      errorType: 'PythonException',
      detail: "KeyError: 'nope'",
    });
    assert.deepEqual(await executionFailure(v8([PLATE, { ...aspirate(5), params: { ...aspirate(5).params, pipetteId: 'nope' } }]), 'aspirate'), {
      errorType: 'PipetteNotLoadedError',
      detail: 'Pipette nope no found; unable to get attached tip.',
    });
  });

  it('loadLiquid: the liquid must be declared, the labware not a tip rack, the wells real', async () => {
    const load = (params: Doc): Command => ({ commandType: 'loadLiquid', params: { liquidId: 'water', labwareId: 'pl', volumeByWell: { A1: 10 }, ...params } });
    assert.deepEqual(await executionFailure(v8([PLATE, load({ liquidId: 'juice' })]), 'loadLiquid'), {
      errorType: 'LiquidDoesNotExistError',
      detail: 'Supplied liquidId: juice does not exist in the loaded liquids.',
    });
    assert.deepEqual(await executionFailure(v8([TIPS, load({ labwareId: 'tr' })]), 'loadLiquid'), {
      errorType: 'LabwareIsTipRackError',
      detail: 'Given labware: tr is a tiprack. Can not load liquid.',
    });
    assert.deepEqual(await executionFailure(v8([PLATE, load({ volumeByWell: { Z99: 1 } })]), 'loadLiquid'), {
      errorType: 'WellDoesNotExistError',
      detail: 'Some of the supplied wells do not match the labwareId: pl.',
    });
    const a = await run(v8([PLATE, load({})]));
    assert.equal(a.ok, true);
    assert.deepEqual(completedAnalysis(a, { id: 'a', createdAt: '2026-01-01T00:00:00.000Z' }).liquids, [
      { id: 'water', displayName: 'Water', description: '', displayColor: '#0000ff' },
    ]);
  });

  it('modules: the temperature module rounds its target; the magnetic module engages', async () => {
    const tm: Command = { commandType: 'loadModule', params: { model: 'temperatureModuleV2', location: { slotName: '1' }, moduleId: 'tm' } };
    const mm: Command = { commandType: 'loadModule', params: { model: 'magneticModuleV2', location: { slotName: '4' }, moduleId: 'mm' } };
    const a = await run(
      v8([
        tm,
        mm,
        { commandType: 'temperatureModule/setTargetTemperature', params: { moduleId: 'tm', celsius: 4.4 } },
        { commandType: 'temperatureModule/waitForTemperature', params: { moduleId: 'tm' } },
        { commandType: 'temperatureModule/deactivate', params: { moduleId: 'tm' } },
        { commandType: 'magneticModule/engage', params: { moduleId: 'mm', height: 10 } },
        { commandType: 'magneticModule/disengage', params: { moduleId: 'mm' } },
      ]),
    );
    assert.equal(a.ok, true, JSON.stringify(a.errors));
    assert.deepEqual(a.commands?.[3].result, { targetTemperature: 4 });
    assert.deepEqual(
      await executionFailure(v8([tm, { commandType: 'temperatureModule/setTargetTemperature', params: { moduleId: 'tm', celsius: 99.6 } }]), 'temperatureModule/setTargetTemperature'),
      { errorType: 'InvalidTargetTemperatureError', detail: 'Temperature module got an invalid temperature 99.6 °C. Valid range is TemperatureRange(min=-9, max=99).' },
    );
    assert.deepEqual(await executionFailure(v8([{ commandType: 'magneticModule/disengage', params: { moduleId: 'zz' } }]), 'magneticModule/disengage'), {
      errorType: 'ModuleNotLoadedError',
      detail: 'Module zz not found.',
    });
  });
});

describe('translation details', () => {
  it('keys: the protocol’s own, else a hash chain over the command types (home first)', async () => {
    const a = await run(v8([{ ...PIPETTE, key: 'mine' }, TIPS]));
    assert.deepEqual(
      a.commands?.map((c) => c.key),
      ['50c7ae73a4e3f7129874f39dfb514803', 'mine', '80976ce3dffe6efe69a8b26c3c4a1f4b'],
    );
  });

  it('delay becomes a wait for resume or a wait for a duration; pause is a wait for resume', async () => {
    const a = await run(
      v8([
        { commandType: 'delay', params: { seconds: 3, waitForResume: true, message: 'm' } },
        { commandType: 'delay', params: { seconds: 3 } },
        { commandType: 'pause', params: { message: 'p' } },
      ]),
    );
    assert.equal(a.ok, true, JSON.stringify(a.errors));
    assert.deepEqual(
      a.commands?.slice(1).map((c) => [c.commandType, c.params]),
      [
        ['waitForResume', { message: 'm' }],
        ['waitForDuration', { seconds: 3, message: null }],
        ['waitForResume', { message: 'p' }],
      ],
    );
  });

  it('an empty protocol is the initial home alone', async () => {
    const a = await run(v8([]));
    assert.deepEqual(a.commands?.map((c) => [c.commandType, c.status]), [['home', 'succeeded']]);
  });
});
