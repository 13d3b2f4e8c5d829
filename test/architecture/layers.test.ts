// The layers of docs/ARCHITECTURE.md, checked on every `npm test`: no import climbs a layer, none
// reaches into another folder's internals, and there is no cycle. The same rules are run on a
// small tree of known violations, so a rule that stopped matching would fail here too.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { cruise } from 'dependency-cruiser';
import type { ICruiseResult, IViolation } from 'dependency-cruiser';
import rules from '../../.dependency-cruiser.mjs';

const repoRoot = path.resolve(import.meta.dirname, '../..');

async function violations(baseDir: string): Promise<IViolation[]> {
  const { output } = await cruise(['src'], { ...rules.options, ruleSet: { forbidden: rules.forbidden }, baseDir, validate: true });
  return (output as ICruiseResult).summary.violations;
}

const describeViolation = (v: IViolation): string => `${v.rule.name}: ${v.from} → ${v.to}`;

describe('layers', () => {
  test('the source tree keeps every layer rule', async () => {
    const found = await violations(repoRoot);
    assert.deepEqual(found.map(describeViolation), []);
  });

  describe('the rules catch what they are for', () => {
    let fixture = '';
    after(async () => {
      if (fixture !== '') await rm(fixture, { recursive: true, force: true });
    });

    test('an upward import, a reach into internals, a cycle, state written outside the stores', async () => {
      fixture = await mkdtemp(path.join(tmpdir(), 'labwright-layers-'));
      const files: Record<string, string> = {
        'src/engine/index.ts': "export { step } from './step.ts';\n",
        // Upward: the engine may not know the server.
        'src/engine/step.ts': "import { route } from '../server/index.ts';\nexport const step = route;\n",
        'src/server/index.ts': "export { route } from './routes.ts';\n",
        // Internals: the server must go through the engine's index.
        'src/server/routes.ts': "import { step } from '../engine/step.ts';\nexport const route = (): unknown => step;\n",
        // A cycle inside one folder.
        'src/store/a.ts': "import { b } from './b.ts';\nexport const a = (): unknown => b;\n",
        'src/store/b.ts': "import { a } from './a.ts';\nexport const b = (): unknown => a;\n",
        // State written outside the stores.
        'src/engine/stores/writable.ts': 'export const writable = <T>(value: T): T => value;\n',
        'src/engine/stores/run.ts': "import { writable } from './writable.ts';\nexport const run = writable;\n",
        'src/engine/deck.ts': "import { writable } from './stores/writable.ts';\nexport const deck = writable;\n",
      };
      for (const [name, text] of Object.entries(files)) {
        await mkdir(path.dirname(path.join(fixture, name)), { recursive: true });
        await writeFile(path.join(fixture, name), text);
      }
      const found = new Set((await violations(fixture)).map(describeViolation));
      assert.ok(found.has('layer-engine: src/engine/step.ts → src/server/index.ts'), [...found].join('\n'));
      assert.ok(found.has('only-through-index: src/server/routes.ts → src/engine/step.ts'), [...found].join('\n'));
      assert.ok([...found].some((v) => v.startsWith('no-circular: src/store/a.ts')), [...found].join('\n'));
      assert.ok(found.has('state-written-by-stores-only: src/engine/deck.ts → src/engine/stores/writable.ts'), [...found].join('\n'));
      assert.ok(![...found].some((v) => v.startsWith('state-written-by-stores-only: src/engine/stores/run.ts')), [...found].join('\n'));
    });
  });
});
