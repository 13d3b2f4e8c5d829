// The Heater-Shaker in Python protocols (python-protocol-api 2.12–2.19, §B.2.13, Part C.3, the
// Heater-Shaker rows of Part D.2.1, §B.2.14's statuses): HeaterShakerContext's texts and errors on
// the legacy path (2.13) and on the Protocol Engine's (2.15), the moves it forbids, a real-world
// incubation compared line for line, its equipment and its modeled time.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Analysis } from '../../../src/common/index.ts';
import { analyze, protocol, service } from '../helpers.ts';
import { lines } from './helpers.ts';

const svc = service();
after(() => svc.close());

/** Entry texts without nesting, and with the engine levels' `on slot N` read as `on N` (Part C.2). */
function texts(a: Analysis): string[] {
  return a.runLog.map((e) => e.text.replace(/ on slot (\d+)/g, ' on $1'));
}

function onlyError(a: Analysis): string {
  assert.equal(a.errors.length, 1, JSON.stringify(a.errors));
  return a.errors[0].description;
}

const PLATE = 'Opentrons 96 Flat Bottom Heater-Shaker Adapter with NEST 96 Well Plate 200 µL Flat';
const HS = `hs = ctx.load_module('heaterShakerModuleV1', 1)
plate = hs.load_labware('opentrons_96_flat_bottom_adapter_nest_wellplate_200ul_flat')`;
const STATUS = `ctx.comment(str([hs.labware_latch_status, hs.temperature_status, hs.speed_status, hs.current_temperature, hs.target_temperature, hs.current_speed, hs.target_speed]))`;

