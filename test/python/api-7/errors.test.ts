// Errors of Python protocols at apiLevel ≥ 2.14 (spec Part D): the faults of table D.2.1 at 2.13
// and at 2.15, the three shapes of error occurrences in the robot-server analysis (D.2, D.3), a
// caught ProtocolCommandFailedError, and the CLI printing the first occurrence's detail.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, protocol, service } from '../helpers.ts';
import type { PythonService } from '../../../src/python/index.ts';
import type { Analysis, ErrorOccurrence } from '../../../src/analysis/index.ts';
import { completedAnalysis } from '../../../src/analysis/index.ts';
import { analysisDocument, summaryText } from '../../../src/cli/report.ts';

let svc: PythonService;
before(() => {
  svc = service(undefined, 1);
});
after(() => svc.close());

const FAILED = 'Error 4000 GENERAL_ERROR (ProtocolCommandFailedError): ';

/** A fault: the protocol body (its last line, line 5 + n, fails) and what each path reports. */
interface Fault {
  body: string;
  /**
   * At 2.13: the 4.x error's description and the occurrence's detail (with the line), null (no
   * error), or undefined (not stated by the spec).
   */
  legacy: { description: string; detail: string } | null | undefined;
  /** The first occurrence's `detail` at 2.15 (`ProtocolCommandFailedError [line n]: …`). */
  engine: string;
}

const TIPS = `tips = ctx.load_labware('opentrons_96_tiprack_300ul', 1)
p = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])`;

