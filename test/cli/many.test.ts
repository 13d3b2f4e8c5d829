// `labwright analyze a.py b.json c.py …`: a protocol library's CI in one process. Each file gets a
// fresh interpreter (nothing one leaves behind reaches the next), each result is printed in order,
// and the exit code is 1 when any file has errors.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { closeAtEnd } from '../helpers/cleanup.ts';
import { cliRunner } from '../helpers/cli.ts';
import { jsonProtocolFixture } from '../helpers/original.ts';

const { labwright } = await cliRunner();
const dir = await mkdtemp(join(tmpdir(), 'labwright-many-'));
closeAtEnd(() => rm(dir, { recursive: true, force: true }));

const protocol = async (name: string, body: string[]): Promise<string> => {
  const path = join(dir, name);
  await writeFile(path, ["metadata = {'apiLevel': '2.8'}", 'def run(ctx):', ...body.map((l) => `    ${l}`), ''].join('\n'));
  return path;
};

// The first leaves a mark in the interpreter's modules; the third fails if it can see one.
const marks = await protocol('marks.py', ['import opentrons', 'opentrons.left_behind = True', "ctx.comment('marked')"]);
const checks = await protocol('checks.py', ['import opentrons', "ctx.comment('clean' if not hasattr(opentrons, 'left_behind') else 'LEAKED')"]);
const fails = await protocol('fails.py', ["raise ValueError('on purpose')"]);
const json = jsonProtocolFixture('5/simpleV5.json');

test('text: each file under its own header, in order, then a tally; exit 0 when all are fine', async () => {
  const res = await labwright('analyze', marks, json, checks);
  assert.equal(res.code, 0, res.stderr);
  const headers = res.stdout.split('\n').filter((line) => /^\S.*: (python|json) protocol, apiLevel /.test(line));
  assert.deepEqual(headers.map((h) => h.split(':')[0]), [marks, json, checks]);
  assert.match(res.stdout, /\n3 files: 3 without errors, 0 with errors\n$/);
});

test('--json: an array of the documents, each with its file; exit 1 when one has errors', async () => {
  const res = await labwright('analyze', marks, fails, checks, '--json');
  assert.equal(res.code, 1, res.stderr);
  const docs = JSON.parse(res.stdout) as { file: string; ok: boolean; runLog: string[]; errors: { type: string }[] }[];
  assert.deepEqual(docs.map((d) => [d.file, d.ok]), [[marks, true], [fails, false], [checks, true]]);
  assert.deepEqual(docs[1].errors.map((e) => e.type), ['ExceptionInProtocolError']);
  assert.deepEqual(docs[0].runLog, ['marked']);
  assert.deepEqual(docs[2].runLog, ['clean'], 'a fresh interpreter for each file');
});

test('one file prints exactly what it always did (no array, no tally)', async () => {
  const one = await labwright('analyze', checks, '--json');
  assert.equal(one.code, 0, one.stderr);
  assert.equal(JSON.parse(one.stdout).ok, true);
  const text = await labwright('analyze', checks);
  assert.doesNotMatch(text.stdout, /files:/);
});

test('a missing file is a usage error before any work', async () => {
  const res = await labwright('analyze', marks, join(dir, 'missing.py'));
  assert.equal(res.code, 2);
  assert.equal(res.stdout, '');
  assert.match(res.stderr, /cannot read .*missing\.py/);
});
