// The command line's commands and options (commander): built here, run by main.ts. Kept apart
// from the entry point so what declares the options can be read without running the CLI (the
// early scans of prestart.ts and serve-door.ts must agree with it; test/cli/options.test.ts).
import { Argument, Command, InvalidArgumentError, Option } from 'commander';
// Only what analyze and simulate need is imported here; the labware commands (the data folder's
// database) and serve (the server) are loaded when they run.
import { DEFAULT_SANDBOX_LIMITS } from '../analysis/index.ts';
import type { Analysis, RunTimeParameterValue } from '../analysis/index.ts';
import { analyzeFiles, type FileOutcome, type ProtocolOptions } from './analyze.ts';
import { analysisDocument, analysisText, simulatorLines, summaryText } from './report.ts';
import { door, type DoorAction } from './door.ts';
import { serve } from './serve.ts';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('must be a positive number');
  return n;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('must be a positive integer');
  return n;
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('must be a port number (0-65535)');
  return n;
}

function speed(value: string): number | 'max' {
  if (value === 'max') return 'max';
  return positiveNumber(value);
}

/**
 * `--rtp name=value`: a runtime-parameter value in place of the protocol's default. The value is
 * read as JSON where it is a number, `true`/`false` or a quoted string (`plate='"96"'`), else as text.
 */
function runTimeParameter(value: string, previous: Record<string, RunTimeParameterValue>): Record<string, RunTimeParameterValue> {
  const at = value.indexOf('=');
  if (at <= 0) throw new InvalidArgumentError('must be name=value');
  const name = value.slice(0, at);
  const text = value.slice(at + 1);
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Plain text.
  }
  const given = typeof parsed === 'number' || typeof parsed === 'boolean' || typeof parsed === 'string' ? parsed : text;
  return { ...previous, [name]: given };
}

function addProtocolOptions(cmd: Command, files = false): Command {
  return cmd
    .argument(files ? '<files...>' : '<file>', files ? 'protocol files (.py or .json), each analysed on its own' : 'protocol file (.py or .json)')
    .option('-s, --support <file>', 'support file (data, .py module, labware); repeatable', collect, [])
    .option('-l, --labware <path>', 'custom labware definition file or folder of them; repeatable', collect, [])
    .option('--timeout <seconds>', 'Python analysis time limit', positiveNumber, DEFAULT_SANDBOX_LIMITS.timeoutMs / 1000)
    .option('--memory <MiB>', 'Python analysis memory limit', positiveInteger, DEFAULT_SANDBOX_LIMITS.memoryBytes / 2 ** 20)
    .option('--data-dir <dir>', "also use this data folder's labware library (as the server would)")
    .option('--rtp <name=value>', "a runtime parameter's value instead of its default (apiLevel 2.18 add_parameters); repeatable", runTimeParameter, {});
}

async function analyzeFile(file: string, opts: ProtocolOptions): Promise<Analysis> {
  const outcomes: FileOutcome[] = [];
  await analyzeFiles([file], opts, (outcome) => outcomes.push(outcome));
  const [outcome] = outcomes;
  // With a single file a refusal is thrown (caught in main), never reported as an outcome.
  if (outcome === undefined || !('analysis' in outcome)) throw new Error(`no analysis of ${file}`);
  return outcome.analysis;
}

/** The outcome of one of several files, in the shape `analyze --json` prints (README). */
function outcomeDocument(outcome: FileOutcome): object {
  if ('refusal' in outcome) return { file: outcome.file, ok: false, refusal: outcome.refusal.message };
  return { file: outcome.file, ...analysisDocument(outcome.analysis) };
}

/** `analyze a.py b.py …`: every file's result in order; exit 1 when any has errors. */
async function analyzeMany(files: string[], opts: ProtocolOptions): Promise<void> {
  const documents: object[] = [];
  let failed = 0;
  await analyzeFiles(files, opts, (outcome) => {
    const ok = 'analysis' in outcome && outcome.analysis.ok;
    if (!ok) failed += 1;
    if (opts.json) documents.push(outcomeDocument(outcome));
    else if ('refusal' in outcome) process.stdout.write(`${outcome.file}: refused\n  ${outcome.refusal.message}\n\n`);
    else process.stdout.write(analysisText(outcome.analysis, outcome.file) + '\n\n');
  });
  if (opts.json) process.stdout.write(JSON.stringify(documents, null, 2) + '\n');
  else process.stdout.write(`${files.length} files: ${files.length - failed} without errors, ${failed} with errors\n`);
  process.exitCode = failed === 0 ? 0 : 1;
}

