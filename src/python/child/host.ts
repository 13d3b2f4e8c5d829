// The engine side of the Python bridge: one function taking and returning JSON text. Python sends
// an engine command `{commandType, params, line}` (run with `engine.execute`, params checked by the
// command's schema), a view read `{view, args}` (views.ts), or one of the few host requests
// `{request, args}` (wire.ts); the host answers `{result}` or `{error: {type, message, code?}}` with
// the Python exception class name (and a failed engine command's code). After every command that logged something it reports the new
// run-log entries as one step (and, in a live run, blocks there until the parent says go on).
import type { ExecutionOutcome, RunLogEntry, RunTimeParameterValues } from '../../common/index.ts';
import { EMPTY_OUTCOME } from '../../analysis/index.ts';
import { MAX_SUPPORTED_VERSION, MEMBERS, ProtocolEngine, ProtocolApiError, RunTimeParameters, featuresAt, plain } from '../../engine/index.ts';
import type { CommandRecord, EngineOptions, FeatureName, LabwareDefinition } from '../../engine/index.ts';
import { sharedDefinitions, STANDARD_LOAD_NAMES } from '../../definitions/index.ts';
import { commandAnswer, readView } from './views.ts';
import { parseRequest } from './wire.ts';
import type { CommandRequest, HostRequest } from './wire.ts';

/** A step's hardware actions (null when the engine does not record them: analyses). */
export type StepActions = NonNullable<ProtocolEngine['hardwareActions']> | null;

export interface HostOptions {
  mode: 'analyze' | 'run';
  customLabware: Record<string, unknown>[];
  labwareLibrary: Record<string, unknown>[];
  /** Runtime-parameter values the lab gave in place of the defaults (absent: the defaults). */
  runTimeParameterValues?: RunTimeParameterValues;
  /** After a command that logged or moved: its run-log entries and (live runs) its hardware actions. */
  onStep: ((entries: readonly RunLogEntry[], actions: StepActions) => void) | null;
  /** Live runs: sleep by asking the parent (the time is waiting, not computing). */
  onWait: ((seconds: number) => void) | null;
  onParsed: (rawMetadata: Record<string, string>, apiLevel: string) => void;
  /** Tests: the engine once made, with the options it was made with (its state updates are then recorded). */
  inspectEngine?: (engine: ProtocolEngine, options: EngineOptions) => void;
}

export type HostOutcome = ExecutionOutcome;

export interface Host {
  call(request: string): string;
  finish(ok: boolean): HostOutcome;
}

/**
 * The answer to `parsed`: the engine's API-level rules the Python package needs (its highest level,
 * the members added after 2.0 with their levels) and its refusal of the protocol's level.
 */
interface ParsedAnswer {
  maxSupportedVersion: readonly number[];
  members: Record<string, readonly number[]>;
  /** Each behaviour gate of versions.ts decided for the protocol's level (empty when refused). */
  features: Partial<Record<FeatureName, boolean>>;
  refusal: { type: string; message: string } | null;
}

export class EngineHost implements Host {
  private engine: ProtocolEngine | null = null;
  /** The protocol's runtime parameters: not engine state (no command, no run-log entry), reported with the outcome. */
  private readonly parameters: RunTimeParameters;

  constructor(private readonly options: HostOptions) {
    this.parameters = new RunTimeParameters(options.runTimeParameterValues ?? {});
  }

  /**
   * Starts the engine at the protocol's level. The answer hands Python the engine's level rules
   * and, for a level the engine refuses, the refusal (raised where the protocol would start).
   */
  private start(apiLevel: string): ParsedAnswer {
    const levels = {
      maxSupportedVersion: MAX_SUPPORTED_VERSION,
      members: Object.fromEntries(Object.entries(MEMBERS).map(([name, gate]) => [name, gate.addedIn])),
    };
    try {
      const engineOptions: EngineOptions = {
        apiLevel,
        definitions: sharedDefinitions(),
        customLabware: this.options.customLabware as unknown as LabwareDefinition[],
        labwareLibrary: this.options.labwareLibrary as unknown as LabwareDefinition[],
        isSimulating: this.options.mode !== 'run',
        recordHardwareActions: this.options.mode === 'run',
        recordStateUpdates: this.options.inspectEngine !== undefined,
      };
      this.engine = new ProtocolEngine(engineOptions);
      this.options.inspectEngine?.(this.engine, engineOptions);
    } catch (error) {
      if (!(error instanceof ProtocolApiError)) throw error;
      return { ...levels, features: {}, refusal: { type: error.pyType, message: error.message } };
    }
    return { ...levels, features: featuresAt(this.engine.apiLevel), refusal: null };
  }

