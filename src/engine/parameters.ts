// Runtime parameters (apiLevel 2.18's `add_parameters`): the definition rules and texts of robot
// software 7's `opentrons.protocols.parameters`, the values a lab gives in place of the defaults,
// and each parameter in robot-server 7's `runTimeParameters` shape. Python hands every argument
// over as a `PyValue` (its Python type name beside its JSON value), because the rules are Python's
// `isinstance` checks and the texts print Python's `str()` and `type()` of what was given.
import type { RunTimeParameter, RunTimeParameterValue, RunTimeParameterValues } from '../common/index.ts';
import { ProtocolApiError } from './errors.ts';
import { pyFloat, pyInt, pyRepr } from './pyfloat.ts';

export type ParameterType = RunTimeParameter['type'];

/** A Python value as the package sends it: `type(v).__name__`, the value (null when not JSON) and `str(v)`. */
export interface PyValue {
  type: string;
  value: unknown;
  text: string;
}

/** One choice as given: each key as a PyValue, or null when the dict lacks it (or is no dict). */
export interface PyChoice {
  display_name: PyValue | null;
  value: PyValue | null;
}

/** The arguments of `ParameterContext.add_int/add_float/add_bool/add_str`, as Python gave them. */
export interface ParameterRequest {
  type: ParameterType;
  displayName: PyValue;
  variableName: PyValue;
  default: PyValue;
  minimum: PyValue | null;
  maximum: PyValue | null;
  choices: PyChoice[] | null;
  description: PyValue | null;
  unit: PyValue | null;
}

type Scalar = RunTimeParameterValue;

interface Definition {
  type: ParameterType;
  displayName: string;
  variableName: string;
  description: string | null;
  unit: string | null;
  default: PyValue;
  value: PyValue;
  choices: { displayName: string; value: PyValue }[] | null;
  minimum: PyValue | null;
  maximum: PyValue | null;
}

const DISPLAY_NAME_MAX_LEN = 30;
const DESCRIPTION_MAX_LEN = 100;
const UNIT_MAX_LEN = 10;

const PYTHON_KEYWORDS = new Set(
  ('False None True and as assert async await break class continue def del elif else except finally for from ' +
    'global if import in is lambda nonlocal not or pass raise return try while with yield').split(' '),
);

/** `str.isidentifier()`: a letter or underscore, then letters, digits, marks or connectors. */
const IDENTIFIER = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u;

const nameError = (message: string) => new ProtocolApiError('ParameterNameError', message);
const valueError = (message: string) => new ProtocolApiError('ParameterValueError', message);
const definitionError = (message: string) => new ProtocolApiError('ParameterDefinitionError', message);

/** Python's `str(type)` of a parameter type. */
function typeText(type: ParameterType): string {
  return `<class '${type}'>`;
}

/** Python's `str(v)` of a value (computed for the scalars, whose JSON may have lost int-vs-float). */
function str(v: PyValue): string {
  switch (v.type) {
    case 'int':
      return pyInt(Number(v.value));
    case 'float':
      return pyFloat(Number(v.value));
    case 'bool':
      return v.value ? 'True' : 'False';
    case 'str':
      return String(v.value);
    default:
      return v.text;
  }
}

/** `isinstance(v, type)`: a bool is an int in Python. */
function isInstance(v: PyValue, type: ParameterType): boolean {
  return v.type === type || (type === 'int' && v.type === 'bool');
}

function isNumber(v: PyValue): boolean {
  return v.type === 'int' || v.type === 'float' || v.type === 'bool';
}

function numeric(v: PyValue): number {
  return typeof v.value === 'boolean' ? Number(v.value) : Number(v.value);
}

/** A float parameter takes ints as floats (`add_float(default=5)` is 5.0). */
function asFloat(v: PyValue): PyValue {
  return v.type === 'int' ? { type: 'float', value: Number(v.value), text: pyFloat(Number(v.value)) } : v;
}

/** Python's `==` between two parameter values (`1 == 1.0 == True`). */
function equal(a: PyValue, b: PyValue): boolean {
  if (isNumber(a) && isNumber(b)) return numeric(a) === numeric(b);
  return a.type === b.type && a.value === b.value;
}

function checkDisplayName(name: PyValue): string {
  const text = str(name);
  if ([...text].length > DISPLAY_NAME_MAX_LEN) throw nameError(`Display name ${text} greater than ${DISPLAY_NAME_MAX_LEN} characters.`);
  return text;
}

