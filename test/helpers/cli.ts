// Runs the command line as a user does (`node bin/labwright.js …`), with its cache folder in a
// temporary directory of the test's own (LABWRIGHT_CACHE_DIR), never the user's. The background
// helper is off (LABWRIGHT_NO_HELPER) unless a test turns it on: a test leaves no process behind.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { closeAtEnd } from './cleanup.ts';
import { repoRoot } from './paths.ts';

const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliRunner {
  /** The cache folder this runner's commands use. */
  readonly cacheDir: string;
  labwright(...args: string[]): Promise<CliResult>;
  /** Like labwright, with extra environment variables and node options before the script. */
  labwrightWith(options: { env?: Record<string, string>; nodeArgs?: string[] }, ...args: string[]): Promise<CliResult>;
}

/** A runner with a fresh, empty cache folder, removed at the end of the test file. */
export async function cliRunner(): Promise<CliRunner> {
  const cacheDir = await mkdtemp(join(tmpdir(), 'labwright-cache-'));
  closeAtEnd(() => rm(cacheDir, { recursive: true, force: true }));
  const labwrightWith = async (options: { env?: Record<string, string>; nodeArgs?: string[] }, ...args: string[]): Promise<CliResult> => {
    try {
      const { stdout, stderr } = await run(process.execPath, [...(options.nodeArgs ?? []), join(repoRoot, 'bin/labwright.js'), ...args], {
        cwd: repoRoot,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, LABWRIGHT_NO_HELPER: '1', LABWRIGHT_CACHE_DIR: cacheDir, ...options.env },
      });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
  return {
    cacheDir,
    labwright: (...args) => labwrightWith({}, ...args),
    labwrightWith,
  };
}
