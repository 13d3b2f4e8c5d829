// An analysis in the shape robot-server 7 gives at `GET /protocols/{id}/analyses`: the engine's
// commands with their params, results and errors, the equipment they loaded, and the errors as
// occurrences. Built from the analysis alone (a pure function), for the server and the CLI.
import { sharedDefinitions } from '../definitions/index.ts';
import { featuresAt, GENERAL_ERROR_CODE, withoutFloatMarkers } from '../engine/index.ts';
import type { Analysis, AnalysisCommand, EngineEquipment, ErrorTree, ProtocolErrorInfo, RunTimeParameter } from '../common/index.ts';

export interface ErrorOccurrence {
  id: string;
  createdAt: string;
  errorCode: string;
  errorType: string;
  detail: string;
  errorInfo: Record<string, unknown>;
  wrappedErrors: ErrorOccurrence[];
}

export interface RobotServerCommand {
  id: string;
  createdAt: string;
  commandType: string;
  key: string;
  status: 'succeeded' | 'failed';
  params: Record<string, unknown>;
  result: unknown;
  error: ErrorOccurrence | null;
  startedAt: string;
  completedAt: string;
  intent: 'protocol';
  notes: never[];
  failedCommandId: null;
}

export interface CompletedAnalysis {
  id: string;
  status: 'completed';
  result: 'ok' | 'not-ok';
  robotType: 'OT-2 Standard';
  runTimeParameters: RunTimeParameter[];
  commands: RobotServerCommand[];
  labware: EngineEquipment['labware'];
  pipettes: EngineEquipment['pipettes'];
  modules: { id: string; model: string; location: { slotName: string }; serialNumber: string | null }[];
  liquids: EngineEquipment['liquids'];
  errors: ErrorOccurrence[];
}

/** The `errorInfo` of the engine errors that carry one: a refused gripper move names its strategy. */
function engineErrorInfo(command: AnalysisCommand): Record<string, unknown> {
  if (command.error?.errorType === 'NotSupportedOnRobotType' && command.commandType === 'moveLabware') return { strategy: command.params.strategy };
  return {};
}

/**
 * Timestamps are the analysis's start plus each command's modeled time, so a client reading
 * `startedAt`/`completedAt` sees how long the robot would take, not how long the simulation did.
 */
function at(startMs: number, seconds: number): string {
  return new Date(startMs + Math.round(seconds * 1000)).toISOString();
}

function commandError(command: AnalysisCommand, startMs: number, engineCodes: boolean): ErrorOccurrence | null {
  if (command.error === null) return null;
  return {
    id: `${command.id}-error`,
    createdAt: at(startMs, command.completedAt),
    // A failed engine command carries its code; Python-layer errors are the general one.
    errorCode: command.errorCode ?? GENERAL_ERROR_CODE,
    errorType: command.error.errorType,
    detail: command.error.detail,
    errorInfo: engineCodes ? engineErrorInfo(command) : {},
    wrappedErrors: [],
  };
}

/**
 * The commands as robot-server 7 lists them. `engineCodes`: the protocol ran under the Protocol
 * Engine's rules (JSON v6–8), whose errors carry their details (`errorInfo`).
 */
export function robotServerCommands(commands: readonly AnalysisCommand[], createdAt: string, engineCodes = false): RobotServerCommand[] {
  const startMs = Date.parse(createdAt);
  return commands.map((command) => ({
    id: command.id,
    createdAt: at(startMs, command.startedAt),
    commandType: command.commandType,
    key: command.key ?? command.id,
    status: command.status,
    params: withoutFloatMarkers(command.params) as Record<string, unknown>,
    result: withoutFloatMarkers(command.result),
    error: commandError(command, startMs, engineCodes),
    startedAt: at(startMs, command.startedAt),
    completedAt: at(startMs, command.completedAt),
    intent: 'protocol',
    notes: [],
    failedCommandId: null,
  }));
}

/**
 * The analysis's error as an occurrence. When the protocol failed on a command, it is that
 * command's error (same id); otherwise (a syntax error, an exception of the protocol's own) it is
 * the analysis error with its line.
 */
function analysisErrors(analysis: Analysis, commands: readonly RobotServerCommand[], createdAt: string): ErrorOccurrence[] {
  const failure: ProtocolErrorInfo | undefined = analysis.errors[0];
  if (analysis.ok || failure === undefined) return [];
  // A Python protocol reports its errors as trees (spec Part D); they happened at the run's end.
  if (analysis.errorOccurrences !== undefined) {
    const when = at(Date.parse(createdAt), analysis.estimatedDurationSeconds);
    return analysis.errorOccurrences.map((tree, n) => occurrence(tree, n === 0 ? 'analysis-error' : `analysis-error-${n + 1}`, when));
  }
  const last = commands.at(-1)?.error;
  // The 4.x error wraps the command's (ExceptionInProtocolError with the line): one occurrence.
  if (last && failure.description.includes(last.detail)) return [last];
  // A JSON v6–8 protocol whose commands could not be translated: the engine's internal error.
  const id = analysis.engineRun?.errorId ?? 'analysis-error';
  const errorInfo: Record<string, unknown> = {};
  if (failure.lineNumber !== undefined && failure.lineNumber !== null) errorInfo.lineNumber = failure.lineNumber;
  if (failure.fileName !== undefined && failure.fileName !== null) errorInfo.fileName = failure.fileName;
  return [
    { id, createdAt: at(Date.parse(createdAt), 0), errorCode: GENERAL_ERROR_CODE, errorType: failure.type, detail: failure.description, errorInfo, wrappedErrors: [] },
  ];
}