  call(requestJson: string): string {
    try {
      const request = parseRequest(requestJson);
      if ('commandType' in request) return this.command(request);
      if ('view' in request) return answer(readView(this.started(), request.view, request.args));
      return answer(this.hostRequest(request));
    } catch (error) {
      return failure(error);
    }
  }

  /** Runs one engine command and reports what it logged; a failed command answers its error. */
  private command(request: CommandRequest): string {
    const engine = this.started();
    engine.setSourceLine(request.line);
    const before = engine.entryCount;
    const actionsBefore = engine.hardwareActions?.length ?? 0;
    let record: CommandRecord;
    try {
      record = engine.execute({ commandType: request.commandType, params: request.params });
    } finally {
      engine.setSourceLine(null);
    }
    const actions = engine.hardwareActions?.slice(actionsBefore) ?? null;
    if (this.options.onStep && (engine.entryCount > before || (actions !== null && actions.length > 0))) this.options.onStep(engine.runLog.slice(before), actions);
    if (record.error !== null) {
      const { errorType: type, detail: message, errorCode: code, errorInfo: info } = record.error;
      // `code`: a failed engine command, which Python at apiLevel ≥ 2.14 wraps (spec Part D);
      // `info`: a coded Python error's details.
      return JSON.stringify({ error: { type, message, ...(code === undefined ? {} : { code }), ...(info === undefined ? {} : { info }) } });
    }
    return answer(commandAnswer(record.result));
  }

  /** The requests that are not about the engine's state. */
  private hostRequest(request: HostRequest): unknown {
    switch (request.request) {
      case 'parsed':
        this.options.onParsed(request.args.metadata, request.args.apiLevel);
        return this.start(request.args.apiLevel);
      case 'sleep':
        return sleepFor(request.args.seconds, request.args.counted ? null : this.options.onWait);
      case 'is_simulating':
        return this.options.mode !== 'run';
      case 'get_labware_definition': {
        const { loadName, namespace, version } = request.args;
        const found = sharedDefinitions().findLabware(
          loadName.toLowerCase(),
          namespace,
          plain(version),
          this.options.customLabware as unknown as LabwareDefinition[],
          this.options.labwareLibrary as unknown as LabwareDefinition[],
        );
        if (!found.ok) throw new ProtocolApiError(found.error.type, found.error.message);
        return found.definition;
      }
      case 'all_labware_load_names':
        return [...STANDARD_LOAD_NAMES];
      case 'add_parameter':
        this.parameters.define(request.args);
        return null;
      case 'parameter_values':
        return this.parameters.applyGivenValues();
      case 'deprecation_warning':
        this.started().warnDeprecated(request.args.member);
        return null;
    }
  }

  private started(): ProtocolEngine {
    if (this.engine === null) throw new Error('the engine is not started');
    return this.engine;
  }

  finish(ok: boolean): HostOutcome {
    const outcome = this.engine === null ? EMPTY_OUTCOME : this.engine.outcome(ok);
    const runTimeParameters = this.parameters.report();
    return runTimeParameters.length === 0 ? outcome : { ...outcome, runTimeParameters };
  }
}

export function createHost(options: HostOptions): Host {
  return new EngineHost(options);
}

// `time.sleep` in Pyodide spins the CPU. In an analysis the interpreter thread blocks on a word
// nobody changes (no CPU burnt; the time counts towards the limit, so an analysis always ends);
// in a live run the parent does the waiting, like a step, and the time is not compute time.
const sleepWord = new Int32Array(new SharedArrayBuffer(4));
function sleepFor(seconds: number | null, onWait: ((seconds: number) => void) | null): null {
  if (seconds === null || !(seconds > 0)) return null;
  if (onWait) onWait(seconds);
  else Atomics.wait(sleepWord, 0, 0, seconds * 1000);
  return null;
}

function answer(result: unknown): string {
  return JSON.stringify({ result: result ?? null });
}

/** An exception as the Python class to raise and its message (anything not ours is internal). */
function failure(error: unknown): string {
  if (error instanceof ProtocolApiError) {
    return JSON.stringify({ error: { type: error.pyType, message: error.message, ...(error.info === null ? {} : { info: error.info }) } });
  }
  const message = error instanceof Error ? error.message : String(error);
  return JSON.stringify({ error: { type: 'RuntimeError', message: `internal error: ${message}` } });
}
