// The sandbox bundle of the tests and benches goes to a temporary folder keyed by the code's hash
// (src/python/bundle.ts); each version of the code leaves one (~31 MB with its snapshot), so the
// older ones are swept as in the user's cache: the two most recent others and any in use stay
// (sweepStaleKeys, tested in test/cli/cache.test.ts).
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

test('bundling into the temporary folder sweeps the stale folders of other versions', async () => {
  // A temporary root of this test's own, so the machine's real folders are not touched.
  const root = await mkdtemp(join(tmpdir(), 'labwright-temp-bundle-'));
  const savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = root;
  try {
    const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
    const base = join(root, `labwright-python-${uid}`);
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000);
    const others = { old3h: 3, old2h: 2, old1h: 1 };
    for (const [name, hours] of Object.entries(others)) {
      await mkdir(join(base, name), { recursive: true });
      await writeFile(join(base, name, 'snapshot.bin'), '');
      await writeFile(join(base, name, 'last-used'), '');
      await utimes(join(base, name, 'last-used'), hoursAgo(hours), hoursAgo(hours));
    }
    const { sandboxFiles } = await import('../../src/python/bundle.ts');
    const files = await sandboxFiles('temp');
    assert.ok(files.dir.startsWith(base), files.dir);
    const left = (await readdir(base)).sort();
    // This version's folder and the two most recent others stay; the oldest goes.
    assert.deepEqual(left, [files.dir.slice(base.length + 1), 'old1h', 'old2h'].sort());
  } finally {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    await rm(root, { recursive: true, force: true });
  }
});
