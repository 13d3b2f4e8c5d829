// The robot backend port end to end: a server given its own RobotBackend hands every step of a
// session run — the run-log entries and the hardware actions the engine recorded for them — to
// that backend, for a JSON and a Python protocol. The backend here records what it receives and
// lets the simulated backend do the rest, so the run behaves as always.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { RunLogEntry } from '../../src/analysis/index.ts';
import type { HardwareAction } from '../../src/engine/index.ts';
import { simulatedBackend, type RobotBackendFactory } from '../../src/runner/index.ts';
import { command, createSession, inState, SIMPLE_V5, startServer, uploadFile, waitFor, type Server } from './helpers.ts';

interface ReceivedStep {
  entries: readonly RunLogEntry[];
  actions: readonly HardwareAction[] | undefined;
}

/** Every run's backend, in the order the session made them, with the steps each received. */
const runs: ReceivedStep[][] = [];

const recordingBackend: RobotBackendFactory = (options) => {
  const simulated = simulatedBackend(options);
  const steps: ReceivedStep[] = [];
  runs.push(steps);
  return {
    step: (entries, actions) => {
      steps.push({ entries: [...entries], actions: actions === undefined ? undefined : [...actions] });
      return simulated.step(entries, actions);
    },
    catchUp: (runLog) => simulated.catchUp(runLog),
    holdFinalPause: () => simulated.holdFinalPause(),
    get tipsHeld() {
      return simulated.tipsHeld;
    },
  };
};

const PYTHON = `metadata = {'apiLevel': '2.11'}

def run(ctx):
    tips = ctx.load_labware('opentrons_96_tiprack_300ul', 2)
    plate = ctx.load_labware('corning_96_wellplate_360ul_flat', 1)
    p = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])
    p.pick_up_tip()
    p.aspirate(50, plate['A1'])
    p.dispense(50, plate['A2'])
    p.drop_tip()
    ctx.home()
`;

let server: Server;
let work: string;

before(async () => {
  server = await startServer({ speed: 'max', robotBackend: recordingBackend });
  work = await mkdtemp(path.join(tmpdir(), 'labwright-backend-'));
  const python = path.join(work, 'backend_port.py');
  await writeFile(python, PYTHON);
  assert.equal((await uploadFile(server.base, SIMPLE_V5)).status, 201);
  assert.equal((await uploadFile(server.base, python)).status, 201);
});
after(async () => {
  await server?.close();
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

/** Loads the protocol in a session, runs it to the end, and returns the steps its backend received. */
async function runToEnd(protocolId: string): Promise<ReceivedStep[]> {
  const created = await createSession(server.base, protocolId);
  const loaded = await waitFor(server.base, created.id, inState('loaded', 'error'), 120_000);
  assert.equal(loaded.details.currentState, 'loaded', JSON.stringify(loaded.details.errors));
  const before = runs.length;
  assert.equal((await command(server.base, created.id, 'protocol.startRun')).status, 200);
  const done = await waitFor(server.base, created.id, inState('finished', 'error', 'stopped'), 120_000);
  assert.equal(done.details.currentState, 'finished', JSON.stringify(done.details.errors));
  // The load is a simulation, not a run: only startRun made a backend.
  assert.equal(runs.length, before + 1);
  return runs[before];
}

/** Each step's actions name only that step's entries, and add up to each entry's duration. */
function assertActionsMatchEntries(steps: readonly ReceivedStep[]): HardwareAction[] {
  const all: HardwareAction[] = [];
  for (const { entries, actions } of steps) {
    assert.ok(actions !== undefined, 'a run step carries its actions');
    const indices = new Set(entries.map((e) => e.index));
    const spent = new Map<number, number>();
    for (const a of actions) {
      if (a.entryIndex === null) continue;
      assert.ok(indices.has(a.entryIndex), `${a.kind} belongs to entry ${a.entryIndex}, not in its step`);
      spent.set(a.entryIndex, (spent.get(a.entryIndex) ?? 0) + a.seconds);
    }
    for (const e of entries) assert.equal(spent.get(e.index) ?? 0, e.durationS, e.text);
    all.push(...actions);
  }
  return all;
}

test('a JSON protocol run hands every command with its hardware actions to the backend', async () => {
  const steps = await runToEnd('simpleV5');
  assert.deepEqual(
    steps.map((s) => s.entries.map((e) => e.name)),
    [
      ['command.PICK_UP_TIP'],
      ['command.ASPIRATE'],
      ['command.DELAY'],
      ['command.DISPENSE'],
      ['command.TOUCH_TIP'],
      ['command.BLOW_OUT'],
      ['command.MOVE_TO'],
      ['command.MOVE_TO'],
      ['command.MOVE_TO'],
      ['command.DROP_TIP'],
    ],
  );
  const actions = assertActionsMatchEntries(steps);
  assert.deepEqual(
    steps.map((s) => s.actions?.map((a) => a.kind)),
    [
      ['gantryMove', 'tipPress'],
      ['gantryMove', 'plungerMove', 'gantryMove', 'plungerMove'],
      ['delay'],
      ['gantryMove', 'plungerMove'],
      ['gantryMove', 'gantryMove'],
      ['gantryMove', 'plungerMove'],
      ['gantryMove'],
      ['gantryMove'],
      ['gantryMove'],
      ['gantryMove', 'tipEject'],
    ],
  );
  const delay = actions.find((a) => a.kind === 'delay');
  assert.equal(delay?.seconds, 42);
});

test('a Python protocol run hands every call with its hardware actions to the backend, unlogged ones too', async () => {
  const steps = await runToEnd('backend_port');
  assert.deepEqual(
    steps.map((s) => s.entries.map((e) => e.name)),
    // The run homes the robot before the protocol's run() (as the OT-2 does): a step of no entries.
    [[], ['command.PICK_UP_TIP'], ['command.ASPIRATE'], ['command.DISPENSE'], ['command.DROP_TIP'], []],
  );
  assertActionsMatchEntries(steps);
  assert.deepEqual(
    steps.map((s) => s.actions?.map((a) => a.kind)),
    [
      ['home'],
      ['gantryMove', 'tipPress'],
      ['gantryMove', 'plungerMove', 'gantryMove', 'plungerMove'],
      ['gantryMove', 'plungerMove'],
      ['gantryMove', 'tipEject'],
      ['home'],
    ],
  );
  const aspirate = steps[2].actions?.[3];
  assert.ok(aspirate?.kind === 'plungerMove');
  assert.equal(aspirate.mount, 'right');
  assert.ok(aspirate.mm < 0, 'aspirating draws the plunger up');
  const home = steps[5].actions?.[0];
  assert.deepEqual(home, { kind: 'home', axes: 'all', seconds: 12, entryIndex: null });
});
