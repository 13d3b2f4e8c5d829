// Running a JSON protocol of schema 6, 7 or 8 on the engine, as robot software 7.5.0's JSON runner
// does (json-protocols-v6-v8 §4.3, §8): read (failures refuse the upload), translate everything
// (failures: no commands, one `internal-error`), then the initial home and each command in turn
// until the first failure, whose error is the analysis error.
import type { ExecuteOptions } from '../../analysis/index.ts';
import { protocolMetadata } from '../../analysis/index.ts';
import { sharedDefinitions } from '../../definitions/index.ts';
import { LEVEL_OF_4_7, ProtocolEngine } from '../../engine/index.ts';
import type { LabwareDefinition } from '../../engine/index.ts';
import type { Analysis, EngineEquipment, ProtocolBundle, ProtocolErrorInfo, RunLogEntry } from '../../common/index.ts';
import { readEngineJson } from './read.ts';
import type { EngineJsonDoc } from './read.ts';
import { commandText, entryName } from './text.ts';
import { engineTextState } from './text-state.ts';
import { TranslationError, translateEngineJson } from './translate.ts';
import type { Translation } from './translate.ts';

const NO_EQUIPMENT: EngineEquipment = { labware: [], pipettes: [], modules: [], liquids: [] };

function baseAnalysis(doc: EngineJsonDoc): Pick<Analysis, 'protocolType' | 'metadata' | 'rawMetadata'> {
  // The protocol's metadata as it is; JSON v6–8 protocols name no API level.
  return { protocolType: 'json', metadata: protocolMetadata(doc.metadata, null), rawMetadata: doc.metadata };
}

/** A translation failure: the analysis holds no commands, no equipment and one `internal-error`. */
function translationFailure(doc: EngineJsonDoc, error: TranslationError): Analysis {
  return {
    ...baseAnalysis(doc),
    ok: false,
    requiredEquipment: { pipettes: [], labware: [], modules: [] },
    errors: [{ type: 'PythonException', description: error.detail }],
    warnings: [],
    commandCount: 0,
    estimatedDurationSeconds: 0,
    runLog: [],
    liquids: [],
    liquidHistory: [],
    customLabware: [],
    commands: [],
    engineRun: { schemaVersion: doc.schemaVersion, equipment: NO_EQUIPMENT, errorId: 'internal-error' },
  };
}

/**
 * Executes a JSON v6–8 protocol. Throws `ProtocolFilesInvalidError` or
 * `ProtocolRobotTypeMismatchError` when the file cannot be read (the upload is refused).
 */
export async function executeEngineJson(bundle: ProtocolBundle, options: ExecuteOptions): Promise<Analysis> {
  const doc = readEngineJson(bundle.protocolFile.data, bundle.protocolFile.name);
  let translation: Translation;
  try {
    translation = translateEngineJson(doc);
  } catch (err) {
    if (err instanceof TranslationError) return translationFailure(doc, err);
    throw err;
  }
  const engine = new ProtocolEngine({
    // The Protocol Engine's rules come from `protocolEngine`; the Python-level gates stay 4.7.0's.
    apiLevel: LEVEL_OF_4_7,
    definitions: sharedDefinitions(),
    // The protocol's own definitions come first; labware files uploaded beside it are not used.
    customLabware: Object.values(doc.labwareDefinitions) as unknown as LabwareDefinition[],
    labwareLibrary: bundle.labwareLibrary ?? [],
    isSimulating: options.mode === 'analyze',
    protocolEngine: true,
    preloadFixedTrash: doc.schemaVersion <= 7,
    liquids: translation.liquids,
    // A live run hands each command's hardware actions to the robot backend.
    recordHardwareActions: options.mode === 'run',
  });
  const names = engineTextState(() => engine.view, translation.liquids);
  const runLog: RunLogEntry[] = [];
  let error: ProtocolErrorInfo | null = null;
  let ran = 0;
  for (const command of translation.commands) {
    if (options.signal?.aborted) throw options.signal.reason;
    // A labware move is told from where the labware was; everything else from the state after it
    // ran (a load names what it loaded).
    const before = command.commandType === 'moveLabware' ? commandText(command, names) : null;
    const record = engine.execute({ commandType: command.commandType, params: command.params });
    ran++;
    // The original writes no text for these protocols; people get one line per command, as the
    // Opentrons App renders it, timed by the engine's model.
    const entry: RunLogEntry = {
      index: runLog.length,
      level: 0,
      text: before ?? commandText(command, names),
      name: entryName(command),
      line: null,
      startS: record.startedAt,
      durationS: record.completedAt - record.startedAt,
    };
    runLog.push(entry);
    // All of a command's time counts toward its one entry.
    const actions = record.actions?.map((action) => ({ ...action, entryIndex: entry.index }));
    if (options.step) await options.step([entry], actions);
    if (record.error !== null) {
      error = { type: record.error.errorType, description: record.error.detail };
      break;
    }
  }
  const outcome = engine.outcome(error === null);
  const commands = outcome.commands.map((c, i) => ({ ...c, key: translation.commands[i]?.key ?? c.id }));
  return {
    ...baseAnalysis(doc),
    ok: error === null,
    requiredEquipment: engine.requiredEquipment(),
    errors: error === null ? [] : [error],
    warnings: outcome.warnings,
    commandCount: ran,
    estimatedDurationSeconds: outcome.estimatedDurationSeconds,
    runLog,
    liquids: outcome.liquids,
    liquidHistory: outcome.liquidHistory,
    customLabware: outcome.customLabware,
    commands,
    engineRun: { schemaVersion: doc.schemaVersion, equipment: engine.engineEquipment(), errorId: null },
  };
}
