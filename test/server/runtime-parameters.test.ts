// Runtime parameters over HTTP (beyond the original's upload): `POST /protocols` takes the values in
// a `runTimeParameterValues` JSON form field; the analysis and the sessions of that protocol use
// them; values the protocol refuses are a 422 and nothing is stored; a stored analysis is reused
// only under the same values.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEFAULT_SANDBOX_LIMITS } from '../../src/analysis/index.ts';
import type { ProtocolBundle, RunTimeParameter } from '../../src/analysis/index.ts';
import type { ProtocolService } from '../../src/service/index.ts';
import { analysisKey, createProtocolService } from '../../src/service/index.ts';
import { repoRoot } from '../helpers/paths.ts';
import {
  call, createSession, inState, startApp, waitFor, SIMPLE_V5,
  type Envelope, type ErrorReplyBody, type InProcessServer, type ProtocolData, type SessionData,
} from './helpers.ts';

const EXAMPLE = path.join(repoRoot, 'examples', 'sample_normalisation', 'sample_normalisation.py');
const GIVEN = { sample_count: 3, dry_run: true, plate_type: 'nest_96_wellplate_100ul_pcr_full_skirt' };

/** The run log in 7.5.0's texts for apiLevel 2.18 (§C.2: `on slot N`, the fixed trash a `Trash Bin`). */
const DEFAULT_RUN = [
  'Normalising 2 samples',
  'Picking up tip from A1 of Opentrons OT-2 96 Tip Rack 300 µL on slot 1',
  'Aspirating 50.0 uL from A1 of NEST 12 Well Reservoir 15 mL on slot 2 at 92.86 uL/sec',
  'Dispensing 50.0 uL into A1 of Corning 96 Well Plate 360 µL Flat on slot 3 at 92.86 uL/sec',
  'Dropping tip into Trash Bin on slot 12',
  'Picking up tip from B1 of Opentrons OT-2 96 Tip Rack 300 µL on slot 1',
  'Aspirating 50.0 uL from A1 of NEST 12 Well Reservoir 15 mL on slot 2 at 92.86 uL/sec',
  'Dispensing 50.0 uL into B1 of Corning 96 Well Plate 360 µL Flat on slot 3 at 92.86 uL/sec',
  'Dropping tip into Trash Bin on slot 12',
];
const GIVEN_RUN = [
  'Normalising 3 samples',
  ...['A1', 'B1', 'C1'].flatMap((well) => [
    `Picking up tip from ${well} of Opentrons OT-2 96 Tip Rack 300 µL on slot 1`,
    'Aspirating 50.0 uL from A1 of NEST 12 Well Reservoir 15 mL on slot 2 at 92.86 uL/sec',
    `Dispensing 50.0 uL into ${well} of NEST 96 Well Plate 100 µL PCR Full Skirt on slot 3 at 92.86 uL/sec`,
    'Returning tip',
    `\tDropping tip into ${well} of Opentrons OT-2 96 Tip Rack 300 µL on slot 1`,
  ]),
];

const PARAMETERS = (values: { sample_count: number; dry_run: boolean; plate_type: string }): RunTimeParameter[] => [
  {
    displayName: 'Sample count', variableName: 'sample_count', description: 'Samples to normalise', suffix: 'samples',
    type: 'int', min: 1, max: 24, value: values.sample_count, default: 2,
  },
  {
    displayName: 'Dry run', variableName: 'dry_run', description: 'Return the tips instead of dropping them', suffix: null,
    type: 'bool', value: values.dry_run, default: false,
  },
  {
    displayName: 'Plate type', variableName: 'plate_type', description: null, suffix: null, type: 'str',
    choices: [
      { displayName: 'Corning 96 flat', value: 'corning_96_wellplate_360ul_flat' },
      { displayName: 'NEST 96 PCR', value: 'nest_96_wellplate_100ul_pcr_full_skirt' },
    ],
    value: values.plate_type, default: 'corning_96_wellplate_360ul_flat',
  },
];
const DEFAULTS = { sample_count: 2, dry_run: false, plate_type: 'corning_96_wellplate_360ul_flat' };

