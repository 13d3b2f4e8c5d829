// The compiled CLI's first step (bin/labwright.js runs it before loading the rest): when the
// command is sure to analyse a Python protocol, an interpreter starts booting from the cached
// snapshot at once, while the CLI loads its modules and reads the files (src/python/early.ts).
// It looks at the words of the command line only; anything else is decided later, as always.
import { startInterpreterEarly } from '../python/index.ts';
import { helperSocket } from './helper-client.ts';

/** Options of analyze and simulate that take a value (the value is not a protocol file). */
const WITH_VALUE = new Set(['-s', '--support', '-l', '--labware', '--timeout', '--memory', '--data-dir']);

/** The protocol files named on an `analyze` or `simulate` command line (empty for anything else). */
export function protocolArguments(argv: readonly string[]): string[] {
  const [command, ...rest] = argv.slice(2);
  if (command !== 'analyze' && command !== 'simulate') return [];
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i];
    if (word === '-h' || word === '--help') return [];
    if (WITH_VALUE.has(word)) i += 1;
    else if (!word.startsWith('-')) files.push(word);
  }
  return files;
}

/**
 * Starts an interpreter early when a protocol file of the command line is a .py file and no
 * background helper (helper-client.ts) is there to run it.
 */
export function prestart(argv: readonly string[]): void {
  if (protocolArguments(argv).some((file) => file.toLowerCase().endsWith('.py')) && helperSocket() === null) startInterpreterEarly();
}