describe('HeaterShakerContext texts (§B.2.13, C.3)', () => {
  const BODY = `${HS}
hs.close_labware_latch()
hs.set_target_temperature(37.55)
hs.wait_for_temperature()
hs.set_and_wait_for_temperature(40)
hs.set_and_wait_for_shake_speed(500)
hs.deactivate_shaker()
hs.deactivate_heater()
hs.open_labware_latch()`;
  const EXPECTED = [
    'Latching labware on Heater-Shaker',
    'Setting Target Temperature of Heater-Shaker to 37 °C',
    'Waiting for Heater-Shaker to reach target temperature',
    'Setting Target Temperature of Heater-Shaker to 40 °C',
    'Waiting for Heater-Shaker to reach target temperature',
    'Setting Heater-Shaker to Shake at 500 RPM and waiting until reached',
    'Deactivating Shaker',
    'Deactivating Heater',
    'Unlatching labware on Heater-Shaker',
  ];
  for (const level of ['2.13', '2.15', '2.19']) {
    it(`every member's entry at ${level}`, async () => {
      const a = await analyze(svc, protocol(BODY, level));
      assert.deepEqual(a.errors, []);
      assert.deepEqual(lines(a), EXPECTED);
      assert.deepEqual(
        a.runLog.map((e) => e.name),
        [
          'command.HEATER_SHAKER_CLOSE_LABWARE_LATCH',
          'command.HEATER_SHAKER_SET_TARGET_TEMPERATURE',
          'command.HEATER_SHAKER_WAIT_FOR_TEMPERATURE',
          'command.HEATER_SHAKER_SET_TARGET_TEMPERATURE',
          'command.HEATER_SHAKER_WAIT_FOR_TEMPERATURE',
          'command.HEATER_SHAKER_SET_AND_WAIT_FOR_SHAKE_SPEED',
          'command.HEATER_SHAKER_DEACTIVATE_SHAKER',
          'command.HEATER_SHAKER_DEACTIVATE_HEATER',
          'command.HEATER_SHAKER_OPEN_LABWARE_LATCH',
        ],
      );
      // The same command types as JSON v6–8's.
      assert.deepEqual(
        (a.commands ?? []).map((c) => c.commandType).filter((t) => t.startsWith('heaterShaker/')),
        [
          'heaterShaker/closeLabwareLatch',
          'heaterShaker/setTargetTemperature',
          'heaterShaker/waitForTemperature',
          'heaterShaker/setTargetTemperature',
          'heaterShaker/waitForTemperature',
          'heaterShaker/setAndWaitForShakeSpeed',
          'heaterShaker/deactivateShaker',
          'heaterShaker/deactivateHeater',
          'heaterShaker/openLabwareLatch',
        ],
      );
    });
  }

  it('the temperature is truncated towards zero and the speed printed as given', async () => {
    const a = await analyze(svc, protocol(`${HS}\nhs.close_labware_latch()\nhs.set_target_temperature(94.99)\nhs.set_and_wait_for_shake_speed(1500.0)`, '2.13'));
    assert.deepEqual(lines(a).slice(1), ['Setting Target Temperature of Heater-Shaker to 94 °C', 'Setting Heater-Shaker to Shake at 1500.0 RPM and waiting until reached']);
  });

  it('labware on it prints on the module (legacy: `on Heater-Shaker Module GEN1 on 1`)', async () => {
    const a = await analyze(
      svc,
      protocol(
        `${HS}
tips = ctx.load_labware('opentrons_96_tiprack_300ul', 5)
p = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])
hs.close_labware_latch()
p.pick_up_tip()
p.aspirate(20, plate['A1'])
p.dispense(20, plate['B2'])
ctx.comment(str(plate))`,
        '2.13',
      ),
    );
    assert.deepEqual(a.errors, []);
    assert.deepEqual(lines(a).slice(2), [
      `Aspirating 20.0 uL from A1 of ${PLATE} on Heater-Shaker Module GEN1 on 1 at 92.86 uL/sec`,
      `Dispensing 20.0 uL into B2 of ${PLATE} on Heater-Shaker Module GEN1 on 1 at 92.86 uL/sec`,
      `${PLATE} on Heater-Shaker Module GEN1 on 1`,
    ]);
  });

  it('every member needs 2.13 (the module loads from 2.12)', async () => {
    const members = [
      'hs.set_target_temperature(40)',
      'hs.wait_for_temperature()',
      'hs.set_and_wait_for_temperature(40)',
      'hs.set_and_wait_for_shake_speed(500)',
      'hs.open_labware_latch()',
      'hs.close_labware_latch()',
      'hs.deactivate_shaker()',
      'hs.deactivate_heater()',
      'hs.target_temperature',
      'hs.current_temperature',
      'hs.current_speed',
      'hs.target_speed',
      'hs.temperature_status',
      'hs.speed_status',
      'hs.labware_latch_status',
    ];
    for (const call of members) {
      const a = await analyze(svc, protocol(`${HS}\n${call}`, '2.12'));
      const name = /hs\.(\w+)/.exec(call)?.[1];
      assert.ok(
        onlyError(a).endsWith(
          `HeaterShakerContext.${name} was added in 2.13, but your protocol requested version 2.12. You must increase your API version to 2.13 to use this functionality.`,
        ),
        call,
      );
      // The version check comes before the entry.
      assert.deepEqual(lines(a), [], call);
    }
  });

  it('below 2.12 the module is unknown, as in 4.7.0', async () => {
    const a = await analyze(svc, protocol(`hs = ctx.load_module('heaterShakerModuleV1', 1)`, '2.11'));
    assert.match(onlyError(a), /heaterShakerModuleV1 is not a valid module load name\./);
  });
});