const FAULTS: Record<string, Fault> = {
  'aspirate over capacity': {
    body: `${TIPS}\nplate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2)\np.pick_up_tip()\np.aspirate(400, plate['A1'])`,
    legacy: { description: 'Cannot aspirate more than pipette max volume', detail: 'AssertionError [line 9]: Cannot aspirate more than pipette max volume' },
    engine: `ProtocolCommandFailedError [line 9]: ${FAILED}InvalidAspirateVolumeError: Cannot aspirate 400.0 µL when only 300.0 is available.`,
  },
  'aspirate without tip': {
    body: `${TIPS}\nplate = ctx.load_labware('corning_96_wellplate_360ul_flat', 2)\np.aspirate(100, plate['A1'])`,
    legacy: {
      description: 'Error 3005 UNEXPECTED_TIP_REMOVAL (UnexpectedTipRemovalError): Cannot perform PREPARE_ASPIRATE without a tip attached.',
      detail: 'UnexpectedTipRemovalError [line 8]: Error 3005 UNEXPECTED_TIP_REMOVAL (UnexpectedTipRemovalError): Cannot perform PREPARE_ASPIRATE without a tip attached.',
    },
    engine: `ProtocolCommandFailedError [line 8]: ${FAILED}TipNotAttachedError: Pipette should have a tip attached, but does not.`,
  },
  'pick up with tip': {
    body: `${TIPS}\np.pick_up_tip()\np.pick_up_tip()`,
    legacy: {
      description: 'Error 3012 UNEXPECTED_TIP_ATTACH (UnexpectedTipAttachError): Cannot perform pick_up_tip with a tip already attached.',
      detail: 'UnexpectedTipAttachError [line 8]: Error 3012 UNEXPECTED_TIP_ATTACH (UnexpectedTipAttachError): Cannot perform pick_up_tip with a tip already attached.',
    },
    engine: `ProtocolCommandFailedError [line 8]: ${FAILED}TipAttachedError: Pipette should not have a tip attached, but does.`,
  },
  'drop tip without tip': {
    body: `${TIPS}\np.drop_tip()`,
    legacy: null,
    engine: `ProtocolCommandFailedError [line 7]: ${FAILED}TipNotAttachedError: Pipette should have a tip attached, but does not.`,
  },
  'out of tips': {
    body: `${TIPS}\nfor i in range(97):\n    p.pick_up_tip(); p.drop_tip()`,
    legacy: { description: '', detail: 'OutOfTipsError [line 8]: ' },
    engine: 'OutOfTipsError [line 8]: ',
  },
  'unknown labware': {
    body: `ctx.load_labware('nonexistent_labware_xyz', 1)`,
    // The multi-line text of 4.7.0 §6.1 (compared by its start).
    legacy: {
      description: 'Unable to find a labware\n        definition for "nonexistent_labware_xyz",\n        version 1, in the opentrons namespace.…',
      detail: 'FileNotFoundError [line 5]: Unable to find a labware\n        definition for "nonexistent_labware_xyz",…',
    },
    engine: `ProtocolCommandFailedError [line 5]: ${FAILED}PythonException: FileNotFoundError: Labware "nonexistent_labware_xyz" not found with version 1 in namespace "opentrons".`,
  },
  'slot occupied': {
    body: `ctx.load_labware('corning_96_wellplate_360ul_flat', 2)\nctx.load_labware('corning_96_wellplate_360ul_flat', 2)`,
    legacy: {
      description: 'corning_96_wellplate_360ul_flat in slot 2 prevents corning_96_wellplate_360ul_flat from using slot 2.',
      detail: 'DeckConflictError [line 6]: corning_96_wellplate_360ul_flat in slot 2 prevents corning_96_wellplate_360ul_flat from using slot 2.',
    },
    engine: `ProtocolCommandFailedError [line 6]: ${FAILED}LocationIsOccupiedError: Labware corning_96_wellplate_360ul_flat is already present at slotName=<DeckSlotName.SLOT_2: '2'>.`,
  },
  'module in wrong slot': {
    body: `ctx.load_module('thermocycler', 3)`,
    legacy: { description: 'A Thermocycler cannot be loaded into slot 3', detail: 'ValueError [line 5]: A Thermocycler cannot be loaded into slot 3' },
    engine: `ProtocolCommandFailedError [line 5]: ${FAILED}PythonException: ValueError: A thermocyclerModuleType cannot be loaded into slot 3`,
  },
  'module without slot': {
    body: `ctx.load_module('temperature module')`,
    legacy: {
      description: 'Temperature Modules do not have default location, you must specify a slot',
      detail: 'ValueError [line 5]: Temperature Modules do not have default location, you must specify a slot',
    },
    engine: 'InvalidModuleLocationError [line 5]: None is not a valid load location for TEMPERATURE_V1.',
  },
  'second labware on a module': {
    body: `m = ctx.load_module('temperature module gen2', 3)\nm.load_labware('corning_96_wellplate_360ul_flat')\nm.load_labware('corning_96_wellplate_360ul_flat')`,
    legacy: {
      description: 'Corning 96 Well Plate 360 µL Flat on Temperature Module GEN2 on 3 is already on this module',
      detail: 'RuntimeError [line 7]: Corning 96 Well Plate 360 µL Flat on Temperature Module GEN2 on 3 is already on this module',
    },
    engine: `ProtocolCommandFailedError [line 7]: ${FAILED}LocationIsOccupiedError: Labware corning_96_wellplate_360ul_flat is already present at moduleId='{module}'.`,
  },
  'Temperature Module 100 °C': {
    body: `m = ctx.load_module('temperature module gen2', 3)\nm.set_temperature(100)`,
    legacy: null,
    engine: `ProtocolCommandFailedError [line 6]: ${FAILED}InvalidTargetTemperatureError: Temperature module got an invalid temperature 100.0 °C. Valid range is TemperatureRange(min=-9, max=99).`,
  },
  'Magnetic Module without a default height': {
    body: `m = ctx.load_module('magnetic module gen2', 3)\nm.load_labware('corning_96_wellplate_360ul_flat')\nm.engage()`,
    legacy: {
      description: 'Currently loaded labware Corning 96 Well Plate 360 µL Flat on Magnetic Module GEN2 on 3 does not have a default engage height; specify engage height explicitly using `height_from_base` or `height`',
      detail: 'ValueError [line 7]: Currently loaded labware Corning 96 Well Plate 360 µL Flat on Magnetic Module GEN2 on 3 does not have a default engage height; specify engage height explicitly using `height_from_base` or `height`',
    },
    engine:
      'InvalidMagnetEngageHeightError [line 7]: The labware loaded on this Magnetic Module does not have a default engage height, so you must specify an engage height with the `height_from_base` parameter.',
  },
  'Magnetic Module out of range': {
    body: `m = ctx.load_module('magnetic module gen2', 3)\nm.load_labware('nest_96_wellplate_100ul_pcr_full_skirt')\nm.engage(height_from_base=40)`,
    legacy: {
      description: 'Invalid engage height for magneticModuleV2: 42.5. Must be 0 - 25.',
      detail: 'ValueError [line 7]: Invalid engage height for magneticModuleV2: 42.5. Must be 0 - 25.',
    },
    engine: `ProtocolCommandFailedError [line 7]: ${FAILED}EngageHeightOutOfRangeError: Invalid engage height for magneticModuleV2: 42.5. Must be 0 - 25.`,
  },
  'pipetting into a closed Thermocycler': {
    body: `tc = ctx.load_module('thermocycler')\nplate = tc.load_labware('nest_96_wellplate_100ul_pcr_full_skirt')\n${TIPS}\ntc.close_lid()\np.pick_up_tip()\np.aspirate(10, plate['A1'])`,
    legacy: {
      description: 'Cannot move to labware loaded in Thermocycler when lid is not fully open.',
      detail: 'RuntimeError [line 11]: Cannot move to labware loaded in Thermocycler when lid is not fully open.',
    },
    engine: `ProtocolCommandFailedError [line 11]: ${FAILED}ThermocyclerNotOpenError: Thermocycler must be open when moving to labware inside it.`,
  },
  'labware in slot 12 (the fixed trash)': {
    body: `ctx.load_labware('corning_96_wellplate_360ul_flat', 12)`,
    // The spec states only the engine path (B.2.14).
    legacy: undefined,
    engine: `ProtocolCommandFailedError [line 5]: ${FAILED}LocationIsOccupiedError: Labware opentrons_1_trash_1100ml_fixed is already present at slotName=<DeckSlotName.FIXED_TRASH: '12'>.`,
  },
};