function checkVariableName(name: PyValue): string {
  if (name.type !== 'str') throw new ProtocolApiError('AttributeError', `'${name.type}' object has no attribute 'isidentifier'`);
  const text = String(name.value);
  if (!IDENTIFIER.test(text)) {
    throw nameError('Variable name must only contain alphanumeric characters, underscores, and cannot start with a digit.');
  }
  if (PYTHON_KEYWORDS.has(text)) throw nameError('Variable name cannot be a reserved Python keyword.');
  return text;
}

function checkOptionalText(given: PyValue | null, maxLength: number): string | null {
  if (given === null || given.type === 'NoneType') return null;
  const text = str(given);
  // The original names a too-long unit a description too.
  if ([...text].length > maxLength) throw nameError(`Description ${text} greater than ${maxLength} characters.`);
  return text;
}

function checkType(value: PyValue, type: ParameterType): void {
  if (!isInstance(value, type)) {
    throw valueError(`Parameter value ${str(value)} has type <class '${value.type}'>, must match type ${typeText(type)}.`);
  }
}

function present(v: PyValue | null): v is PyValue {
  return v !== null && v.type !== 'NoneType';
}

/** The value rules of a defined parameter: its type, then its choices or its range. */
function checkValue(definition: Definition, value: PyValue): void {
  checkType(value, definition.type);
  if (definition.choices !== null) {
    if (!definition.choices.some((choice) => equal(choice.value, value))) {
      const allowed = distinct(definition.choices.map((choice) => choice.value));
      throw valueError(`Parameter must be set to one of the allowed values of ${sortedRepr(allowed)}.`);
    }
    return;
  }
  const { minimum, maximum } = definition;
  if (minimum !== null && maximum !== null && isNumber(value) && !(numeric(minimum) <= numeric(value) && numeric(value) <= numeric(maximum))) {
    throw valueError(`Parameter must be between ${str(minimum)} and ${str(maximum)} inclusive.`);
  }
}

function distinct(values: PyValue[]): PyValue[] {
  return values.filter((v, i) => values.findIndex((w) => equal(v, w)) === i);
}

