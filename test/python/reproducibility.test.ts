// A protocol that reads the clock or randomness is marked non-reproducible: its analysis may differ
// next time, so a session never reuses it in place of a fresh simulation. Reads made by the
// standard library or Labwright's own package on their behalf do not count.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, file, protocol, service } from './helpers.ts';

const svc = service();

const LOAD = "tips = ctx.load_labware('opentrons_96_tiprack_300ul', 1)\np = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])\n";

describe('reproducibility', () => {
  test('a protocol that reads neither clock nor randomness is reproducible', async () => {
    const analysis = await analyze(svc, protocol(`${LOAD}p.pick_up_tip()\np.drop_tip()\nimport logging\nlogging.getLogger('lab').warning('logged with a time stamp')`));
    assert.equal(analysis.ok, true);
    assert.equal(analysis.reproducible, undefined);
  });

  for (const [what, body] of [
    ['time.time()', 'import time\nctx.comment(str(time.time() > 0))'],
    ['datetime.now()', "from datetime import datetime\nctx.comment(datetime.now().strftime('%Y'))"],
    ['random.shuffle', "import random\nwells = ['A1', 'B1']\nrandom.shuffle(wells)"],
    ['uuid.uuid4()', 'import uuid\nctx.comment(uuid.uuid4().hex[:0])'],
  ] as const) {
    test(`${what} marks the analysis non-reproducible`, async () => {
      const analysis = await analyze(svc, protocol(`${LOAD}${body}`));
      assert.equal(analysis.ok, true, JSON.stringify(analysis.errors));
      assert.equal(analysis.reproducible, false);
    });
  }

  test("a support module's read counts too: it is the protocol's code", async () => {
    const helper = file('helper.py', 'import random\ndef pick(items):\n    return random.choice(items)\n');
    const analysis = await analyze(svc, protocol("import helper\nctx.comment(helper.pick(['x']))"), [helper]);
    assert.equal(analysis.ok, true, JSON.stringify(analysis.errors));
    assert.equal(analysis.reproducible, false);
  });

  test('datetime keeps working as a class (subclass checks, arithmetic)', async () => {
    const body = [
      'import datetime',
      'start = datetime.datetime(2024, 1, 2, 3, 4, 5)',
      'later = start + datetime.timedelta(minutes=1)',
      "ctx.comment('%s %s %s' % (later.isoformat(), isinstance(later, datetime.datetime), isinstance(later, datetime.date)))",
    ].join('\n');
    const analysis = await analyze(svc, protocol(body));
    assert.equal(analysis.ok, true, JSON.stringify(analysis.errors));
    assert.deepEqual(analysis.runLog.map((e) => e.text), ['2024-01-02T03:05:05 True True']);
    assert.equal(analysis.reproducible, undefined);
  });
});
