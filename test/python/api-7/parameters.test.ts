// Runtime parameters (2.18, spec §B.2.18 and §A.1.3): add_parameters before run at any level,
// ctx.params with its defaults or the given values, the definition rules and their texts, and the
// refusal of values that do not fit a definition.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { service, bundle } from '../helpers.ts';
import { lines } from './helpers.ts';
import type { Analysis, RunTimeParameterValues } from '../../../src/common/index.ts';

const svc = service();

function analyzeWith(text: string, values?: RunTimeParameterValues): Promise<Analysis> {
  return svc.execute({ ...bundle(text), runTimeParameterValues: values }, { mode: 'analyze' });
}

const DEFINITIONS = `
def add_parameters(parameters):
    parameters.add_int(display_name='Sample count', variable_name='samples', default=8,
                       minimum=1, maximum=96, description='Samples to process', unit='samples')
    parameters.add_float(display_name='Volume', variable_name='volume', default=20,
                         minimum=5, maximum=200.5, unit='uL')
    parameters.add_int(display_name='Columns', variable_name='columns', default=2,
                       choices=[{'display_name': 'One', 'value': 1}, {'display_name': 'Two', 'value': 2}])
    parameters.add_bool(display_name='Dry run', variable_name='dry_run', default=False,
                        description='Skip the liquid')
    parameters.add_str(display_name='Plate', variable_name='plate', default='corning',
                       choices=[{'display_name': 'Corning', 'value': 'corning'},
                                {'display_name': 'NEST', 'value': 'nest'}])
`;

const SHOW = `
def run(ctx):
    for name, value in ctx.params.get_all().items():
        ctx.comment('%s = %r (%s)' % (name, value, type(value).__name__))
    ctx.comment('attribute: %r' % (ctx.params.samples,))
`;

test('defaults: typed values on ctx.params and get_all, no run-log entry for the definitions', async () => {
  const a = await analyzeWith(`metadata = {'apiLevel': '2.18'}\n${DEFINITIONS}${SHOW}`);
  assert.deepEqual(a.errors, []);
  assert.deepEqual(lines(a), [
    "samples = 8 (int)",
    "volume = 20.0 (float)",
    "columns = 2 (int)",
    "dry_run = False (bool)",
    "plate = 'corning' (str)",
    'attribute: 8',
  ]);
});

test('the analysis lists each parameter in robot-server 7 shape', async () => {
  const a = await analyzeWith(`metadata = {'apiLevel': '2.18'}\n${DEFINITIONS}${SHOW}`);
  assert.deepEqual(a.runTimeParameters, [
    { displayName: 'Sample count', variableName: 'samples', description: 'Samples to process', suffix: 'samples', type: 'int', min: 1, max: 96, value: 8, default: 8 },
    { displayName: 'Volume', variableName: 'volume', description: null, suffix: 'uL', type: 'float', min: 5, max: 200.5, value: 20, default: 20 },
    {
      displayName: 'Columns', variableName: 'columns', description: null, suffix: null, type: 'int',
      choices: [{ displayName: 'One', value: 1 }, { displayName: 'Two', value: 2 }], value: 2, default: 2,
    },
    { displayName: 'Dry run', variableName: 'dry_run', description: 'Skip the liquid', suffix: null, type: 'bool', value: false, default: false },
    {
      displayName: 'Plate', variableName: 'plate', description: null, suffix: null, type: 'str',
      choices: [{ displayName: 'Corning', value: 'corning' }, { displayName: 'NEST', value: 'nest' }], value: 'corning', default: 'corning',
    },
  ]);
});

test('given values replace the defaults, with the parameter types', async () => {
  const a = await analyzeWith(`metadata = {'apiLevel': '2.18'}\n${DEFINITIONS}${SHOW}`, {
    samples: 24, volume: 50, columns: 1, dry_run: true, plate: 'nest',
  });
  assert.deepEqual(a.errors, []);
  assert.deepEqual(lines(a), [
    "samples = 24 (int)",
    "volume = 50.0 (float)",
    "columns = 1 (int)",
    "dry_run = True (bool)",
    "plate = 'nest' (str)",
    'attribute: 24',
  ]);
  assert.deepEqual(a.runTimeParameters?.map((p) => [p.variableName, p.value, p.default]), [
    ['samples', 24, 8], ['volume', 50, 20], ['columns', 1, 2], ['dry_run', true, false], ['plate', 'nest', 'corning'],
  ]);
});

