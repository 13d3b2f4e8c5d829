// The server's configuration and its defaults.
import path from 'node:path';
import type { Logger } from 'pino';
import type { ProtocolService, SandboxLimits } from '../analysis/index.ts';
import { DEFAULT_SANDBOX_LIMITS } from '../analysis/index.ts';
import type { FixedRobot, Speed } from '../runner/index.ts';

export interface ServerConfig {
  /** Default 0.0.0.0. */
  host?: string;
  /** Default 31950, the OT-2's port. */
  port?: number;
  /** Where protocols and sessions are kept. Default `.labwright/` in the working directory. */
  dataDir?: string;
  /** Run speed: 1 is real time (default), 10 ten times faster, 'max' spends no time. */
  speed?: Speed;
  /** Protocols stored at once. Default 20 (the original's default is 1). */
  maxProtocols?: number;
  /** Largest accepted uploaded file, in bytes; larger ones get 413. Default 50 MiB. */
  uploadLimitBytes?: number;
  /** Largest accepted JSON body, in bytes. Default 1 MiB. */
  jsonBodyLimitBytes?: number;
  /** Largest accepted labware definition (file or body), in bytes. Default 2 MiB (a 1536-well plate is about 0.5 MiB). */
  labwareLimitBytes?: number;
  /** Warm Python interpreters. Default 2: an upload soon after another still finds one warm. */
  pythonPoolSize?: number;
  analysisLimits?: Partial<SandboxLimits>;
  /** A robot with given pipettes and modules; default: a virtual robot with whatever is loaded. */
  robot?: FixedRobot | null;
  /** Reported by GET /health. Default `opentrons-dev`, as the original's simulator. */
  robotName?: string;
  /** A pino logger, or false for none. Default: JSON lines on stdout at level info. */
  logger?: Logger | false;
  /** Use this protocol service instead of creating one (the caller then closes it). */
  protocolService?: ProtocolService;
}

export interface ResolvedConfig {
  host: string;
  port: number;
  dataDir: string;
  speed: Speed;
  maxProtocols: number;
  uploadLimitBytes: number;
  jsonBodyLimitBytes: number;
  labwareLimitBytes: number;
  pythonPoolSize: number;
  analysisLimits: SandboxLimits;
  robot: FixedRobot | null;
  robotName: string;
}

export function resolveConfig(config: ServerConfig): ResolvedConfig {
  const speed = config.speed ?? 1;
  if (speed !== 'max' && !(typeof speed === 'number' && speed > 0 && Number.isFinite(speed))) {
    throw new RangeError(`speed must be a positive number or 'max', got ${String(speed)}`);
  }
  return {
    host: config.host ?? '0.0.0.0',
    port: config.port ?? 31950,
    dataDir: path.resolve(config.dataDir ?? '.labwright'),
    speed,
    maxProtocols: config.maxProtocols ?? 20,
    uploadLimitBytes: config.uploadLimitBytes ?? 50 * 2 ** 20,
    jsonBodyLimitBytes: config.jsonBodyLimitBytes ?? 2 ** 20,
    labwareLimitBytes: config.labwareLimitBytes ?? 2 * 2 ** 20,
    pythonPoolSize: config.pythonPoolSize ?? 2,
    analysisLimits: { ...DEFAULT_SANDBOX_LIMITS, ...config.analysisLimits },
    robot: config.robot ?? null,
    robotName: config.robotName ?? 'opentrons-dev',
  };
}