export function buildProgram(): Command {
  const program = new Command('labwright')
    .description('Labwright: an OT-2 robot server, protocol analyser and simulator')
    .exitOverride()
    .showHelpAfterError();

  addProtocolOptions(
    program
      .command('analyze')
      .description('analyse a protocol: metadata, required equipment, errors, warnings, duration')
      .option('--json', 'print one JSON document on stdout (several files: a JSON array of them)'),
    true,
  ).action(async (files: string[], opts: ProtocolOptions) => {
    if (files.length > 1) {
      await analyzeMany(files, opts);
      return;
    }
    const file = files[0];
    const analysis = await analyzeFile(file, opts);
    if (opts.json) process.stdout.write(JSON.stringify(analysisDocument(analysis), null, 2) + '\n');
    else process.stdout.write(analysisText(analysis, file) + '\n');
    process.exitCode = analysis.ok ? 0 : 1;
  });

  // The background helper of analyze and simulate (helper.ts); started by them, not by people.
  program.command('__helper', { hidden: true }).action(async () => {
    const { runHelper } = await import('./helper.ts');
    const { checkoutRoot } = await import('./helper-client.ts');
    await runHelper(checkoutRoot);
    process.exit(0);
  });

  program
    .command('prepare')
    .description("prepare this machine's cache so the first analyze, simulate or serve starts fast (npm install runs it)")
    .action(async () => {
      const { prepareCache, PREPARE_TEXT } = await import('./prepare.ts');
      process.stdout.write(PREPARE_TEXT[await prepareCache()] + '\n');
    });

  addProtocolOptions(
    program.command('simulate').description('print the run log as the OT-2 simulator does, then a summary'),
  ).action(async (file: string, opts: ProtocolOptions) => {
    const analysis = await analyzeFile(file, opts);
    const lines = simulatorLines(analysis.runLog);
    if (lines.length > 0) process.stdout.write(lines.join('\n') + '\n');
    process.stdout.write('\n' + summaryText(analysis) + '\n');
    process.exitCode = analysis.ok ? 0 : 1;
  });

  const labware = program
    .command('labware')
    .description("the server's labware library in a data folder (works while no server runs)");
  const dataDirOption = (cmd: Command) => cmd.option('--data-dir <dir>', 'the data folder, as for serve', '.labwright');
  dataDirOption(labware.command('add').description('add definitions (files, or folders of *.json); all or none').argument('<files...>')).action(
    async (files: string[], opts: { dataDir: string }) => {
      const { addLabware } = await import('./labware.ts');
      process.stdout.write((await addLabware(opts.dataDir, files)).join('\n') + '\n');
    },
  );
  dataDirOption(labware.command('list').description('list the library').option('--json', 'print a JSON array')).action(
    async (opts: { dataDir: string; json?: boolean }) => {
      const { listLabware } = await import('./labware.ts');
      process.stdout.write((await listLabware(opts.dataDir, opts.json === true)) + '\n');
    },
  );
  dataDirOption(labware.command('show').description('print one definition').argument('<uri>', 'namespace/loadName/version')).action(
    async (uri: string, opts: { dataDir: string }) => {
      const { showLabware } = await import('./labware.ts');
      process.stdout.write((await showLabware(opts.dataDir, uri)) + '\n');
    },
  );
  dataDirOption(labware.command('remove').description('remove one definition').argument('<uri>', 'namespace/loadName/version')).action(
    async (uri: string, opts: { dataDir: string }) => {
      const { removeLabware } = await import('./labware.ts');
      process.stdout.write((await removeLabware(opts.dataDir, uri)) + '\n');
    },
  );

  program
    .command('serve')
    .description('serve the OT-2 HTTP API with a simulated robot')
    .option('--host <host>', 'address to listen on', '0.0.0.0')
    .option('--port <port>', 'port to listen on', port, 31950)
    .option('--data-dir <dir>', 'where protocols and run history are kept', '.labwright')
    .addOption(
      new Option('--speed <factor>', "simulated hardware speed: 1 = real time, 'max' = no waiting")
        .argParser(speed)
        .default(1),
    )
    .option('--max-protocols <n>', 'how many protocols may be stored', positiveInteger, 20)
    .option('--upload-limit <MiB>', 'largest accepted upload', positiveNumber, 50)
    .option('--pool-size <n>', 'Python interpreters kept warm', positiveInteger, 2)
    .option('--analysis-timeout <seconds>', 'Python analysis time limit', positiveNumber, 60)
    .option('--analysis-memory <MiB>', 'Python analysis memory limit', positiveInteger, 512)
    .option('--fixed-robot', 'a robot with only the instruments and modules given below (default: a virtual robot that attaches whatever a protocol loads)')
    .option('--left-pipette <name>', 'pipette on the left mount of the fixed robot')
    .option('--right-pipette <name>', 'pipette on the right mount of the fixed robot')
    .option('--module <model>', 'module attached to the fixed robot; repeatable', collect, [])
    .option('--notify-address <address>', 'ZeroMQ PUB socket for notification subscribers (tcp://HOST:PORT or ipc://PATH)', 'tcp://*:5555')
    .option('--notify-push-address <address>', 'ZeroMQ PULL socket where other programs push events (default: ipc://<data-dir>/notify)')
    .option('--no-notify', 'no ZeroMQ sockets (the websocket notifications stay)')
    .action(serve);

  program
    .command('door')
    .description("open or close the simulated robot's door on a running server, or show it")
    .addArgument(new Argument('<action>', 'what to do').choices(['open', 'close', 'status']))
    .option('--host <host>', 'the server', '127.0.0.1')
    .option('--port <port>', "the server's port", port, 31950)
    .action(async (action: DoorAction, opts: { host: string; port: number }) => {
      process.stdout.write((await door(action, opts)) + '\n');
    });

  return program;
}