test('refused values: unknown name, wrong type, out of range, not a choice', async () => {
  const protocol = `metadata = {'apiLevel': '2.18'}\n${DEFINITIONS}${SHOW}`;
  const cases: [RunTimeParameterValues, string, string][] = [
    [{ nope: 1 }, 'ParameterDefinitionError', 'Parameter nope is not defined as a parameter for this protocol.'],
    [{ samples: 2.5 }, 'ParameterValueError', "Parameter value 2.5 has type <class 'float'>, must match type <class 'int'>."],
    [{ plate: 3 }, 'ParameterValueError', "Parameter value 3 has type <class 'int'>, must match type <class 'str'>."],
    [{ samples: 97 }, 'ParameterValueError', 'Parameter must be between 1 and 96 inclusive.'],
    [{ volume: 1 }, 'ParameterValueError', 'Parameter must be between 5.0 and 200.5 inclusive.'],
    [{ plate: 'greiner' }, 'ParameterValueError', "Parameter must be set to one of the allowed values of ['corning', 'nest']."],
    [{ columns: 3 }, 'ParameterValueError', 'Parameter must be set to one of the allowed values of [1, 2].'],
  ];
  for (const [values, type, description] of cases) {
    const a = await analyzeWith(protocol, values);
    assert.equal(a.runTimeParameterValuesRefused, true, JSON.stringify(values));
    assert.deepEqual(a.errors, [{ type, description }], JSON.stringify(values));
    assert.deepEqual(a.runLog, []);
  }
});

test('re-assigning a parameter: AttributeError', async () => {
  const a = await analyzeWith(`metadata = {'apiLevel': '2.18'}\n${DEFINITIONS}
def run(ctx):
    ctx.params.samples = 3
`);
  assert.deepEqual(a.errors, [{ type: 'ExceptionInProtocolError', description: 'Cannot overwrite protocol defined parameter samples', lineNumber: 17 }]);
});

test('ctx.params below 2.18 is a version error; add_parameters still runs', async () => {
  const refused = await analyzeWith(`metadata = {'apiLevel': '2.17'}\n${DEFINITIONS}${SHOW}`);
  assert.deepEqual(refused.errors, [{
    type: 'ExceptionInProtocolError',
    description: 'ProtocolContext.params was added in 2.18, but your protocol requested version 2.17. You must increase your API version to 2.18 to use this functionality.',
    lineNumber: 17,
  }]);
  assert.equal(refused.runTimeParameters?.length, 5);
  const ran = await analyzeWith(`metadata = {'apiLevel': '2.13'}
def add_parameters(parameters):
    parameters.add_int(display_name='N', variable_name='n', default=0, minimum=1, maximum=2)
def run(ctx):
    pass
`);
  assert.deepEqual(ran.errors, [{ type: 'ExceptionInProtocolError', description: 'Parameter must be between 1 and 2 inclusive.', lineNumber: 3 }]);
  assert.equal(ran.runTimeParameterValuesRefused, undefined);
});