describe('HeaterShakerContext errors: entry first, then the check (§B.2.13, D.2.1)', () => {
  // [body after HS, entries, legacy (2.13) text, engine (2.15) text]
  const CASES: [string, string[], string, string | RegExp][] = [
    [
      'hs.set_target_temperature(20)',
      ['Setting Target Temperature of Heater-Shaker to 20 °C'],
      'Cannot set Heater-Shaker to 20 °C. Valid range is 37-95 °C.',
      'Cannot set Heater-Shaker to 20 °C. Valid range is 37-95 °C.',
    ],
    [
      'hs.set_and_wait_for_temperature(95.5)',
      ['Setting Target Temperature of Heater-Shaker to 95 °C'],
      'Cannot set Heater-Shaker to 95.5 °C. Valid range is 37-95 °C.',
      'Cannot set Heater-Shaker to 95.5 °C. Valid range is 37-95 °C.',
    ],
    [
      'hs.close_labware_latch()\nhs.set_and_wait_for_shake_speed(100)',
      ['Latching labware on Heater-Shaker', 'Setting Heater-Shaker to Shake at 100 RPM and waiting until reached'],
      'Cannot set Heater-Shaker to shake at 100 rpm. Valid speed range is 200-3000 rpm.',
      'Cannot set Heater-Shaker to shake at 100 rpm. Valid speed range is 200-3000 rpm.',
    ],
    [
      'hs.open_labware_latch()\nhs.set_and_wait_for_shake_speed(500)',
      ['Unlatching labware on Heater-Shaker', 'Setting Heater-Shaker to Shake at 500 RPM and waiting until reached'],
      'Cannot start shaking unless labware latch is closed.',
      'Heater-Shaker cannot start or deactivate shaking while the labware latch is open.',
    ],
    [
      'hs.close_labware_latch()\nhs.set_and_wait_for_shake_speed(500)\nhs.open_labware_latch()',
      ['Latching labware on Heater-Shaker', 'Setting Heater-Shaker to Shake at 500 RPM and waiting until reached', 'Unlatching labware on Heater-Shaker'],
      'Cannot open labware latch while module is shaking.',
      'Heater-Shaker cannot open its labware latch while it is shaking.',
    ],
    [
      'hs.wait_for_temperature()',
      ['Waiting for Heater-Shaker to reach target temperature'],
      'Heater-Shaker Module does not have a target temperature set.',
      /Module \S+ does not have a target temperature set\.$/,
    ],
  ];
  for (const [body, entries, legacy, engine] of CASES) {
    it(`${body.split('\n').pop()} → ${legacy.slice(0, 40)}…`, async () => {
      const at213 = await analyze(svc, protocol(`${HS}\n${body}`, '2.13'));
      assert.ok(onlyError(at213).endsWith(legacy), onlyError(at213));
      assert.deepEqual(texts(at213), entries);
      const at215 = await analyze(svc, protocol(`${HS}\n${body}`, '2.15'));
      if (typeof engine === 'string') assert.ok(onlyError(at215).endsWith(engine), onlyError(at215));
      else assert.match(onlyError(at215), engine);
      assert.deepEqual(texts(at215), entries);
    });
  }

  it('the errors are the classes a protocol can catch (2.13)', async () => {
    const a = await analyze(
      svc,
      protocol(
        `from opentrons.protocol_api.module_validation_and_errors import (InvalidTargetTemperatureError, InvalidTargetSpeedError, CannotPerformModuleAction, NoTargetTemperatureSetError, PipetteMovementRestrictedByHeaterShakerError)
${HS}
tips = ctx.load_labware('opentrons_96_tiprack_300ul', 2)
p = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])
for call, cls in [(lambda: hs.set_target_temperature(20), InvalidTargetTemperatureError),
                  (lambda: hs.set_and_wait_for_shake_speed(100), InvalidTargetSpeedError),
                  (lambda: hs.set_and_wait_for_shake_speed(500), CannotPerformModuleAction),
                  (lambda: hs.wait_for_temperature(), NoTargetTemperatureSetError),
                  (lambda: p.pick_up_tip(), PipetteMovementRestrictedByHeaterShakerError)]:
    try:
        call()
    except cls as e:
        ctx.comment('caught ' + type(e).__name__)
assert issubclass(InvalidTargetTemperatureError, ValueError)`,
        '2.13',
      ),
    );
    assert.deepEqual(a.errors, []);
    assert.deepEqual(
      a.runLog.map((e) => e.text).filter((t) => t.startsWith('caught')),
      [
        'caught InvalidTargetTemperatureError',
        'caught InvalidTargetSpeedError',
        'caught CannotPerformModuleAction',
        'caught NoTargetTemperatureSetError',
        'caught PipetteMovementRestrictedByHeaterShakerError',
      ],
    );
  });
});