const lineOf = (detail: string): number | undefined => {
  const found = /\[line (\d+)\]/.exec(detail);
  return found === null ? undefined : Number(found[1]);
};

/** The message after `{Class} [line n]: `: what the 4.x resource's `description` holds. */
const afterPrefix = (detail: string): string => detail.replace(/^\w+ \[line \d+\]: /, '');

const occurrences = (a: Analysis): ErrorOccurrence[] => completedAnalysis(a, { id: 'a', createdAt: '2024-01-01T00:00:00.000Z' }).errors;

for (const [name, fault] of Object.entries(FAULTS)) {
  test(`D.2.1 ${name} at 2.13`, { skip: fault.legacy === undefined }, async () => {
    const a = await analyze(svc, protocol(fault.body, '2.13'));
    const legacy = fault.legacy;
    if (legacy === undefined) return;
    if (legacy === null) {
      assert.deepEqual(a.errors, []);
      return;
    }
    const same = (actual: string | undefined, expected: string) =>
      expected.endsWith('…') ? assert.ok(actual?.startsWith(expected.slice(0, -1)), actual) : assert.equal(actual, expected);
    assert.equal(a.errors.length, 1);
    assert.equal(a.errors[0].type, 'ExceptionInProtocolError');
    assert.equal(a.errors[0].lineNumber, lineOf(legacy.detail));
    same(a.errors[0].description, legacy.description);
    // D.3: one ExceptionInProtocolError with the legacy text, wrapping the exception.
    const [top] = occurrences(a);
    assert.equal(top.errorType, 'ExceptionInProtocolError');
    same(top.detail, legacy.detail);
    assert.equal(top.wrappedErrors.length, 1);
  });

  test(`D.2.1 ${name} at 2.15`, async () => {
    const a = await analyze(svc, protocol(fault.body, '2.15'));
    const moduleId = a.commands?.find((c) => c.commandType === 'loadModule' && c.status === 'succeeded');
    const engine = fault.engine.replace('{module}', String((moduleId?.result as { moduleId?: string } | undefined)?.moduleId));
    assert.deepEqual(a.errors, [{ type: 'ExceptionInProtocolError', description: afterPrefix(engine), lineNumber: lineOf(engine) }]);
    const [top] = occurrences(a);
    assert.equal(top.errorType, 'ExceptionInProtocolError');
    assert.equal(top.errorCode, '4000');
    assert.equal(top.detail, engine);
  });
}

