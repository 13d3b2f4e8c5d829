// serve's front door (src/server/front-door.ts): opened by the compiled CLI's first step, before
// the server's modules load, on the address the command line names; taken by serve, which opens
// one itself when there is none or it is for another address.
import type { FrontDoor } from '../server/index.ts';

/**
 * Options of serve that take a value (the value is not an address): what program.ts declares,
 * read here before commander loads (test/cli/options.test.ts compares them).
 */
export const SERVE_OPTIONS_WITH_VALUE: ReadonlySet<string> = new Set([
  '--host', '--port', '--data-dir', '--speed', '--max-protocols', '--upload-limit', '--pool-size', '--analysis-timeout',
  '--analysis-memory', '--left-pipette', '--right-pipette', '--module', '--notify-address', '--notify-push-address',
]);

/** The host and port a `serve` command line asks for (serve's defaults), or null when it is not one to act on early. */
export function serveAddress(argv: readonly string[]): { host: string; port: number } | null {
  const [command, ...rest] = argv.slice(2);
  if (command !== 'serve') return null;
  const found: Record<string, string> = { '--host': '0.0.0.0', '--port': '31950' };
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i];
    if (word === '-h' || word === '--help') return null;
    const eq = word.indexOf('=');
    const name = word.startsWith('--') && eq > 0 ? word.slice(0, eq) : word;
    const value = name === word ? rest[i + 1] : word.slice(eq + 1);
    if (name === '--host' || name === '--port') found[name] = value ?? '';
    if (SERVE_OPTIONS_WITH_VALUE.has(word)) i += 1;
  }
  const port = Number(found['--port']);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || found['--host'] === '') return null;
  return { host: found['--host'], port };
}

let early: { host: string; port: number; door: Promise<FrontDoor> } | null = null;

/**
 * Opens the front door for a serve command line; it does not keep the process alive until taken.
 * Resolves once it listens or failed to (the failure is reported when serve takes it).
 */
export async function openFrontDoorEarly(argv: readonly string[]): Promise<void> {
  const address = serveAddress(argv);
  if (address === null || early !== null) return;
  const door = import('../server/index.ts').then(async ({ openFrontDoor, DEFAULT_ROBOT_NAME }) => {
    const opened = await openFrontDoor({ ...address, robotName: DEFAULT_ROBOT_NAME });
    opened.holdProcess(false);
    return opened;
  });
  early = { ...address, door };
  await door.catch(() => {});
}

/** The front door for this address: the early one, or one opened now. Rejects as listening fails. */
export async function takeFrontDoor(host: string, port: number): Promise<FrontDoor> {
  const taken = early;
  early = null;
  if (taken !== null && taken.host === host && taken.port === port) {
    const door = await taken.door;
    door.holdProcess(true);
    return door;
  }
  if (taken !== null) await (await taken.door.catch(() => null))?.close();
  const { openFrontDoor, DEFAULT_ROBOT_NAME } = await import('../server/index.ts');
  return openFrontDoor({ host, port, robotName: DEFAULT_ROBOT_NAME });
}
