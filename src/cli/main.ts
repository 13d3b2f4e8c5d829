// `labwright serve | analyze | simulate | prepare | door | labware`: the command line for lab
// engineers and their CI (the commands are built in program.ts). Exit codes: 0 the protocol is
// fine, 1 it has errors, 2 a usage error.
import { CommanderError } from 'commander';
import { ProtocolFilesInvalidError, ProtocolRobotTypeMismatchError } from '../common/index.ts';
import { BundleReadError } from './bundle.ts';
import { DoorCommandError } from './door.ts';
import { LibraryRefusal } from './errors.ts';
import { buildProgram } from './program.ts';
import { ServeError } from './serve.ts';

const EXIT_USAGE = 2;

async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with code 0; every other commander error is a usage error.
      process.exitCode = err.exitCode === 0 ? 0 : EXIT_USAGE;
      return;
    }
    if (err instanceof DoorCommandError || err instanceof ServeError || err instanceof LibraryRefusal) {
      process.stderr.write(`labwright: ${err.message}\n`);
      process.exitCode = err instanceof ServeError ? err.exitCode : 1;
      return;
    }
    // Files robot software 7 would refuse at upload (JSON v6–8): its words, no analysis.
    if (err instanceof ProtocolFilesInvalidError || err instanceof ProtocolRobotTypeMismatchError) {
      process.stderr.write(`labwright: ${err.message}\n`);
      process.exitCode = 1;
      return;
    }
    if (err instanceof BundleReadError) {
      process.stderr.write(`labwright: ${err.message}\n`);
      process.exitCode = EXIT_USAGE;
      return;
    }
    throw err;
  }
}

await main(process.argv);