describe('pipette moves near a Heater-Shaker (§B.2.13, D.2.1)', () => {
  const SINGLE = "p = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])";
  const MULTI = "p = ctx.load_instrument('p300_multi_gen2', 'right', tip_racks=[tips])";
  // [setup after HS, the move, its entry, legacy (2.13) text, engine (2.15) text]
  const CASES: [string, string, string, string, string][] = [
    [
      `tips = ctx.load_labware('opentrons_96_tiprack_300ul', 2)\n${SINGLE}`,
      'p.pick_up_tip()',
      'Picking up tip from A1 of Opentrons OT-2 96 Tip Rack 300 µL on 2',
      'Cannot move pipette to Heater-Shaker or adjacent slot to the left or right while labware latch is open',
      'Cannot move pipette to left or right of Heater-Shaker while labware latch  has not been closed.',
    ],
    [
      `tips = ctx.load_labware('opentrons_96_tiprack_300ul', 5)\n${SINGLE}\np.pick_up_tip()`,
      "p.move_to(plate['A1'].top())",
      `Moving to A1 of ${PLATE} on Heater-Shaker Module GEN1 on 1`,
      'Cannot move pipette to Heater-Shaker or adjacent slot to the left or right while labware latch is open',
      'Cannot move pipette to Heater-Shaker while labware latch has not been closed.',
    ],
    [
      `tips = ctx.load_labware('opentrons_96_tiprack_300ul', 5)\n${SINGLE}\np.pick_up_tip()\nhs.open_labware_latch()`,
      "p.move_to(plate['A1'].top())",
      `Moving to A1 of ${PLATE} on Heater-Shaker Module GEN1 on 1`,
      'Cannot move pipette to Heater-Shaker or adjacent slot to the left or right while labware latch is open',
      'Cannot move pipette to Heater-Shaker while labware latch is open.',
    ],
    [
      `tips = ctx.load_labware('opentrons_96_tiprack_300ul', 4)\n${SINGLE}\nhs.close_labware_latch()\nhs.set_and_wait_for_shake_speed(500)`,
      'p.pick_up_tip()',
      'Picking up tip from A1 of Opentrons OT-2 96 Tip Rack 300 µL on 4',
      'Cannot move pipette to Heater-Shaker or adjacent slot while module is shaking',
      'Cannot move pipette to Heater-Shaker or adjacent slot while module is shaking',
    ],
    [
      `tips = ctx.load_labware('opentrons_96_tiprack_300ul', 2)\n${MULTI}\nhs.close_labware_latch()`,
      'p.pick_up_tip()',
      'Picking up tip from A1 of Opentrons OT-2 96 Tip Rack 300 µL on 2',
      'Cannot move 8-Channel pipette to slot adjacent to the left or right of Heater-Shaker',
      'Cannot move 8-Channel pipette to slot adjacent to the left or right of Heater-Shaker',
    ],
  ];
  for (const [setup, move, entry, legacy, engine] of CASES) {
    it(`${move} → ${legacy.slice(0, 50)}…`, async () => {
      for (const [level, text] of [['2.13', legacy], ['2.15', engine]]) {
        const a = await analyze(svc, protocol(`${HS}\n${setup}\n${move}`, level));
        assert.ok(onlyError(a).endsWith(text), `${level}: ${onlyError(a)}`);
        // Raised after the moving command's entry.
        assert.equal(texts(a).at(-1), entry, level);
      }
    });
  }

  it('an 8-channel pipette may go to a tip rack behind it, not to a plate in front of it', async () => {
    // The Heater-Shaker in 4: the tip rack behind it (7) is fine, the plate in front of it (1) is not.
    for (const [level, description] of [
      ['2.13', 'Cannot move 8-Channel pipette to non-tip-rack labware directly in front of or behind a Heater-Shaker'],
      ['2.15', 'Cannot move 8-Channel pipette to non-tip-rack labware directly in front of or behind a Heater-Shaker'],
    ]) {
      const a = await analyze(
        svc,
        protocol(
          `hs = ctx.load_module('heaterShakerModuleV1', 4)
hs.load_labware('opentrons_96_flat_bottom_adapter_nest_wellplate_200ul_flat')
tips = ctx.load_labware('opentrons_96_tiprack_300ul', 7)
front = ctx.load_labware('corning_96_wellplate_360ul_flat', 1)
p = ctx.load_instrument('p300_multi_gen2', 'right', tip_racks=[tips])
hs.close_labware_latch()
p.pick_up_tip()
p.move_to(front['A1'].top())`,
          level,
        ),
      );
      assert.ok(onlyError(a).endsWith(description), `${level}: ${onlyError(a)}`);
      assert.deepEqual(texts(a), ['Latching labware on Heater-Shaker', 'Picking up tip from A1 of Opentrons OT-2 96 Tip Rack 300 µL on 7', 'Moving to A1 of Corning 96 Well Plate 360 µL Flat on 1']);
    }
  });

  it('with the latch closed and the shaker still, pipetting on it and beside it is free', async () => {
    for (const level of ['2.13', '2.15']) {
      const a = await analyze(
        svc,
        protocol(
          `${HS}
tips = ctx.load_labware('opentrons_96_tiprack_300ul', 2)
p = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])
hs.close_labware_latch()
hs.set_and_wait_for_shake_speed(500)
hs.deactivate_shaker()
p.pick_up_tip()
p.aspirate(50, plate['A1'])
p.dispense(50, plate['A2'])
p.drop_tip()`,
          level,
        ),
      );
      assert.deepEqual(a.errors, [], level);
    }
  });
});

