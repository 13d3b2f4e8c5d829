// The Python executor: takes a warm sandboxed interpreter, runs one protocol in it, and turns what
// comes back into an Analysis (metadata rules of http-api.md §2.7 on failures).
import type { Analysis, ProtocolBundle, ProtocolErrorInfo } from '../common/index.ts';
import type { ExecuteOptions, ExecutorService, PythonServiceOptions } from '../analysis/index.ts';
import type { JobResult, JobSpec } from './messages.ts';
import { InterpreterPool } from './pool.ts';
import { SandboxFailure } from './sandbox-process.ts';
import type { SandboxProcess } from './sandbox-process.ts';
import { customLabwareFromFiles } from '../definitions/index.ts';
import { buildAnalysis, EMPTY_OUTCOME, protocolMetadata } from '../analysis/index.ts';

function toAnalysis(result: JobResult): Analysis {
  const parsed = result.stage !== 'parse';
  return buildAnalysis({
    protocolType: 'python',
    metadata: parsed ? protocolMetadata(result.rawMetadata, result.apiLevel) : protocolMetadata(null, null),
    rawMetadata: parsed ? result.rawMetadata : null,
    // A job reports `ok` only when the protocol ran to its end; a failure always carries its error.
    error: result.stage === 'ok' ? null : (result.error ?? { type: 'RuntimeError', description: 'Protocol execution failed' }),
    errorOccurrences: result.errorOccurrences,
    outcome: result,
    reproducible: result.reproducible,
    valuesRefused: result.valuesRefused === true,
  });
}

function limitError(failure: SandboxFailure): ProtocolErrorInfo {
  switch (failure.kind) {
    case 'timeout':
      return { type: 'TimeoutError', description: `Protocol execution ${failure.message}` };
    case 'memory':
      return { type: 'MemoryError', description: `Protocol execution ${failure.message}` };
    default:
      return { type: 'RuntimeError', description: `Protocol execution failed in the sandbox: ${failure.message}` };
  }
}

export interface PythonService extends ExecutorService {
  /** Resolves once `count` interpreters (default: the pool size) are warm. */
  warm(count?: number): Promise<void>;
  /** Resolves when the service's first interpreter is ready (the pool then starts at once). */
  readonly firstReady: Promise<void>;
}

export function createPythonService(options: PythonServiceOptions): PythonService {
  const pool = new InterpreterPool(
    Math.max(0, options.poolSize),
    options.limits,
    options.sandboxFiles,
    options.jobsPerProcess,
    Math.max(0, options.poolSize, options.maxPoolSize ?? 0),
  );
  const running = new Set<SandboxProcess>();

  const execute = async (bundle: ProtocolBundle, opts: ExecuteOptions): Promise<Analysis> => {
    const signal = opts.signal;
    if (signal?.aborted) throw signal.reason;
    const job: JobSpec = {
      mode: opts.mode,
      stepping: opts.mode === 'run' && opts.step !== undefined,
      protocolFile: { name: bundle.protocolFile.name, data: bundle.protocolFile.data },
      supportFiles: bundle.supportFiles.map((file) => ({ name: file.name, data: file.data })),
      customLabware: customLabwareFromFiles(bundle.supportFiles),
      labwareLibrary: [...(bundle.labwareLibrary ?? [])],
      runTimeParameterValues: { ...(bundle.runTimeParameterValues ?? {}) },
    };
    let child: SandboxProcess;
    try {
      child = await pool.acquire(signal);
    } catch (error) {
      if (error instanceof SandboxFailure && error.kind === 'aborted') throw signal?.reason ?? error;
      throw error;
    }
    running.add(child);
    let parsed: { raw: Record<string, string>; apiLevel: string } | null = null;
    try {
      const result = await child.run(job, {
        step: opts.step,
        signal,
        onParsed: (raw, apiLevel) => {
          parsed = { raw, apiLevel };
        },
      });
      return toAnalysis(result);
    } catch (error) {
      if (!(error instanceof SandboxFailure)) throw error;
      if (error.kind === 'aborted') throw signal?.reason ?? error;
      if (error.kind === 'step-rejected') throw error.reason;
      // Limits and crashes are the protocol's failure, reported like any simulation failure.
      const known = parsed as { raw: Record<string, string>; apiLevel: string } | null;
      return toAnalysis({
        stage: known ? 'simulate' : 'parse',
        rawMetadata: known?.raw ?? null,
        apiLevel: known?.apiLevel ?? null,
        error: limitError(error),
        // Whether a limit stops a protocol depends on the machine and its load, not only the files.
        reproducible: false,
        ...EMPTY_OUTCOME,
      });
    } finally {
      running.delete(child);
      pool.release(child);
    }
  };

  return {
    execute,
    warm: (count) => pool.warm(count),
    firstReady: pool.firstReady,
    async close() {
      await Promise.all([...running].map((child) => child.stop()));
      await pool.close();
    },
  };
}