test('shape 2: a failed engine command is ExceptionInProtocolError → ProtocolCommandFailedError → the engine error, and the command failed with it', async () => {
  const a = await analyze(svc, protocol(FAULTS['pick up with tip'].body, '2.15'));
  const record = completedAnalysis(a, { id: 'a', createdAt: '2024-01-01T00:00:00.000Z' });
  assert.equal(record.result, 'not-ok');
  const [top] = record.errors;
  assert.equal(record.errors.length, 1);
  const [failed] = top.wrappedErrors;
  assert.equal(failed.errorType, 'ProtocolCommandFailedError');
  assert.equal(failed.errorCode, '4000');
  assert.equal(failed.detail, 'TipAttachedError: Pipette should not have a tip attached, but does.');
  assert.deepEqual(
    failed.wrappedErrors.map(({ errorType, errorCode, detail, wrappedErrors }) => ({ errorType, errorCode, detail, wrappedErrors })),
    [{ errorType: 'TipAttachedError', errorCode: '3012', detail: 'Pipette should not have a tip attached, but does.', wrappedErrors: [] }],
  );
  // Every occurrence has an id and a time; the wrapped ones share their wrapper's.
  for (const e of [top, failed, failed.wrappedErrors[0]]) {
    assert.equal(e.id, top.id);
    assert.equal(e.createdAt, top.createdAt);
  }
  const last = record.commands.at(-1);
  assert.equal(last?.commandType, 'pickUpTip');
  assert.equal(last?.status, 'failed');
  assert.equal(last?.error?.errorType, 'TipAttachedError');
  assert.equal(last?.error?.errorCode, '3012');
});

test('shape 1: a Python exception in run wraps a PythonException (bare name for built-ins, dotted path otherwise)', async () => {
  const builtIn = occurrences(await analyze(svc, protocol(`raise ValueError('boom')`, '2.15')));
  assert.equal(builtIn.length, 1);
  assert.equal(builtIn[0].detail, 'ValueError [line 5]: boom');
  const [python] = builtIn[0].wrappedErrors;
  assert.equal(python.errorType, 'PythonException');
  assert.equal(python.errorCode, '4000');
  assert.equal(python.detail, 'ValueError: boom');
  assert.equal(python.errorInfo.class, 'ValueError');
  assert.equal(python.errorInfo.args, "('boom',)");
  assert.match(String(python.errorInfo.traceback), /ValueError: boom/);

  const body = `from opentrons.protocols.api_support.util import APIVersionError\nraise APIVersionError('too new')`;
  const gated = occurrences(await analyze(svc, protocol(body, '2.14')));
  assert.equal(gated[0].detail, 'APIVersionError [line 6]: too new');
  assert.equal(gated[0].wrappedErrors[0].detail, 'opentrons.protocols.api_support.util.APIVersionError: too new');
});

test('shape 3: errors outside run are UnexpectedProtocolError with the bare message, wrapping the PythonException', async () => {
  const moduleLevel = await analyze(svc, `from opentrons import protocol_api\nmetadata = {'apiLevel': '2.15'}\nundefined_name\n\ndef run(ctx):\n    pass\n`);
  const [top] = occurrences(moduleLevel);
  assert.deepEqual(
    { errorType: top.errorType, errorCode: top.errorCode, detail: top.detail, errorInfo: top.errorInfo },
    { errorType: 'UnexpectedProtocolError', errorCode: '4000', detail: "name 'undefined_name' is not defined", errorInfo: {} },
  );
  assert.equal(top.wrappedErrors[0].errorType, 'PythonException');
  assert.equal(top.wrappedErrors[0].detail, "NameError: name 'undefined_name' is not defined");

  const signature = await analyze(svc, `from opentrons import protocol_api\nmetadata = {'apiLevel': '2.15'}\n\ndef run():\n    pass\n`);
  const [refused] = occurrences(signature);
  assert.equal(refused.errorType, 'UnexpectedProtocolError');
  assert.equal(refused.detail, "Function 'run()' does not take any parameters");
  assert.equal(refused.wrappedErrors[0].detail, "SyntaxError: Function 'run()' does not take any parameters");
});