describe('HeaterShakerContext statuses (§B.2.13, §B.2.14)', () => {
  const BODY = `${HS}
${STATUS}
hs.close_labware_latch()
hs.set_and_wait_for_temperature(40)
hs.set_and_wait_for_shake_speed(500)
${STATUS}
hs.deactivate_shaker()
hs.deactivate_heater()
hs.open_labware_latch()
${STATUS}`;

  it('follow the commands on the legacy path (2.13)', async () => {
    const a = await analyze(svc, protocol(BODY, '2.13'));
    assert.deepEqual(a.errors, []);
    const statuses = a.runLog.map((e) => e.text).filter((t) => t.startsWith('['));
    assert.deepEqual(statuses, [
      "['idle_unknown', 'idle', 'idle', 23, None, 0, None]",
      "['idle_closed', 'holding at target', 'holding at target', 40, 40, 500, 500]",
      "['idle_open', 'idle', 'idle', 23, None, 0, None]",
    ]);
  });

  it('stay at their starting values on the engine path (2.15)', async () => {
    const a = await analyze(svc, protocol(BODY, '2.15'));
    assert.deepEqual(a.errors, []);
    const statuses = a.runLog.map((e) => e.text).filter((t) => t.startsWith('['));
    assert.deepEqual(statuses, Array(3).fill("['idle_unknown', 'idle', 'idle', 23, None, 0, None]"));
  });
});

// A real-world-style incubation: the plate placed on the opened latch, heated while the wells are
// filled, then shaken at temperature, everything switched off and the plate released.
const INCUBATION = `from opentrons import protocol_api

metadata = {'protocolName': 'Heater-Shaker incubation', 'author': 'Lab', 'apiLevel': '2.13'}

def run(ctx: protocol_api.ProtocolContext):
    hs = ctx.load_module('heaterShakerModuleV1', 1)
    hs_plate = hs.load_labware('opentrons_96_flat_bottom_adapter_nest_wellplate_200ul_flat')
    tips = ctx.load_labware('opentrons_96_tiprack_300ul', 5)
    reservoir = ctx.load_labware('nest_12_reservoir_15ml', 3)
    p300 = ctx.load_instrument('p300_single_gen2', 'right', tip_racks=[tips])

    hs.open_labware_latch()
    ctx.pause('Place the plate on the Heater-Shaker')
    hs.close_labware_latch()
    hs.set_target_temperature(37)

    for well in hs_plate.wells()[:3]:
        p300.pick_up_tip()
        p300.aspirate(100, reservoir['A1'])
        p300.dispense(100, well)
        p300.blow_out(well.top())
        p300.drop_tip()

    hs.wait_for_temperature()
    hs.set_and_wait_for_shake_speed(500)
    ctx.delay(minutes=10)
    hs.deactivate_shaker()
    hs.deactivate_heater()
    hs.open_labware_latch()
`;

