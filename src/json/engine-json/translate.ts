// Turning a JSON v6–8 document into engine commands, all of them before anything runs, as robot
// software 7.5.0's JSON translator does (json-protocols-v6-v8 §4): the reader's parameter filter,
// `delay` and `pause`, schema 6's loads rebuilt from its maps, the engine's models, the command
// keys, and the liquids. Any failure here is a translation failure: no command runs at all.
import { createHash, randomUUID } from 'node:crypto';
import type { AnyCommand, EngineLiquid } from '../../engine/index.ts';
import { isObject } from './coerce.ts';
import { createModelName, ENGINE_COMMAND_TYPES, MODULE_MODELS, MOUNTS, parseParams, PIPETTE_NAMES } from './models.ts';
import type { EngineJsonCommand, EngineJsonDoc, EngineSchemaVersion } from './read.ts';

/** A failure to translate: the engine reports it as a `PythonException` with this text. */
export class TranslationError extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'TranslationError';
  }
}

/** The parameter names the reader's flat model keeps, by schema (§4.1); any other is dropped. */
const V6_PARAMS = [
  'axes', 'axis', 'blockMaxVolumeUl', 'celsius', 'coordinates', 'displayName', 'distance', 'flowRate', 'forceDirect',
  'height', 'labwareId', 'liquidId', 'location', 'message', 'minimumZHeight', 'moduleId', 'mount', 'offset',
  'pipetteId', 'positionId', 'profile', 'radius', 'rpm', 'seconds', 'slotName', 'speed', 'temperature', 'volume',
  'volumeByWell', 'waitForResume', 'wellLocation', 'wellName',
];
const V7_PARAMS = [
  ...V6_PARAMS, 'alternateDropLocation', 'dropOffset', 'holdTimeSeconds', 'homeAfter', 'loadName', 'maintenancePosition',
  'model', 'namespace', 'newLocation', 'pickUpOffset', 'pipetteName', 'pushOut', 'strategy', 'version',
];
const V8_PARAMS = [...V7_PARAMS, 'addressableAreaName', 'configurationParams', 'stayAtHighestPossibleZ'];
const KEPT_PARAMS: Record<EngineSchemaVersion, ReadonlySet<string>> = { 6: new Set(V6_PARAMS), 7: new Set(V7_PARAMS), 8: new Set(V8_PARAMS) };

/** One translated command: what the engine runs and the key the analysis shows. */
export interface TranslatedCommand extends AnyCommand {
  key: string;
}

function keptParams(version: EngineSchemaVersion, params: Record<string, unknown>): Record<string, unknown> {
  const kept = KEPT_PARAMS[version];
  return Object.fromEntries(Object.entries(params).filter(([name, value]) => kept.has(name) && value !== null));
}

/** `delay` becomes a wait for resume or for a duration; `pause` is the wait for resume (§4.2). */
function engineType(commandType: string, params: Record<string, unknown>): string {
  if (commandType === 'delay') return 'waitForResume' in params ? 'waitForResume' : 'waitForDuration';
  if (commandType === 'pause') return 'waitForResume';
  return commandType;
}