/** Python's `repr(sorted(values))`. */
function sortedRepr(values: PyValue[]): string {
  const sorted = [...values].sort((a, b) => {
    if (isNumber(a) && isNumber(b)) return numeric(a) - numeric(b);
    const x = String(a.value);
    const y = String(b.value);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return `[${sorted.map(scalarRepr).join(', ')}]`;
}

function scalarRepr(v: PyValue): string {
  if (v.type === 'float') return pyFloat(Number(v.value));
  if (v.type === 'int' || v.type === 'bool' || v.type === 'str') return pyRepr(v.value);
  return v.text;
}

function checkChoices(request: ParameterRequest, choices: PyChoice[]): { displayName: string; value: PyValue }[] {
  if (present(request.minimum) || present(request.maximum)) {
    throw definitionError('If choices are provided minimum and maximum values cannot be provided.');
  }
  return choices.map((choice) => {
    if (choice.display_name === null || choice.value === null) {
      throw definitionError("All choices must be a dictionary with keys 'display_name' and 'value'.");
    }
    const displayName = checkDisplayName(choice.display_name);
    const value = request.type === 'float' ? asFloat(choice.value) : choice.value;
    // The original prints the type of the type here.
    if (!isInstance(value, request.type)) throw definitionError("All choices provided must match type <class 'type'>");
    return { displayName, value };
  });
}

function checkRange(type: ParameterType, minimum: PyValue | null, maximum: PyValue | null): void {
  if (minimum !== null && maximum === null) throw definitionError('If a minimum value is provided a maximum must also be provided.');
  if (maximum !== null && minimum === null) throw definitionError('If a maximum value is provided a minimum must also be provided.');
  if (minimum === null || maximum === null) return;
  if (!isNumber(minimum) || !isNumber(maximum)) throw definitionError('Only parameters of type float or int can have a minimum and maximum');
  if (numeric(maximum) <= numeric(minimum)) throw definitionError('Maximum must be greater than the minimum');
  if (!isInstance(minimum, type) || !isInstance(maximum, type)) throw definitionError(`Minimum and maximum must match type ${typeText(type)}`);
}

/** A JSON value given for a parameter, as Python would hold it (whole numbers for an int, 0/1 for a bool). */
function givenValue(value: RunTimeParameterValue, type: ParameterType): PyValue {
  if (typeof value === 'number') {
    if (type === 'float') return { type: 'float', value, text: pyFloat(value) };
    if (type === 'bool' && (value === 0 || value === 1)) return { type: 'bool', value: value === 1, text: value === 1 ? 'True' : 'False' };
    if (type === 'int' && Number.isInteger(value)) return { type: 'int', value, text: pyInt(value) };
    return Number.isInteger(value) && type !== 'bool' ? { type: 'int', value, text: pyInt(value) } : { type: 'float', value, text: pyFloat(value) };
  }
  if (typeof value === 'boolean') return { type: 'bool', value, text: value ? 'True' : 'False' };
  return { type: 'str', value, text: value };
}

/** What the Python package needs to build `ctx.params`: each value with its Python type. */
export interface ParameterValueOut {
  variableName: string;
  type: ParameterType;
  value: Scalar;
}

/** The parameters one protocol defined, in order, and the values the lab gave for them. */
export class RunTimeParameters {
  private readonly definitions = new Map<string, Definition>();

  constructor(private readonly given: RunTimeParameterValues = {}) {}

  /** `add_int` & co.: checks the definition as the original does, then keeps it with its default. */
  define(request: ParameterRequest): void {
    const name = request.variableName;
    if (name.type === 'str' && this.definitions.has(String(name.value))) {
      throw nameError(`"${String(name.value)}" is already defined as a variable name for another parameter. All variable names must be unique.`);
    }
    const displayName = checkDisplayName(request.displayName);
    const variableName = checkVariableName(name);
    const description = checkOptionalText(request.description, DESCRIPTION_MAX_LEN);
    const unit = checkOptionalText(request.unit, UNIT_MAX_LEN);
    const float = (v: PyValue | null) => (v !== null && request.type === 'float' ? asFloat(v) : v);
    const defaultValue = float(request.default) as PyValue;
    const minimum = present(request.minimum) ? float(request.minimum) : null;
    const maximum = present(request.maximum) ? float(request.maximum) : null;
    checkType(defaultValue, request.type);
    const choicesGiven = request.choices;
    if (choicesGiven === null && minimum === null && maximum === null) {
      throw definitionError('Must provide either choices or a minimum and maximum value');
    }
    let choices: Definition['choices'] = null;
    if (choicesGiven !== null) choices = checkChoices(request, choicesGiven);
    else checkRange(request.type, minimum, maximum);
    const definition: Definition = {
      type: request.type,
      displayName,
      variableName,
      description,
      unit,
      default: defaultValue,
      value: defaultValue,
      choices,
      minimum: choices === null ? minimum : null,
      maximum: choices === null ? maximum : null,
    };
    checkValue(definition, defaultValue);
    this.definitions.set(variableName, definition);
  }

  /**
   * Puts the lab's values in place of the defaults (after `add_parameters`, before `run`), each
   * checked as the original checks a value set at run setup; returns every parameter's value.
   */
  applyGivenValues(): ParameterValueOut[] {
    for (const [name, raw] of Object.entries(this.given)) {
      const definition = this.definitions.get(name);
      if (definition === undefined) throw definitionError(`Parameter ${name} is not defined as a parameter for this protocol.`);
      const value = givenValue(raw, definition.type);
      checkValue(definition, value);
      definition.value = value;
    }
    return [...this.definitions.values()].map((d) => ({ variableName: d.variableName, type: d.type, value: d.value.value as Scalar }));
  }

  /** Every parameter in robot-server 7's `runTimeParameters` shape, in definition order. */
  report(): RunTimeParameter[] {
    return [...this.definitions.values()].map(reportOne);
  }
}

function scalar(v: PyValue, type: ParameterType): Scalar {
  if (type === 'bool') return Boolean(v.value);
  if (type === 'str') return String(v.value);
  return numeric(v);
}

function reportOne(d: Definition): RunTimeParameter {
  const base = { displayName: d.displayName, variableName: d.variableName, description: d.description };
  if (d.type === 'bool') {
    return { ...base, suffix: null, type: 'bool', value: Boolean(d.value.value), default: Boolean(d.default.value) };
  }
  if (d.choices !== null) {
    return {
      ...base,
      suffix: null,
      type: d.type,
      choices: d.choices.map((c) => ({ displayName: c.displayName, value: scalar(c.value, d.type) })),
      value: scalar(d.value, d.type),
      default: scalar(d.default, d.type),
    };
  }
  return {
    ...base,
    suffix: d.unit,
    type: d.type,
    min: numeric(d.minimum as PyValue),
    max: numeric(d.maximum as PyValue),
    value: numeric(d.value),
    default: numeric(d.default),
  };
}

/** The refusal of values given for a protocol that defines no parameters (a JSON protocol). */
export function undefinedParameterError(values: RunTimeParameterValues): ProtocolApiError | null {
  const first = Object.keys(values)[0];
  return first === undefined ? null : definitionError(`Parameter ${first} is not defined as a parameter for this protocol.`);
}
