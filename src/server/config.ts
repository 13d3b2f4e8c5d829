// The server's configuration and its defaults.
import path from 'node:path';
import type { FastifyServerFactory } from 'fastify';
import type { Logger } from 'pino';
import type { SandboxLimits } from '../analysis/index.ts';
import type { ProtocolService } from '../service/index.ts';
import { DEFAULT_SANDBOX_LIMITS } from '../analysis/index.ts';
import { checkNotifyAddress } from '../notifications/index.ts';
import { DEFAULT_ROBOT_NAME } from './health-answer.ts';
import type { FixedRobot, RobotBackendFactory, Speed } from '../runner/index.ts';

export interface ServerConfig {
  /** Default 0.0.0.0. */
  host?: string;
  /** Default 31950, the OT-2's port. */
  port?: number;
  /** Where protocols and sessions are kept. Default `.labwright/` in the working directory. */
  dataDir?: string;
  /** Run speed: 1 is real time (default), 10 ten times faster, 'max' spends no time. */
  speed?: Speed;
  /** The robot backend runs are performed on; default: the simulated robot, paced by `speed`. */
  robotBackend?: RobotBackendFactory;
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
  /**
   * Start the Python interpreters with the server rather than at the first Python protocol, and
   * log `Python interpreter ready` when the first is (labwright serve does). Default false.
   */
  warmPython?: boolean;
  analysisLimits?: Partial<SandboxLimits>;
  /** A robot with given pipettes and modules; default: a virtual robot with whatever is loaded. */
  robot?: FixedRobot | null;
  /** Reported by GET /health. Default `opentrons-dev`, as the original's simulator. */
  robotName?: string;
  /** A pino logger, or false for none. Default: JSON lines on stdout at level info. */
  logger?: Logger | false;
  /** Use this protocol service instead of creating one (the caller then closes it). */
  protocolService?: ProtocolService;
  /** The HTTP server to serve on (Fastify's `serverFactory`); default: one Fastify creates. */
  serverFactory?: FastifyServerFactory;
  /** The ZeroMQ notify broker (http-api.md §5.1). Default: none (`labwright serve` turns it on). */
  notify?: NotifyConfig | null;
}

export interface NotifyConfig {
  /** The PUB socket subscribers connect to, e.g. `tcp://*:5555`; null: none. */
  subscriberAddress: string | null;
  /** The PULL socket other programs push to. Default `ipc://<dataDir>/notify`; null: none. */
  pushAddress?: string | null;
}

export interface ResolvedNotifyConfig {
  subscriberAddress: string | null;
  pushAddress: string | null;
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
  warmPython: boolean;
  analysisLimits: SandboxLimits;
  robot: FixedRobot | null;
  robotName: string;
  notify: ResolvedNotifyConfig | null;
}

export function resolveConfig(config: ServerConfig): ResolvedConfig {
  const speed = config.speed ?? 1;
  if (speed !== 'max' && !(typeof speed === 'number' && speed > 0 && Number.isFinite(speed))) {
    throw new RangeError(`speed must be a positive number or 'max', got ${String(speed)}`);
  }
  const dataDir = path.resolve(config.dataDir ?? '.labwright');
  return {
    host: config.host ?? '0.0.0.0',
    port: config.port ?? 31950,
    dataDir,
    speed,
    maxProtocols: config.maxProtocols ?? 20,
    uploadLimitBytes: config.uploadLimitBytes ?? 50 * 2 ** 20,
    jsonBodyLimitBytes: config.jsonBodyLimitBytes ?? 2 ** 20,
    labwareLimitBytes: config.labwareLimitBytes ?? 2 * 2 ** 20,
    pythonPoolSize: config.pythonPoolSize ?? 2,
    warmPython: config.warmPython ?? false,
    analysisLimits: { ...DEFAULT_SANDBOX_LIMITS, ...config.analysisLimits },
    robot: config.robot ?? null,
    robotName: config.robotName ?? DEFAULT_ROBOT_NAME,
    notify: resolveNotify(config.notify ?? null, dataDir),
  };
}

/** Throws NotifyAddressError for an address ZeroMQ could not bind. */
function resolveNotify(notify: NotifyConfig | null, dataDir: string): ResolvedNotifyConfig | null {
  if (notify === null) return null;
  const pushAddress = notify.pushAddress === undefined ? defaultPushAddress(dataDir) : notify.pushAddress;
  return {
    subscriberAddress: notify.subscriberAddress === null ? null : checkNotifyAddress(notify.subscriberAddress),
    pushAddress: pushAddress === null ? null : checkNotifyAddress(pushAddress),
  };
}

/** Local only, as the original's `ipc:///tmp/notify-server`, but one per data folder. */
export function defaultPushAddress(dataDir: string): string {
  return `ipc://${path.join(path.resolve(dataDir), 'notify')}`;
}