test('a caught ProtocolCommandFailedError lets the protocol go on: the command stays failed, the analysis has no errors', async () => {
  const a = await analyze(
    svc,
    protocol(
      `
from opentrons.protocol_engine.errors import ProtocolCommandFailedError
${TIPS}
p.pick_up_tip()
try:
    p.pick_up_tip()
except ProtocolCommandFailedError as e:
    ctx.comment('caught: ' + str(e))
    ctx.comment('inner: ' + type(e.original_error).__name__)
p.drop_tip()
`,
      '2.15',
    ),
  );
  assert.deepEqual(a.errors, []);
  assert.equal(a.errorOccurrences, undefined);
  const texts = a.runLog.map((e) => e.text);
  assert.ok(texts.includes(`caught: ${FAILED}TipAttachedError: Pipette should not have a tip attached, but does.`), texts.join('\n'));
  assert.ok(texts.includes('inner: TipAttachedError'));
  assert.ok(texts.at(-1)?.startsWith('Dropping tip into'));
  const record = completedAnalysis(a, { id: 'a', createdAt: '2024-01-01T00:00:00.000Z' });
  assert.equal(record.result, 'ok');
  assert.deepEqual(
    record.commands.filter((c) => c.status === 'failed').map((c) => [c.commandType, c.error?.errorType]),
    [['pickUpTip', 'TipAttachedError']],
  );
});

test('below 2.14 a failed command is not wrapped: the protocol catches the error itself', async () => {
  const a = await analyze(
    svc,
    protocol(
      `
${TIPS}
p.pick_up_tip()
try:
    p.pick_up_tip()
except Exception as e:
    ctx.comment('caught: ' + type(e).__name__)
`,
      '2.13',
    ),
  );
  assert.deepEqual(a.errors, []);
  assert.ok(a.runLog.some((e) => e.text === 'caught: UnexpectedTipAttachError'));
});

test('the CLI prints the first occurrence detail from 2.14, and analyze --json carries the occurrences', async () => {
  const engine = await analyze(svc, protocol(FAULTS['aspirate over capacity'].body, '2.15'));
  const lines = summaryText(engine).split('\n');
  assert.deepEqual(lines.slice(lines.indexOf('Errors: 1')), ['Errors: 1', `  ${FAULTS['aspirate over capacity'].engine}`]);
  const document = analysisDocument(engine, '2024-01-01T00:00:00.000Z') as { analysisErrors?: ErrorOccurrence[] };
  assert.equal(document.analysisErrors?.[0].detail, FAULTS['aspirate over capacity'].engine);

  // Below 2.14 the report keeps the 4.x error line.
  const legacy = await analyze(svc, protocol(`raise ValueError('boom')`, '2.13'));
  assert.ok(summaryText(legacy).includes('  ExceptionInProtocolError (line 5): boom'));
});

test('levels up to 2.11 keep 4.7.0: no error occurrences, the robot-server analysis as before', async () => {
  const a = await analyze(svc, protocol(`raise ValueError('boom')`, '2.11'));
  assert.deepEqual(a.errors, [{ type: 'ExceptionInProtocolError', description: 'boom', lineNumber: 5 }]);
  assert.equal(a.errorOccurrences, undefined);
  assert.equal(occurrences(a)[0].errorType, 'ExceptionInProtocolError');
  assert.equal(occurrences(a)[0].wrappedErrors.length, 0);
});
