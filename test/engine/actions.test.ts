// Hardware actions: what each command asks of the robot (gantry waypoints and speeds, plunger
// travel, tip presses, module set-points, waits), recorded when the engine is asked to. Their
// seconds are the modeled clock: all of them add up to it, those of one entry to its duration.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedDefinitions } from '../../src/definitions/index.ts';
import { ProtocolEngine } from '../../src/engine/index.ts';
import type { HardwareAction } from '../../src/engine/index.ts';
import { basic, well } from './helpers.ts';

function recording(apiLevel = '2.11'): ProtocolEngine {
  return new ProtocolEngine({ apiLevel, definitions: sharedDefinitions(), recordHardwareActions: true });
}

function actionsOf(e: ProtocolEngine): readonly HardwareAction[] {
  const actions = e.hardwareActions;
  assert.ok(actions !== null, 'the engine records actions');
  return actions;
}

function ofKind<K extends HardwareAction['kind']>(actions: readonly HardwareAction[], kind: K): Extract<HardwareAction, { kind: K }>[] {
  return actions.filter((a): a is Extract<HardwareAction, { kind: K }> => a.kind === kind);
}

/** The actions' seconds add up to the engine clock, and per entry to its durationS, bit for bit. */
function assertTimeAccountedFor(e: ProtocolEngine): void {
  const actions = actionsOf(e);
  let sum = 0;
  for (const a of actions) {
    assert.ok(a.seconds >= 0, `${a.kind} has ${a.seconds} s`);
    sum += a.seconds;
  }
  assert.equal(sum, e.clock);
  const perEntry = new Map<number, number>();
  for (const a of actions) if (a.entryIndex !== null) perEntry.set(a.entryIndex, (perEntry.get(a.entryIndex) ?? 0) + a.seconds);
  for (const entry of e.runLog) assert.equal(perEntry.get(entry.index) ?? 0, entry.durationS, entry.text);
}

/** µL per mm of a P300 GEN2 at `volume` (its aspirate and dispense tables are the same). */
function p300UlPerMm(volume: number): number {
  if (volume <= 53.34 && volume > 44.17) return 0.006137 * volume + 8.56;
  if (volume <= 305.2 && volume > 295.8) return 0.0005193 * volume + 9.091;
  throw new Error(`no table row picked for ${volume}`);
}