type ProtocolWithParameters = ProtocolData & { runTimeParameters?: RunTimeParameter[] };

const executions: string[] = [];
let real: ProtocolService;
let server: InProcessServer;
let text: string;
before(async () => {
  text = await readFile(EXAMPLE, 'utf8');
  real = createProtocolService({ poolSize: 1, limits: DEFAULT_SANDBOX_LIMITS });
  const counted: ProtocolService = {
    execute: (bundle, options) => {
      executions.push(`${bundle.protocolFile.name} ${options.mode} ${JSON.stringify(bundle.runTimeParameterValues ?? {})}`);
      return real.execute(bundle, options);
    },
    close: () => real.close(),
  };
  server = await startApp({ protocolService: counted, speed: 'max' });
});
after(async () => {
  await server?.close();
  await real?.close();
});

function uploadForm(name: string, data: string, values?: string): FormData {
  const fd = new FormData();
  fd.append('protocolFile', new Blob([data]), name);
  if (values !== undefined) fd.append('runTimeParameterValues', values);
  return fd;
}

async function upload(name: string, values?: unknown): Promise<ProtocolWithParameters> {
  const res = await call<Envelope<ProtocolWithParameters>>(server.app, 'POST', '/protocols', {
    raw: uploadForm(name, text, values === undefined ? undefined : JSON.stringify(values)),
  });
  assert.equal(res.status, 201, res.text);
  return res.body.data;
}

async function runLog(protocolId: string): Promise<string[]> {
  const res = await call<Envelope<{ runLog: { level: number; text: string }[] }>>(server.app, 'GET', `/protocols/${protocolId}/analysis`);
  assert.equal(res.status, 200, res.text);
  return res.body.data.runLog.map((e) => '\t'.repeat(e.level) + e.text);
}

async function protocolCount(): Promise<number> {
  return (await call<Envelope<unknown[]>>(server.app, 'GET', '/protocols')).body.data.length;
}

