// The compiled CLI's first step reads the command line before commander is loaded (prestart.ts:
// which protocol files to start an interpreter for; serve-door.ts: which address to open early),
// so each keeps its own list of the options that take a value. Those lists must be exactly what
// the program declares, or an option's value would be read as a file or an address.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/program.ts';
import { PROTOCOL_OPTIONS_WITH_VALUE, protocolArguments } from '../../src/cli/prestart.ts';
import { SERVE_OPTIONS_WITH_VALUE, serveAddress } from '../../src/cli/serve-door.ts';

/** Every spelling (short and long) of the options of `name` that take a value. */
function optionsWithValue(name: string): string[] {
  const command = buildProgram().commands.find((c: Command) => c.name() === name);
  assert.ok(command, `the program has ${name}`);
  return command.options
    .filter((option) => option.required || option.optional)
    .flatMap((option) => [option.short, option.long].filter((flag): flag is string => flag !== undefined))
    .sort();
}

test('analyze and simulate: the early scan knows every option that takes a value', () => {
  assert.deepEqual(optionsWithValue('analyze'), [...PROTOCOL_OPTIONS_WITH_VALUE].sort());
  assert.deepEqual(optionsWithValue('simulate'), [...PROTOCOL_OPTIONS_WITH_VALUE].sort());
  // A value that looks like a file is not taken for a protocol.
  assert.deepEqual(protocolArguments(['node', 'labwright', 'analyze', '--rtp', 'script=x.py', 'p.py', '-s', 'helper.py']), ['p.py']);
});

test('serve: the early scan knows every option that takes a value', () => {
  assert.deepEqual(optionsWithValue('serve'), [...SERVE_OPTIONS_WITH_VALUE].sort());
  assert.deepEqual(serveAddress(['node', 'labwright', 'serve', '--data-dir', '--port', '--port', '8080']), { host: '0.0.0.0', port: 8080 });
});