function pythonRepr(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

const UNION = `ParsingModel[Annotated[Union[${[...new Set(ENGINE_COMMAND_TYPES.map(createModelName))].join(', ')}], FieldInfo(default=PydanticUndefined, discriminator='commandType', extra={})]]`;

function validationError(lines: string[]): TranslationError {
  const n = lines.length;
  return new TranslationError(`pydantic.error_wrappers.ValidationError: ${n} validation error${n === 1 ? '' : 's'} for ${UNION}\n${lines.join('\n')}`);
}

/** Schema 6's load commands take names from the document's maps. */
function fromMaps(doc: EngineJsonDoc, commandType: string, params: Record<string, unknown>): Record<string, unknown> {
  switch (commandType) {
    case 'loadPipette': {
      const name = doc.pipettes[String(params.pipetteId)]?.name;
      if (!(PIPETTE_NAMES as readonly string[]).includes(name)) throw new TranslationError(`ValueError: ${pythonRepr(String(name))} is not a valid PipetteNameType`);
      if (!(MOUNTS as readonly unknown[]).includes(params.mount)) throw new TranslationError(`ValueError: ${pythonRepr(String(params.mount))} is not a valid MountType`);
      return { pipetteName: name, mount: params.mount, pipetteId: params.pipetteId };
    }
    case 'loadModule': {
      const model = doc.modules[String(params.moduleId)]?.model;
      if (!(MODULE_MODELS as readonly string[]).includes(model)) throw new TranslationError(`ValueError: ${pythonRepr(String(model))} is not a valid ModuleModel`);
      return { model, location: params.location, moduleId: params.moduleId };
    }
    case 'loadLabware': {
      const entry = doc.labware[String(params.labwareId)];
      const definition = doc.labwareDefinitions[entry.definitionId];
      if (definition === undefined) throw new TranslationError(`KeyError: ${pythonRepr(entry.definitionId)}`);
      const parameters = isObject(definition.parameters) ? definition.parameters : {};
      return {
        location: params.location,
        loadName: parameters.loadName,
        namespace: definition.namespace,
        version: definition.version,
        labwareId: params.labwareId,
        displayName: entry.displayName ?? null,
      };
    }
    default:
      return params;
  }
}

/** The ids the engine generates where a load names none. */
function withGeneratedIds(commandType: string, params: Record<string, unknown>): Record<string, unknown> {
  const idParam = commandType === 'loadPipette' ? 'pipetteId' : commandType === 'loadModule' ? 'moduleId' : commandType === 'loadLabware' ? 'labwareId' : null;
  if (idParam === null || params[idParam] !== null) return params;
  return { ...params, [idParam]: randomUUID() };
}

function translateOne(doc: EngineJsonDoc, command: EngineJsonCommand): AnyCommand {
  const filtered = keptParams(doc.schemaVersion, command.params);
  const commandType = engineType(command.commandType, filtered);
  if (!ENGINE_COMMAND_TYPES.includes(commandType)) {
    const allowed = ENGINE_COMMAND_TYPES.map((t) => `'${t}'`).join(', ');
    throw validationError([`__root__\n  No match for discriminator 'commandType' and value ${pythonRepr(commandType)} (allowed values: ${allowed})`]);
  }
  const given = doc.schemaVersion === 6 ? fromMaps(doc, commandType, filtered) : filtered;
  const { params, errors } = parseParams(commandType, given);
  if (errors.length > 0) {
    const model = createModelName(commandType);
    throw validationError(errors.map((e) => `__root__ -> ${model} -> params -> ${e.path.join(' -> ')}\n  ${e.message}`));
  }
  return { commandType, params: withGeneratedIds(commandType, params) };
}

/**
 * A command's key: the protocol's own, or else a hash chain over the command types so far (the
 * engine's initial `home` included), so keys depend only on the sequence of types (§4.4).
 */
export class CommandKeys {
  private previous = '';

  next(commandType: string, given: string | undefined): string {
    const digest = createHash('md5').update(commandType).digest();
    this.previous = createHash('md5').update(Buffer.concat([Buffer.from(this.previous, 'ascii'), digest])).digest('hex');
    return given ?? this.previous;
  }
}

/** The engine's first command in every run: home all axes. */
export const INITIAL_HOME: AnyCommand = { commandType: 'home', params: { axes: null, skipIfMountPositionOk: null } };

const HEX_COLOR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;

/** The document's liquids as the engine keeps them; a colour must be a hex colour. */
function translateLiquids(doc: EngineJsonDoc): EngineLiquid[] {
  return Object.entries(doc.liquids).map(([id, liquid]) => {
    const color = liquid.displayColor ?? null;
    if (color !== null && !HEX_COLOR.test(String(color))) {
      throw new TranslationError(
        'pydantic.error_wrappers.ValidationError: 1 validation error for HexColor\n__root__\n  Color is not a valid hex color. (type=value_error)',
      );
    }
    return { id, displayName: String(liquid.displayName), description: String(liquid.description), displayColor: color === null ? null : String(color) };
  });
}

export interface Translation {
  /** The initial home, then the document's commands, each with its key. */
  commands: TranslatedCommand[];
  liquids: EngineLiquid[];
}

/** Translates the whole document up front; throws `TranslationError` for the first command that fails. */
export function translateEngineJson(doc: EngineJsonDoc): Translation {
  const translated = doc.commands.map((command) => ({ command: translateOne(doc, command), key: command.key }));
  const liquids = translateLiquids(doc);
  const keys = new CommandKeys();
  const commands: TranslatedCommand[] = [{ ...INITIAL_HOME, key: keys.next(INITIAL_HOME.commandType, undefined) }];
  for (const { command, key } of translated) commands.push({ ...command, key: keys.next(command.commandType, key) });
  return { commands, liquids };
}