describe('runtime parameters at upload', () => {
  test('without values: the defaults, listed in the resource and in the robot-server analysis', async () => {
    const p = await upload('normalise_defaults.py');
    assert.deepEqual(p.errors, []);
    assert.deepEqual(p.runTimeParameters, PARAMETERS(DEFAULTS));
    assert.deepEqual(await runLog(p.id), DEFAULT_RUN);
    const analyses = await call<{ data: { runTimeParameters: RunTimeParameter[] }[] }>(server.app, 'GET', `/protocols/${p.id}/analyses`);
    assert.equal(analyses.status, 200, analyses.text);
    assert.deepEqual(analyses.body.data[0].runTimeParameters, PARAMETERS(DEFAULTS));
  });

  test('with values: the analysis runs with them and lists them beside the defaults', async () => {
    const p = await upload('normalise_given.py', GIVEN);
    assert.deepEqual(p.errors, []);
    assert.deepEqual(p.runTimeParameters, PARAMETERS(GIVEN));
    assert.deepEqual(await runLog(p.id), GIVEN_RUN);
    assert.ok(p.requiredEquipment.labware.some((l) => l.uri === 'opentrons/nest_96_wellplate_100ul_pcr_full_skirt/2'));
    const analyses = await call<{ data: { runTimeParameters: RunTimeParameter[] }[] }>(server.app, 'GET', `/protocols/${p.id}/analyses`);
    assert.deepEqual(analyses.body.data[0].runTimeParameters, PARAMETERS(GIVEN));
  });

  test('refused values: 422 in the original error format, and nothing is stored', async () => {
    const before = await protocolCount();
    const cases: [string, string][] = [
      [JSON.stringify({ samples: 3 }), 'ParameterDefinitionError: Parameter samples is not defined as a parameter for this protocol.'],
      [JSON.stringify({ sample_count: 'three' }), "ParameterValueError: Parameter value three has type <class 'str'>, must match type <class 'int'>."],
      [JSON.stringify({ sample_count: 25 }), 'ParameterValueError: Parameter must be between 1 and 24 inclusive.'],
      [
        JSON.stringify({ plate_type: 'greiner' }),
        "ParameterValueError: Parameter must be set to one of the allowed values of ['corning_96_wellplate_360ul_flat', 'nest_96_wellplate_100ul_pcr_full_skirt'].",
      ],
      [JSON.stringify({ dry_run: 'yes' }), "ParameterValueError: Parameter value yes has type <class 'str'>, must match type <class 'bool'>."],
    ];
    for (const [values, detail] of cases) {
      const res = await call<ErrorReplyBody>(server.app, 'POST', '/protocols', { raw: uploadForm('refused.py', text, values) });
      assert.equal(res.status, 422, res.text);
      assert.equal(res.body.errors.length, 1);
      assert.equal(res.body.errors[0].detail, detail);
      assert.deepEqual(res.body.errors[0].source, { pointer: '/runTimeParameterValues' });
    }
    const notJson = await call<ErrorReplyBody>(server.app, 'POST', '/protocols', { raw: uploadForm('refused.py', text, '{sample_count: 3') });
    assert.equal(notJson.status, 422, notJson.text);
    assert.equal(notJson.body.errors[0].detail, 'runTimeParameterValues must be a JSON object');
    const listValue = await call<ErrorReplyBody>(server.app, 'POST', '/protocols', { raw: uploadForm('refused.py', text, '{"sample_count": [3]}') });
    assert.equal(listValue.status, 422, listValue.text);
    assert.deepEqual(listValue.body.errors[0].source, { pointer: '/runTimeParameterValues/sample_count' });
    const json = await call<ErrorReplyBody>(server.app, 'POST', '/protocols', {
      raw: (() => {
        const fd = new FormData();
        fd.append('protocolFile', new Blob([JSON.stringify(SIMPLE_V5)]), 'refused.json');
        fd.append('runTimeParameterValues', '{"volume": 5}');
        return fd;
      })(),
    });
    assert.equal(json.status, 422, json.text);
    assert.equal(json.body.errors[0].detail, 'ParameterDefinitionError: Parameter volume is not defined as a parameter for this protocol.');

    assert.equal(await protocolCount(), before);
    assert.equal((await call(server.app, 'GET', '/protocols/refused')).status, 404);
    // The name is free again.
    const accepted = await upload('refused.py', { sample_count: 1 });
    assert.equal(accepted.runTimeParameters?.[0].value, 1);
  });

  test('sessions use the stored values; a stored analysis is reused only under the same values', async () => {
    const p = await upload('normalise_session.py', GIVEN);
    executions.splice(0);
    const created = await createSession(server.app, p.id);
    const session: SessionData = await waitFor(server.app, created.id, inState('loaded', 'error'));
    assert.equal(session.details.currentState, 'loaded');
    assert.deepEqual(executions.splice(0), [], 'the analysis made with the same values was reused');
    assert.ok(session.details.events.some((e) => JSON.stringify(e).includes('Normalising 3 samples')));

    const simulate = await call(server.app, 'POST', `/sessions/${session.id}/commands/execute`, {
      json: { data: { command: 'protocol.startSimulate', data: {} } },
    });
    assert.equal(simulate.status, 200, simulate.text);
    await waitFor(server.app, session.id, (s) => s.details.currentState === 'loaded' && executions.length > 0);
    assert.deepEqual(executions.splice(0), [`normalise_session.py analyze ${JSON.stringify(GIVEN)}`], 'a fresh simulation gets the values');
    assert.equal((await call(server.app, 'DELETE', `/sessions/${session.id}`)).status, 200);
  });

  test('the analysis key includes the values, in any order, and none given keeps the key of the defaults', () => {
    const files: ProtocolBundle = { protocolFile: { name: 'p.py', data: new TextEncoder().encode(text) }, supportFiles: [] };
    const plain = analysisKey(files);
    assert.equal(analysisKey({ ...files, runTimeParameterValues: {} }), plain);
    const given = analysisKey({ ...files, runTimeParameterValues: { sample_count: 3, dry_run: true } });
    assert.notEqual(given, plain);
    assert.equal(analysisKey({ ...files, runTimeParameterValues: { dry_run: true, sample_count: 3 } }), given);
    assert.notEqual(analysisKey({ ...files, runTimeParameterValues: { sample_count: 4, dry_run: true } }), given);
  });
});