test('each definition error, with its class from opentrons.protocols.parameters', async () => {
  const a = await analyzeWith(`metadata = {'apiLevel': '2.18'}
from opentrons.protocols.parameters import ParameterNameError, ParameterValueError, ParameterDefinitionError
seen = []
def add_parameters(p):
    tries = [
        lambda: p.add_int(display_name='x' * 31, variable_name='a', default=1, minimum=0, maximum=2),
        lambda: p.add_int(display_name='A', variable_name='1a', default=1, minimum=0, maximum=2),
        lambda: p.add_int(display_name='A', variable_name='class', default=1, minimum=0, maximum=2),
        lambda: p.add_int(display_name='A', variable_name='a', default=1, minimum=0, maximum=2, description='d' * 101),
        lambda: p.add_int(display_name='A', variable_name='a', default=1, minimum=0, maximum=2, unit='millilitres'),
        lambda: p.add_int(display_name='A', variable_name='a', default=1.5, minimum=0, maximum=2),
        lambda: p.add_int(display_name='A', variable_name='a', default=1),
        lambda: p.add_int(display_name='A', variable_name='a', default=1, minimum=0, maximum=2, choices=[{'display_name': 'x', 'value': 1}]),
        lambda: p.add_int(display_name='A', variable_name='a', default=1, choices=[{'value': 1}]),
        lambda: p.add_int(display_name='A', variable_name='a', default=1, choices=[{'display_name': 'x', 'value': 'one'}]),
        lambda: p.add_int(display_name='A', variable_name='a', default=1, minimum=0),
        lambda: p.add_int(display_name='A', variable_name='a', default=1, maximum=2),
        lambda: p.add_int(display_name='A', variable_name='a', default=1, minimum=2, maximum=2),
        lambda: p.add_int(display_name='A', variable_name='a', default=1, minimum=0.5, maximum=2),
        lambda: p.add_str(display_name='A', variable_name='a', default='x', choices=[{'display_name': 'y', 'value': 'y'}]),
        lambda: p.add_int(display_name='A', variable_name='a', default=5, minimum=0, maximum=2),
        lambda: p.add_str(display_name='A', variable_name='a', default='x'),
        lambda: p.add_int(display_name='A', variable_name='dup', default=1, minimum=0, maximum=2),
        lambda: p.add_float(display_name='A', variable_name='dup', default=1, minimum=0, maximum=2),
    ]
    for attempt in tries:
        try:
            attempt()
            seen.append('ok')
        except (ParameterNameError, ParameterValueError, ParameterDefinitionError) as e:
            seen.append('%s: %s' % (type(e).__name__, e))

def run(ctx):
    for line in seen:
        ctx.comment(line)
`);
  assert.deepEqual(a.errors, []);
  assert.deepEqual(lines(a), [
    `ParameterNameError: Display name ${'x'.repeat(31)} greater than 30 characters.`,
    'ParameterNameError: Variable name must only contain alphanumeric characters, underscores, and cannot start with a digit.',
    'ParameterNameError: Variable name cannot be a reserved Python keyword.',
    `ParameterNameError: Description ${'d'.repeat(101)} greater than 100 characters.`,
    'ParameterNameError: Description millilitres greater than 10 characters.',
    "ParameterValueError: Parameter value 1.5 has type <class 'float'>, must match type <class 'int'>.",
    'ParameterDefinitionError: Must provide either choices or a minimum and maximum value',
    'ParameterDefinitionError: If choices are provided minimum and maximum values cannot be provided.',
    "ParameterDefinitionError: All choices must be a dictionary with keys 'display_name' and 'value'.",
    "ParameterDefinitionError: All choices provided must match type <class 'type'>",
    'ParameterDefinitionError: If a minimum value is provided a maximum must also be provided.',
    'ParameterDefinitionError: If a maximum value is provided a minimum must also be provided.',
    'ParameterDefinitionError: Maximum must be greater than the minimum',
    "ParameterDefinitionError: Minimum and maximum must match type <class 'int'>",
    "ParameterValueError: Parameter must be set to one of the allowed values of ['y'].",
    'ParameterValueError: Parameter must be between 0 and 2 inclusive.',
    'ParameterDefinitionError: Must provide either choices or a minimum and maximum value',
    'ok',
    'ParameterNameError: "dup" is already defined as a variable name for another parameter. All variable names must be unique.',
  ]);
  assert.deepEqual(a.runTimeParameters?.map((p) => p.variableName), ['dup']);
});

test('the exceptions are ValueErrors; a name ctx.params answers already is refused', async () => {
  const caught = await analyzeWith(`metadata = {'apiLevel': '2.18'}
seen = []
def add_parameters(p):
    try:
        p.add_int(display_name='A', variable_name='a', default=5, minimum=0, maximum=2)
    except ValueError as e:
        seen.append(type(e).__module__)
def run(ctx):
    ctx.comment(seen[0])
`);
  assert.deepEqual(lines(caught), ['opentrons.protocols.parameters.types']);
  const reserved = await analyzeWith(`metadata = {'apiLevel': '2.18'}
def add_parameters(p):
    p.add_int(display_name='A', variable_name='get_all', default=1, minimum=0, maximum=2)
def run(ctx):
    pass
`);
  assert.deepEqual(reserved.errors, [{
    type: 'ParameterNameError',
    description: 'Cannot use get_all as a variable name, either duplicates another parameter name, Opentrons reserved function, or Python built-in',
  }]);
});

test('add_parameters must be a function of one argument', async () => {
  const notFunction = await analyzeWith(`metadata = {'apiLevel': '2.18'}\nadd_parameters = 5\ndef run(ctx):\n    pass\n`);
  assert.deepEqual(notFunction.errors, [{ type: 'MalformedProtocolError', description: "'add_parameters' must be a function." }]);
  const twoArguments = await analyzeWith(`metadata = {'apiLevel': '2.18'}\ndef add_parameters(a, b):\n    pass\ndef run(ctx):\n    pass\n`);
  assert.deepEqual(twoArguments.errors, [{ type: 'MalformedProtocolError', description: "Function 'add_parameters' must take exactly one argument." }]);
});

test('a 2.18 protocol without add_parameters has empty ctx.params', async () => {
  const a = await analyzeWith(`metadata = {'apiLevel': '2.18'}\ndef run(ctx):\n    ctx.comment(str(len(ctx.params.get_all())))\n`);
  assert.deepEqual(lines(a), ['0']);
  assert.equal(a.runTimeParameters, undefined);
});