describe('hardware actions of a small protocol', () => {
  const e = recording();
  const plate = e.loadLabware('corning_96_wellplate_360ul_flat', 1);
  const tips = e.loadLabware('opentrons_96_tiprack_300ul', 2);
  const p = e.loadInstrument('p300_single_gen2', 'right', [tips.labwareId]).pipetteId;
  const plateWell = (name: string) => plate.wells.find((w) => w.name === name)!;
  const tipWell = tips.wells.find((w) => w.name === 'A1')!;
  const loadedActions = actionsOf(e).length;
  e.pickUpTip(p);
  e.aspirate(p, 50, well(plate.labwareId, 'A1'));
  e.dispense(p, 50, well(plate.labwareId, 'A2'));
  e.dropTip(p);
  e.delay(2);
  e.home();
  const actions = actionsOf(e);
  const state = e.pipetteState(p);

  test('loading records nothing; each command its motion in order', () => {
    assert.equal(loadedActions, 0);
    assert.deepEqual(
      actions.map((a) => a.kind),
      [
        'gantryMove', 'tipPress', // pick up: arc to the tip, presses
        'gantryMove', 'plungerMove', 'gantryMove', 'plungerMove', // aspirate: to the top, plunger to the bottom, down, aspirate
        'gantryMove', 'plungerMove', // dispense: arc to A2, dispense
        'gantryMove', 'tipEject', // drop tip: arc to the trash, eject and home the plunger
        'delay',
        'home',
      ],
    );
  });

  test('gantry waypoints: arcs go up, across and down; a move inside one well is straight', () => {
    const [toTip, toTop, down, toA2, toTrash] = ofKind(actions, 'gantryMove');
    assert.equal(toTip.mount, 'right');
    assert.equal(toTip.waypoints.length, 3);
    assert.deepEqual(toTip.waypoints[2], tipWell.top);
    assert.equal(toTip.waypoints[0].z, toTip.waypoints[1].z, 'travel height is level');
    assert.deepEqual({ x: toTip.waypoints[1].x, y: toTip.waypoints[1].y }, { x: tipWell.top.x, y: tipWell.top.y });
    assert.ok(toTip.waypoints[0].z > tipWell.top.z);
    assert.deepEqual(toTip.speeds, { x: 400, y: 400, z: 125 });
    assert.deepEqual(toTop.waypoints.at(-1), plateWell('A1').top);
    // Down into the same well: one straight segment at the move's speed, to 1 mm above the bottom.
    const bottom = plateWell('A1').bottom;
    assert.deepEqual(down.waypoints, [{ x: bottom.x, y: bottom.y, z: bottom.z + 1 }]);
    assert.deepEqual(down.speeds, { x: 400, y: 400, z: 400 });
    const a2 = plateWell('A2').bottom;
    assert.deepEqual(toA2.waypoints.at(-1), { x: a2.x, y: a2.y, z: a2.z + 1 });
    // Inside one labware the arc rises to the well tops + 5 mm.
    assert.equal(toA2.waypoints[0].z, plateWell('A2').top.z + 5);
    assert.equal(toTrash.waypoints.length, 3);
  });

  test('plunger: to the bottom, up by the aspirated volume, back down, in mm at the flow-rate speeds', () => {
    const [prepare, up, down] = ofKind(actions, 'plungerMove');
    const spec = { top: 19.5, bottom: -14.5 };
    // The plunger starts at the top (homed) and goes down to the bottom before aspirating.
    assert.equal(prepare.toMm, spec.bottom);
    assert.equal(prepare.mm, spec.top - spec.bottom);
    const travel = 50 / p300UlPerMm(50);
    assert.ok(Math.abs(up.mm + travel) < 1e-9, `aspirate travels ${up.mm} mm`);
    assert.ok(Math.abs(up.toMm - (spec.bottom + travel)) < 1e-9);
    assert.ok(Math.abs(up.speedMmPerS - state.speed.aspirate) < 1e-6);
    assert.ok(Math.abs(up.speedMmPerS - state.flowRate.aspirate / p300UlPerMm(300)) < 1e-9);
    assert.ok(Math.abs(down.mm - travel) < 1e-9, `dispense travels ${down.mm} mm`);
    assert.equal(down.toMm, spec.bottom);
    assert.ok(Math.abs(down.speedMmPerS - state.speed.dispense) < 1e-6);
    assert.equal(up.seconds, 50 / state.flowRate.aspirate);
    assert.equal(prepare.seconds, 0.3);
  });

  test('tips: the pipette presses and ejects as its definition says', () => {
    const [press] = ofKind(actions, 'tipPress');
    assert.deepEqual(press, { kind: 'tipPress', mount: 'right', presses: 1, distanceMm: 17, incrementMm: 0, speedMmPerS: 10, seconds: 2.5, entryIndex: 0 });
    const [eject] = ofKind(actions, 'tipEject');
    assert.equal(eject.homesPlunger, true);
    assert.equal(eject.speedMmPerS, 7);
    assert.equal(eject.seconds, 2.8);
  });

  test('delay and home carry their time; actions count toward the command they happen in', () => {
    const [delay] = ofKind(actions, 'delay');
    assert.equal(delay.seconds, 2);
    assert.equal(e.runLog[delay.entryIndex!].text, 'Delaying for 0 minutes and 2.0 seconds');
    const [home] = ofKind(actions, 'home');
    assert.deepEqual(home, { kind: 'home', axes: 'all', seconds: 12, entryIndex: null });
    // A top-level aspirate's moves happen before its entry opens, as the run log has always had it.
    const [, toTop, down] = ofKind(actions, 'gantryMove');
    assert.equal(toTop.entryIndex, null);
    assert.equal(down.entryIndex, null);
    const aspirate = ofKind(actions, 'plungerMove')[1];
    assert.equal(e.runLog[aspirate.entryIndex!].name, 'command.ASPIRATE');
  });

  test('the seconds add up to the engine clock and to each entry duration', () => {
    assert.ok(e.clock > 0);
    assertTimeAccountedFor(e);
  });
});

