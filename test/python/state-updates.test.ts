// Python protocols change the engine's state only through state updates: each protocol below runs
// in this process (Pyodide without the sandbox, as bench/profile-job.ts does), with the engine
// recording its updates, which must rebuild the same state on a fresh one.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { createHost } from '../../src/python/child/host.ts';
import type { EngineOptions, ProtocolEngine } from '../../src/engine/index.ts';
import { assertReplayRebuilds } from '../engine/replay.ts';
import { inProcessPython, type InProcessPyodide, type JobRunner } from '../helpers/in-process-python.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const fidelity = path.join(repo, 'test/fidelity/protocols');
const customLabware = fs
  .readdirSync(path.join(fidelity, 'labware'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(fs.readFileSync(path.join(fidelity, 'labware', f), 'utf8')) as Record<string, unknown>);

/** The fidelity protocols (real-world style, 4.7 levels) and protocols of the engine-core levels. */
const PROTOCOLS: Record<string, string> = Object.fromEntries(
  ['', 'idioms', 'errors']
    .flatMap((dir) => fs.readdirSync(path.join(fidelity, dir)).filter((f) => f.endsWith('.py')).map((f) => path.join(dir, f)))
    .map((name) => [name, fs.readFileSync(path.join(fidelity, name), 'utf8')]),
);
PROTOCOLS['2.15: heater-shaker, liquids, a manual move'] = `
from opentrons import protocol_api
requirements = {"robotType": "OT-2", "apiLevel": "2.15"}
def run(ctx: protocol_api.ProtocolContext):
    hs = ctx.load_module("heaterShakerModuleV1", 1)
    adapter_plate = hs.load_labware("opentrons_96_flat_bottom_adapter_nest_wellplate_200ul_flat")
    tips = ctx.load_labware("opentrons_96_tiprack_300ul", 2)
    res = ctx.load_labware("nest_12_reservoir_15ml", 3)
    water = ctx.define_liquid("water", "plain water", "#0000ff")
    res["A1"].load_liquid(water, 10000)
    p = ctx.load_instrument("p300_single_gen2", "right", tip_racks=[tips])
    hs.close_labware_latch()
    p.transfer(50, res["A1"], adapter_plate.wells()[:4])
    hs.set_and_wait_for_shake_speed(500)
    hs.deactivate_shaker()
    hs.open_labware_latch()
    ctx.move_labware(res, 5)
    ctx.set_rail_lights(True)
`;
PROTOCOLS['2.16: trash bin, thermocycler, magnetic module'] = `
requirements = {"robotType": "OT-2", "apiLevel": "2.16"}
def run(ctx):
    tc = ctx.load_module("thermocyclerModuleV2")
    plate = tc.load_labware("nest_96_wellplate_100ul_pcr_full_skirt")
    mag = ctx.load_module("magnetic module gen2", 1)
    mag_plate = mag.load_labware("nest_96_wellplate_100ul_pcr_full_skirt")
    tips = ctx.load_labware("opentrons_96_tiprack_20ul", 2)
    p = ctx.load_instrument("p20_multi_gen2", "left", tip_racks=[tips])
    tc.open_lid()
    p.pick_up_tip()
    p.aspirate(10, mag_plate["A1"])
    p.dispense(10, plate["A1"])
    p.drop_tip()
    tc.close_lid()
    tc.set_block_temperature(4, hold_time_seconds=5)
    tc.execute_profile([{"temperature": 95, "hold_time_seconds": 10}], repetitions=2)
    tc.deactivate()
    mag.engage(height_from_base=5)
    mag.disengage()
`;

PROTOCOLS['2.11: tips by hand, tip length, a module taking loaded labware, a cleared slot'] = `
metadata = {"apiLevel": "2.11"}
def run(ctx):
    tips = ctx.load_labware("opentrons_96_tiprack_300ul", 1)
    spare = ctx.load_labware("opentrons_96_tiprack_300ul", 4)
    plate = ctx.load_labware("corning_96_wellplate_360ul_flat", 2)
    temp = ctx.load_module("temperature module gen2", 3)
    temp.load_labware_object(plate)
    tips.tip_length = 60
    tips.use_tips(tips["A1"], 8)
    tips.return_tips(tips["A1"], 4)
    tips["H1"].has_tip = False
    p = ctx.load_instrument("p300_single_gen2", "right", tip_racks=[tips, spare])
    p.pick_up_tip()
    p.return_tip()
    p.pick_up_tip(spare["B2"])
    p.drop_tip(spare["B2"])
    p.reset_tipracks()
    p.pick_up_tip()
    p.drop_tip()
    tips.reset()
    del ctx.deck["4"]
    del ctx.deck["3"]
    ctx.load_labware("nest_12_reservoir_15ml", 4)
`;
PROTOCOLS['2.13: a labware offset'] = `
metadata = {"apiLevel": "2.13"}
def run(ctx):
    plate = ctx.load_labware("corning_96_wellplate_360ul_flat", 2)
    tips = ctx.load_labware("opentrons_96_tiprack_300ul", 1)
    plate.set_offset(1, 2, 3)
    p = ctx.load_instrument("p300_single_gen2", "right", tip_racks=[tips])
    p.pick_up_tip()
    p.aspirate(50, plate["A1"])
    plate.set_offset(0, 0, 1)
    p.dispense(50, plate["A2"])
    p.drop_tip()
`;
PROTOCOLS['2.15: adapters, stacks moved with what stands on them, off deck, definitions, custom labware'] = `
from opentrons import protocol_api
requirements = {"robotType": "OT-2", "apiLevel": "2.15"}
def run(ctx):
    hs = ctx.load_module("heaterShakerModuleV1", 1)
    adapter = hs.load_adapter("opentrons_96_flat_bottom_adapter")
    plate = adapter.load_labware("nest_96_wellplate_200ul_flat")
    tips = ctx.load_labware("opentrons_96_tiprack_300ul", 3)
    spare = ctx.load_labware("opentrons_96_tiprack_300ul", 6)
    off = ctx.load_labware("nest_12_reservoir_15ml", protocol_api.OFF_DECK)
    ctx.load_labware("examplelabs_6_tuberack_20000ul", 7)
    ctx.load_labware_from_definition(plate._definition, 8)
    ctx.load_labware("nest_96_wellplate_200ul_flat", 10)
    p = ctx.load_instrument("p300_single_gen2", "right", tip_racks=[tips, spare])
    p.pick_up_tip()
    p.drop_tip()
    hs.open_labware_latch()
    ctx.move_labware(adapter, 5)
    ctx.move_labware(off, 2)
    ctx.move_labware(tips, 9)
    p.pick_up_tip()
    p.return_tip()
    del ctx.deck["6"]
    ctx.move_labware(adapter, hs)
    ctx.move_labware(plate, protocol_api.OFF_DECK)
`;

describe('Python protocols change state only through state updates', { timeout: 240_000 }, () => {
  let runner: JobRunner;
  let py: InProcessPyodide;

  before(async () => {
    ({ py, runner } = await inProcessPython());
  });

  for (const [name, text] of Object.entries(PROTOCOLS)) {
    it(name, () => {
      py.FS.mkdirTree('/protocol');
      py.FS.writeFile('/protocol/protocol.py', text);
      let made: { engine: ProtocolEngine; options: EngineOptions } | null = null;
      const host = createHost({
        mode: 'analyze',
        customLabware,
        labwareLibrary: [],
        onStep: null,
        onWait: null,
        onParsed: () => {},
        inspectEngine: (engine, options) => (made = { engine, options }),
      });
      const outcome = JSON.parse(runner.run_job(JSON.stringify({ workdir: '/protocol', protocolFile: 'protocol.py', mode: 'analyze' }), (request) => host.call(request))) as { stage: string };
      host.finish(outcome.stage === 'ok');
      const run = made as { engine: ProtocolEngine; options: EngineOptions } | null;
      // A protocol that cannot be read (a syntax error) never reaches the engine.
      if (name.endsWith('syntax_error.py')) return assert.equal(run, null);
      assert.ok(run !== null, `${name}: no engine was made (${outcome.stage})`);
      if (!name.endsWith('.py')) assert.equal(outcome.stage, 'ok', `${name} did not run to its end`);
      assert.ok(run.engine.commands.length > 0, `${name}: nothing ran`);
      assertReplayRebuilds(run.engine, run.options, name);
    });
  }
});