describe('a real-world 2.13 incubation', () => {
  it('runs line for line', async () => {
    const a = await analyze(svc, INCUBATION);
    assert.deepEqual(a.errors, []);
    const onHs = `${PLATE} on Heater-Shaker Module GEN1 on 1`;
    const fill = (well: string) => [
      // The plate's wells A1, B1, C1 take the rack's tips A1, B1, C1.
      `Picking up tip from ${well} of Opentrons OT-2 96 Tip Rack 300 µL on 5`,
      'Aspirating 100.0 uL from A1 of NEST 12 Well Reservoir 15 mL on 3 at 92.86 uL/sec',
      `Dispensing 100.0 uL into ${well} of ${onHs} at 92.86 uL/sec`,
      `Blowing out at ${well} of ${onHs}`,
      'Dropping tip into A1 of Opentrons Fixed Trash on 12',
    ];
    assert.deepEqual(lines(a), [
      'Unlatching labware on Heater-Shaker',
      'Pausing robot operation: Place the plate on the Heater-Shaker',
      'Latching labware on Heater-Shaker',
      'Setting Target Temperature of Heater-Shaker to 37 °C',
      ...fill('A1'),
      ...fill('B1'),
      ...fill('C1'),
      'Waiting for Heater-Shaker to reach target temperature',
      'Setting Heater-Shaker to Shake at 500 RPM and waiting until reached',
      'Delaying for 10 minutes and 0.0 seconds',
      'Deactivating Shaker',
      'Deactivating Heater',
      'Unlatching labware on Heater-Shaker',
    ]);
  });

  it('requires the Heater-Shaker and the plate on it', async () => {
    const a = await analyze(svc, INCUBATION);
    assert.deepEqual(a.requiredEquipment.modules, [{ type: 'heaterShakerModuleType', model: 'heaterShakerModuleV1', location: 1 }]);
    assert.deepEqual(
      a.requiredEquipment.labware.find((l) => l.location === 1),
      {
        label: 'opentrons_96_flat_bottom_adapter_nest_wellplate_200ul_flat',
        uri: 'opentrons/opentrons_96_flat_bottom_adapter_nest_wellplate_200ul_flat/1',
        location: 1,
      },
    );
    const loadModule = (a.commands ?? []).find((c) => c.commandType === 'loadModule');
    assert.ok(loadModule !== undefined);
    assert.equal((loadModule.result as { model: string }).model, 'heaterShakerModuleV1');
  });
});

describe('the time model', () => {
  const base = `${HS}\nhs.close_labware_latch()`;
  it('heating, shaking and the latch take time', async () => {
    const idle = await analyze(svc, protocol(base, '2.13'));
    const heated = await analyze(svc, protocol(`${base}\nhs.set_and_wait_for_temperature(60)`, '2.13'));
    const shaken = await analyze(svc, protocol(`${base}\nhs.set_and_wait_for_shake_speed(1000)\nhs.deactivate_shaker()`, '2.13'));
    const latched = await analyze(svc, protocol(`${base}\nhs.open_labware_latch()\nhs.close_labware_latch()`, '2.13'));
    // 23 → 60 °C at the modeled 0.2 °C/s.
    assert.ok(heated.estimatedDurationSeconds - idle.estimatedDurationSeconds >= 180, String(heated.estimatedDurationSeconds));
    assert.ok(shaken.estimatedDurationSeconds > idle.estimatedDurationSeconds);
    assert.ok(latched.estimatedDurationSeconds > idle.estimatedDurationSeconds);
    // Setting a target does not wait; the wait takes what is left of the ramp.
    const set = await analyze(svc, protocol(`${base}\nhs.set_target_temperature(60)`, '2.13'));
    assert.equal(set.estimatedDurationSeconds, idle.estimatedDurationSeconds);
    const waitEntry = heated.runLog.find((e) => e.text.startsWith('Waiting for Heater-Shaker'));
    assert.ok(waitEntry !== undefined && waitEntry.durationS >= 180);
  });

  it('the engine path models the same time (2.15)', async () => {
    const idle = await analyze(svc, protocol(base, '2.15'));
    const heated = await analyze(svc, protocol(`${base}\nhs.set_and_wait_for_temperature(60)\nhs.set_and_wait_for_shake_speed(1000)`, '2.15'));
    assert.ok(heated.estimatedDurationSeconds - idle.estimatedDurationSeconds >= 180);
  });
});
