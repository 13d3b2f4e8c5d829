// `labwright serve`: maps command-line options onto the server's configuration.
import { takeFrontDoor } from './serve-door.ts';

export interface ServeOptions {
  host: string;
  port: number;
  dataDir: string;
  speed: number | 'max';
  maxProtocols: number;
  uploadLimit: number;
  poolSize: number;
  analysisTimeout: number;
  analysisMemory: number;
  fixedRobot?: boolean;
  leftPipette?: string;
  rightPipette?: string;
  module: string[];
  /** False with `--no-notify`. */
  notify: boolean;
  notifyAddress: string;
  notifyPushAddress?: string;
}

/** The server could not start (e.g. a notify address is taken); the message says what to change. */
export class ServeError extends Error {
  override readonly name = 'ServeError';
  constructor(
    message: string,
    /** 2 for a usage error (an address that cannot be one), 1 otherwise. */
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

/** Any instrument option implies a fixed robot: naming a pipette and then ignoring it would surprise. */
function fixedRobot(opts: ServeOptions) {
  if (!opts.fixedRobot && !opts.leftPipette && !opts.rightPipette && opts.module.length === 0) return null;
  const pipettes: { left?: string; right?: string } = {};
  if (opts.leftPipette) pipettes.left = opts.leftPipette;
  if (opts.rightPipette) pipettes.right = opts.rightPipette;
  return { pipettes, modules: opts.module };
}

export async function serve(opts: ServeOptions): Promise<void> {
  // Loaded here, not at the top: `analyze` and `simulate` should not pay for the HTTP stack.
  const { startServer } = await import('../server/index.ts');
  const door = await takeFrontDoor(opts.host, opts.port);
  const { NotifyAddressError, NotifyBindError } = await import('../notifications/index.ts');
  const notify = opts.notify ? { subscriberAddress: opts.notifyAddress, pushAddress: opts.notifyPushAddress } : null;
  const server = await startServer({
    host: opts.host,
    port: opts.port,
    dataDir: opts.dataDir,
    speed: opts.speed,
    maxProtocols: opts.maxProtocols,
    uploadLimitBytes: Math.round(opts.uploadLimit * 2 ** 20),
    pythonPoolSize: opts.poolSize,
    warmPython: true,
    analysisLimits: { timeoutMs: opts.analysisTimeout * 1000, memoryBytes: opts.analysisMemory * 2 ** 20 },
    robot: fixedRobot(opts),
    notify,
  }, door).catch((err: unknown) => {
    if (err instanceof NotifyAddressError) throw new ServeError(`invalid notify address: ${err.message}`, 2);
    if (err instanceof NotifyBindError) {
      throw new ServeError(`${err.message}; choose another with --notify-address / --notify-push-address, or --no-notify`, 1);
    }
    throw err;
  });
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