/** A tree as occurrences: the wrapped errors share their wrapper's id and time, as the engine's do. */
function occurrence(tree: ErrorTree, id: string, createdAt: string): ErrorOccurrence {
  return {
    id,
    createdAt,
    errorCode: tree.errorCode,
    errorType: tree.errorType,
    detail: tree.detail,
    errorInfo: tree.errorInfo,
    wrappedErrors: tree.wrappedErrors.map((wrapped) => occurrence(wrapped, id, createdAt)),
  };
}

function object(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

/** A slot as robot-server writes it: always a string. */
function location(value: unknown): Record<string, unknown> {
  const given = object(value);
  return 'slotName' in given ? { slotName: String(given.slotName) } : given;
}

/**
 * Whether the engine's state holds the fixed trash as a labware (listed first): below apiLevel 2.16.
 * From 2.16 a Python protocol's fixed trash is the trash bin, an addressable area, not a labware.
 */
function fixedTrashIsLabware(apiLevel: string | null): boolean {
  const level = /^(\d+)\.(\d+)$/.exec(apiLevel ?? '');
  return level === null || !featuresAt([Number(level[1]), Number(level[2])]).trashBin;
}

function equipment(commands: readonly AnalysisCommand[], withFixedTrash: boolean): Pick<CompletedAnalysis, 'labware' | 'pipettes' | 'modules'> {
  const trash = sharedDefinitions().fixedTrash();
  const trashUri = `${trash.namespace}/${trash.parameters.loadName}/${trash.version}`;
  const labware: CompletedAnalysis['labware'] = withFixedTrash
    ? [{ id: 'fixedTrash', loadName: trash.parameters.loadName, definitionUri: trashUri, location: { slotName: '12' }, offsetId: null, displayName: null }]
    : [];
  const pipettes: CompletedAnalysis['pipettes'] = [];
  const modules: CompletedAnalysis['modules'] = [];
  for (const command of commands) {
    if (command.status !== 'succeeded') continue;
    const params = command.params;
    const result = object(command.result);
    if (command.commandType === 'loadLabware') {
      labware.push({
        id: String(result.labwareId),
        loadName: String(params.loadName),
        definitionUri: String(result.definitionUri),
        location: location(params.location),
        offsetId: null,
        displayName: typeof params.displayName === 'string' ? params.displayName : null,
      });
    } else if (command.commandType === 'loadPipette') {
      pipettes.push({ id: String(result.pipetteId), pipetteName: String(result.pipetteName), mount: String(params.mount) });
    } else if (command.commandType === 'loadModule') {
      modules.push({ id: String(result.moduleId), model: String(result.model), location: { slotName: String(object(result.location).slotName) }, serialNumber: null });
    }
  }
  return { labware, pipettes, modules };
}

const DEFINE_LIQUID = 'labwright/defineLiquid';

/** The liquids a Python protocol defined (`ctx.define_liquid`), as robot-server lists them. */
function definedLiquids(commands: readonly AnalysisCommand[]): EngineEquipment['liquids'] {
  return commands
    .filter((c) => c.commandType === DEFINE_LIQUID && c.status === 'succeeded')
    .map((c) => {
      const liquid = object(c.result);
      return {
        id: String(liquid.id),
        displayName: String(liquid.displayName),
        description: String(liquid.description),
        displayColor: typeof liquid.displayColor === 'string' ? liquid.displayColor : null,
      };
    });
}

export function completedAnalysis(analysis: Analysis, options: { id: string; createdAt: string }): CompletedAnalysis {
  const engineRun = analysis.engineRun;
  // A Python protocol's liquids are defined by commands of ours that robot-server does not list.
  const all = analysis.commands ?? [];
  const listed = all.filter((c) => c.commandType !== DEFINE_LIQUID);
  const commands = robotServerCommands(listed, options.createdAt, engineRun !== undefined);
  const errors = analysisErrors(analysis, commands, options.createdAt);
  // JSON v6–8: the equipment is the engine's state at the end (§8.1); otherwise the loads' records.
  const items =
    engineRun !== undefined
      ? engineRun.equipment
      : { ...equipment(all, fixedTrashIsLabware(analysis.metadata.apiLevel)), liquids: definedLiquids(all) };
  return {
    id: options.id,
    status: 'completed',
    result: errors.length > 0 ? 'not-ok' : 'ok',
    robotType: 'OT-2 Standard',
    runTimeParameters: analysis.runTimeParameters ?? [],
    commands,
    labware: items.labware,
    pipettes: items.pipettes,
    modules: items.modules,
    liquids: items.liquids,
    errors,
  };
}
