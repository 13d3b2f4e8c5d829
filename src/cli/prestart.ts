// The compiled CLI's first step (bin/labwright.js runs it before loading the rest): when the
// command is sure to analyse a Python protocol, or is `serve` (whose pool starts warm), an
// interpreter starts booting from the cached snapshot at once, while the CLI loads its modules
// (for serve, the whole server) and reads the files (src/python/early.ts).
// It looks at the words of the command line only; anything else is decided later, as always.
import { helperSocket } from './helper-client.ts';
import { openFrontDoorEarly, serveAddress } from './serve-door.ts';

/**
 * Options of analyze and simulate that take a value (the value is not a protocol file): what
 * program.ts declares, read here before commander loads (test/cli/options.test.ts compares them).
 */
export const PROTOCOL_OPTIONS_WITH_VALUE: ReadonlySet<string> = new Set(['-s', '--support', '-l', '--labware', '--timeout', '--memory', '--data-dir', '--rtp']);

/** The protocol files named on an `analyze` or `simulate` command line (empty for anything else). */
export function protocolArguments(argv: readonly string[]): string[] {
  const [command, ...rest] = argv.slice(2);
  if (command !== 'analyze' && command !== 'simulate') return [];
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i];
    if (word === '-h' || word === '--help') return [];
    if (PROTOCOL_OPTIONS_WITH_VALUE.has(word)) i += 1;
    else if (!word.startsWith('-')) files.push(word);
  }
  return files;
}

/**
 * Starts an interpreter early when a protocol file of the command line is a .py file and no
 * background helper (helper-client.ts) is there to run it; for serve, first opens the front door.
 * Resolves once both are under way (the launcher then loads the rest).
 */
export async function prestart(argv: readonly string[]): Promise<void> {
  if (serveAddress(argv) !== null) {
    // The socket first (/health answers from then on), then the pool's first interpreter.
    await openFrontDoorEarly(argv);
    await startInterpreterEarly();
  } else if (protocolArguments(argv).some((file) => file.toLowerCase().endsWith('.py')) && helperSocket() === null) {
    await startInterpreterEarly();
  }
}

/** Loaded here rather than imported at the top, so a serve's front door opens before it loads. */
async function startInterpreterEarly(): Promise<void> {
  const python = await import('../python/index.ts');
  python.startInterpreterEarly();
}
