// `labwright analyze` on the seed example, end to end as a user runs it: the first run on a machine
// (an empty cache folder and an empty temporary folder, where older versions and tsx keep theirs),
// then later runs. Prints figures; asserts nothing.
//   npm run bench:cli [-- --runs 9] [-- --compare OTHER_CHECKOUT]
// --compare also times another checkout's bin/labwright.js (e.g. an older version), run by run in
// turn with this one, so both see the same load on a shared machine. --no-helper times this
// checkout with LABWRIGHT_NO_HELPER=1 (every run starts its own interpreter); otherwise its first
// run starts the background helper that serves the later ones (docs/notes/cli-start.md).
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' }, compare: { type: 'string', multiple: true, default: [] }, 'no-helper': { type: 'boolean', default: false } } });
const runs = Number(values.runs);
const repos = [path.join(import.meta.dirname, '..'), ...values.compare.map((r) => path.resolve(r))];

function timeOnce(repo: string, dir: string): Promise<number> {
  const example = path.join(repo, 'examples/plate_transfer');
  const args = [
    path.join(repo, 'bin/labwright.js'),
    'analyze',
    path.join(example, 'plate_transfer.py'),
    '--support', path.join(example, 'tip_handling.py'),
    '--support', path.join(example, 'plate_transfer_plan.json'),
  ];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const env = { ...process.env, LABWRIGHT_CACHE_DIR: path.join(dir, 'cache'), TMPDIR: path.join(dir, 'tmp'), LABWRIGHT_NO_HELPER: values['no-helper'] ? '1' : '' };
    execFile(process.execPath, args, { cwd: repo, env }, (error) => {
      if (error) reject(error);
      else resolve(performance.now() - started);
    });
  });
}

function prepare(repo: string, dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, LABWRIGHT_CACHE_DIR: path.join(dir, 'cache'), TMPDIR: path.join(dir, 'tmp') };
    execFile(process.execPath, [path.join(repo, 'bin/labwright.js'), 'prepare'], { cwd: repo, env }, (error) => (error ? reject(error) : resolve()));
  });
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

const cacheDirs = await Promise.all(repos.map(() => mkdtemp(path.join(tmpdir(), 'labwright-bench-cli-'))));
for (const dir of cacheDirs) await mkdir(path.join(dir, 'tmp'));
console.log(`load average at the start: ${(await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' ')}`);
try {
  const first: number[] = [];
  for (const [i, repo] of repos.entries()) first.push(await timeOnce(repo, cacheDirs[i]));
  // A first run on a machine where npm install ran `labwright prepare` (this checkout only: older
  // ones may not have the command). Its own cache folder, so the runs above and below are untouched.
  const preparedDir = await mkdtemp(path.join(tmpdir(), 'labwright-bench-cli-'));
  cacheDirs.push(preparedDir);
  await mkdir(path.join(preparedDir, 'tmp'));
  await prepare(repos[0], preparedDir);
  const firstPrepared = await timeOnce(repos[0], preparedDir);
  const later: number[][] = repos.map(() => []);
  for (let run = 0; run < runs; run++) {
    for (const [i, repo] of repos.entries()) later[i].push(await timeOnce(repo, cacheDirs[i]));
  }
  console.log(`load average at the end: ${(await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' ')}`);
  for (const [i, repo] of repos.entries()) {
    console.log(`labwright analyze (seed example), ${repo}${i === 0 && values['no-helper'] ? ' (LABWRIGHT_NO_HELPER=1)' : ''}`);
    console.log(`  first run (empty cache and temporary folders): ${seconds(first[i])}`);
    if (i === 0) console.log(`  first run after \`labwright prepare\` (what npm install runs): ${seconds(firstPrepared)}`);
    console.log(`  later runs (${runs}): median ${seconds(median(later[i]))}, min ${seconds(Math.min(...later[i]))}, max ${seconds(Math.max(...later[i]))}`);
    console.log(`  all later: ${later[i].map(seconds).join(', ')}`);
  }
} finally {
  await Promise.all(cacheDirs.map((dir) => rm(dir, { recursive: true, force: true })));
}