describe('hardware actions of modules', () => {
  test('temperature module, magnetic module and thermocycler: set-points, waits, profiles', () => {
    const e = recording();
    const tips = e.loadLabware('opentrons_96_tiprack_300ul', 2).labwareId;
    e.loadInstrument('p300_single_gen2', 'left', [tips]);
    const temp = e.loadModule('temperature module gen2', 3).moduleId;
    const mag = e.loadModule('magnetic module gen2', 1).moduleId;
    const tc = e.loadModule('thermocycler').moduleId;
    e.temperatureSetTemperature(temp, 4);
    e.temperatureSetTemperature(temp, 10, false);
    e.temperatureAwait(temp, 10);
    e.temperatureDeactivate(temp);
    e.magneticEngage(mag, { height: 10 });
    e.magneticDisengage(mag);
    e.thermocyclerOpenLid(tc);
    e.thermocyclerSetBlockTemperature(tc, 95, 30, null, null);
    e.thermocyclerSetLidTemperature(tc, 105);
    e.thermocyclerExecuteProfile(tc, [{ temperature: 95, hold_time_seconds: 10 }, { temperature: 57, hold_time_minutes: 1 }], 2);
    e.thermocyclerDeactivate(tc);
    const actions = actionsOf(e);
    const brief = actions.map((a) => {
      switch (a.kind) {
        case 'moduleSetPoint':
          return `${a.moduleId} ${a.target}=${a.value}`;
        case 'moduleWait':
          return `${a.moduleId} wait ${a.target} hold ${a.holdSeconds}`;
        case 'thermocyclerProfile':
          return `${a.moduleId} profile ×${a.repetitions}`;
        default:
          return a.kind;
      }
    });
    assert.deepEqual(brief, [
      `${temp} temperature=4`,
      `${temp} wait temperature hold 0`,
      `${temp} temperature=10`,
      `${temp} wait temperature hold 0`,
      `${temp} temperature=null`,
      `${mag} magnetHeight=10`,
      `${mag} magnetHeight=0`,
      'gantryMove', // the lid clearance move above the trash
      `${tc} lid=open`,
      `${tc} temperature=95`,
      `${tc} wait temperature hold 30`,
      `${tc} lidTemperature=105`,
      `${tc} wait lidTemperature hold 0`,
      `${tc} profile ×2`,
      `${tc} temperature=null`,
      `${tc} lidTemperature=null`,
    ]);
    // 23 → 4 °C at 0.1 °C/s; 4 → 10 °C at 0.25 °C/s, all of it awaited by await_temperature.
    const waits = ofKind(actions, 'moduleWait');
    assert.equal(waits[0].seconds, 19 / 0.1);
    assert.equal(waits[1].seconds, 6 / 0.25);
    assert.equal(waits[2].seconds, (95 - 23) / 2 + 30);
    const [profile] = ofKind(actions, 'thermocyclerProfile');
    assert.deepEqual(profile.steps, [
      { temperature: 95, holdSeconds: 10, rampRate: null },
      { temperature: 57, holdSeconds: 60, rampRate: null },
    ]);
    assert.equal(ofKind(actions, 'moduleSetPoint').every((a) => a.target === 'magnetHeight' || a.target === 'lid' || a.seconds === 0), true);
    assertTimeAccountedFor(e);
  });
});

describe('hardware actions, other motion', () => {
  test('max_speeds caps show in the speeds; touch tip, blow-out, homing, a drop without homing', () => {
    const e = recording('2.11');
    const plate = e.loadLabware('corning_96_wellplate_360ul_flat', 1);
    const tips = e.loadLabware('opentrons_96_tiprack_300ul', 2).labwareId;
    const p = e.loadInstrument('p300_single_gen2', 'left', [tips]).pipetteId;
    e.setMaxSpeeds({ x: 100, z: 20 });
    e.pickUpTip(p);
    e.aspirate(p, 300, well(plate.labwareId, 'B2'));
    e.touchTip(p);
    e.blowOut(p);
    e.homePipette(p);
    e.homePlunger(p);
    e.dropTip(p, null, false);
    const actions = actionsOf(e);
    const [toTip] = ofKind(actions, 'gantryMove');
    assert.deepEqual(toTip.speeds, { x: 100, y: 400, z: 20 });
    const touch = ofKind(actions, 'gantryMove')[4]; // after the tip, the well top, the bottom, the well top again
    const b2 = plate.wells.find((w) => w.name === 'B2')!;
    const r = b2.diameter! / 2;
    const round = (x: number) => Math.round(x * 1e9) / 1e9;
    // right, left, centre, back, front, 1 mm below the well top (the default v_offset)
    assert.deepEqual(
      touch.waypoints.map((w) => [round(w.x - b2.top.x), round(w.y - b2.top.y), round(w.z - b2.top.z)]),
      [[r, 0, -1], [-r, 0, -1], [0, 0, -1], [0, r, -1], [0, -r, -1]],
    );
    assert.deepEqual(touch.speeds, { x: 60, y: 60, z: 60 });
    const plunger = ofKind(actions, 'plungerMove');
    const aspirated = plunger[1];
    assert.ok(Math.abs(aspirated.toMm - (-14.5 + 300 / p300UlPerMm(300))) < 1e-9);
    const blowOut = plunger[2];
    assert.equal(blowOut.toMm, -19);
    assert.equal(blowOut.seconds, 0.6);
    assert.deepEqual(
      actions.slice(-4).map((a) => a.kind),
      ['home', 'plungerHome', 'gantryMove', 'tipEject'],
    );
    const [eject] = ofKind(actions, 'tipEject');
    assert.equal(eject.homesPlunger, false);
    assert.equal(eject.seconds, 2);
    assertTimeAccountedFor(e);
  });

  test('with recording off (the default) there are no actions', () => {
    const { e, plate, p } = basic();
    e.pickUpTip(p);
    e.aspirate(p, 50, well(plate, 'A1'));
    assert.equal(e.hardwareActions, null);
  });
});
